package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Tally sign-offs": sets {@link SignOffProcess#SIGNED_OFF}, the outcome under the policy. */
@Component("tallySignOffs")
class TallySignOffs implements JavaDelegate {

    private final SignOff signOff;

    TallySignOffs(SignOff signOff) {
        this.signOff = signOff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean signedOff = signOff.tally(
                ((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(),
                (String) execution.getVariable(SignOffProcess.SIGN_OFF_POLICY),
                ((Number) execution.getVariable(SignOffProcess.REVIEWER_COUNT)).intValue());
        execution.setVariable(SignOffProcess.SIGNED_OFF, signedOff);
    }
}
