package org.convene.document;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.document.SignOffProcess.Escalation;
import org.springframework.stereotype.Component;

/** "Extend due date": the reviewers' open tasks move to the new {@link SignOffProcess#DUE_AT}; the reminders' timers follow it. */
@Component("extendSignOff")
class ExtendSignOff implements JavaDelegate {

    private final SignOffEscalation escalation;

    ExtendSignOff(SignOffEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date dueAt = (Date) execution.getVariable(SignOffProcess.DUE_AT);
        escalation.extend(((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(),
                dueAt.toInstant(), (String) execution.getVariable(Escalation.RESOLVED_BY));
        SignOffTasks.moveDueDates(execution, dueAt);
    }
}
