package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.document.SignOffProcess.Escalation;
import org.convene.workflow.ReviewDecision;
import org.springframework.stereotype.Component;

/** "Decide for missing reviewers": the manager's decision recorded for each reviewer with an open task, as decided by the manager. */
@Component("decideForMissingReviewers")
class DecideForMissingReviewers implements JavaDelegate {

    private final SignOffEscalation escalation;

    DecideForMissingReviewers(SignOffEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.decideFor(((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(),
                SignOffTasks.open(execution),
                ReviewDecision.ofFormValue(execution.getVariable(Escalation.DECISION_FOR_MISSING)).orElseThrow(),
                (String) execution.getVariable(Escalation.COMMENTS_FOR_MISSING),
                (String) execution.getVariable(Escalation.RESOLVED_BY));
    }
}
