package org.convene.document;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.document.SignOffProcess.Escalation;
import org.springframework.stereotype.Component;

/**
 * "Replace reviewer": the missing reviewer's task goes to the replacement (recorded), and the
 * reviewers' open tasks move to the new {@link SignOffProcess#DUE_AT}.
 */
@Component("replaceReviewer")
class ReplaceReviewer implements JavaDelegate {

    private final SignOffEscalation escalation;

    ReplaceReviewer(SignOffEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date dueAt = (Date) execution.getVariable(SignOffProcess.DUE_AT);
        String replaced = (String) execution.getVariable(Escalation.REPLACED);
        String replacement = (String) execution.getVariable(Escalation.REPLACED_BY);
        escalation.replace(((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(),
                replaced, replacement, dueAt.toInstant(), (String) execution.getVariable(Escalation.RESOLVED_BY));
        SignOffTasks.handOver(execution, replaced, replacement);
        SignOffTasks.moveDueDates(execution, dueAt);
    }
}
