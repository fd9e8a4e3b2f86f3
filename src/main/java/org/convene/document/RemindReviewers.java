package org.convene.document;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Remind reviewers" and "Remind reviewers at due date" (asynchronous): mails the reviewers who
 * have not decided, counting the rounds in {@link SignOffProcess#REMINDERS_SENT} (each mail's key
 * carries its round: a retried job writes no mail twice).
 */
@Component("remindReviewers")
class RemindReviewers implements JavaDelegate {

    private final SignOffEscalation escalation;

    RemindReviewers(SignOffEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ((Number) execution.getVariable(SignOffProcess.REMINDERS_SENT)).intValue() + 1;
        escalation.remind(((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(), round,
                ((Date) execution.getVariable(SignOffProcess.DUE_AT)).toInstant(),
                SignOffProcess.SERVICE_TASK_REMIND_REVIEWERS_AT_DUE_DATE.equals(execution.getCurrentActivityId()),
                SignOffTasks.open(execution));
        execution.setVariable(SignOffProcess.REMINDERS_SENT, round);
    }
}
