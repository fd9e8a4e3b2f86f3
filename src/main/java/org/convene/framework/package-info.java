/**
 * What the meeting produces: summary conclusions with the participants' comment round,
 * recommendations, and the Common Framework with its operational toolbox
 * (bpmn/framework). Drafts and their versions are kept by the document module.
 */
@ApplicationModule(allowedDependencies = {"meeting", "document", "identity", "workflow"})
package org.convene.framework;

import org.springframework.modulith.ApplicationModule;
