/**
 * What the meeting produces: summary conclusions with the participants' comment round,
 * recommendations, and the Common Framework with its operational toolbox
 * (bpmn/framework). Drafts and their versions are kept by the document module, whose task
 * listeners and sign-off (SignOffProcess) the framework's BPMN uses; the framework announces
 * {@code CommentRoundOpened}.
 */
@ApplicationModule(allowedDependencies = {"document", "workflow"})
package org.convene.framework;

import org.springframework.modulith.ApplicationModule;
