package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind reviewers": the sign-off of the version is still open after its reminder period. */
@Component("remindReviewers")
class RemindReviewers implements JavaDelegate {

    private final SignOff signOff;

    RemindReviewers(SignOff signOff) {
        this.signOff = signOff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        signOff.remind(((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue());
    }
}
