/**
 * Documents and their immutable versions (background paper, working-group reports, day
 * summaries, summary conclusions, recommendations, the Common Framework), their reviews and
 * the reusable sign-off (bpmn/document/SignOffProcess.bpmn) with its record of who signed
 * which version when.
 */
@ApplicationModule(allowedDependencies = {"identity", "workflow"})
package org.convene.document;

import org.springframework.modulith.ApplicationModule;
