package org.convene.document;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.convene.identity.ConveneGroups;
import org.springframework.stereotype.Component;

/**
 * Start listener of SignOffProcess: lists the reviewers (the multi-instance's collection, and
 * their count for the tally after it) and their due date, records who was asked to sign off the version, and checks
 * the policy before any task is created, so an unknown policy or an empty group fails the call
 * rather than a reviewer's signature.
 */
@Component("signOffRequested")
class SignOffRequestedListener implements ExecutionListener {

    private final SignOff signOff;
    private final SignOffEscalation escalation;

    SignOffRequestedListener(SignOff signOff, SignOffEscalation escalation) {
        this.signOff = signOff;
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateExecution execution) {
        SignOffPolicy policy = SignOffPolicy.parse((String) execution.getVariable(SignOffProcess.SIGN_OFF_POLICY));
        long versionId = ((Number) execution.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue();
        List<String> reviewers = signOff.reviewers(versionId, (String) execution.getVariable(SignOffProcess.REVIEWER_IDS),
                (String) execution.getVariable(SignOffProcess.REVIEWER_GROUP));
        execution.setVariable(SignOffProcess.SIGN_OFF_POLICY, policy.toString());
        execution.setVariable(SignOffProcess.REVIEWERS, Variables.objectValue(new ArrayList<>(reviewers))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(SignOffProcess.REVIEWER_COUNT, reviewers.size());
        if (execution.getVariable(SignOffProcess.REVIEWER_GROUP) == null) {
            // named reviewers alone: a replacement at the escalation comes from the reviewers' group
            execution.setVariable(SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS);
        }
        execution.setVariable(SignOffProcess.DUE_AT, escalation.dueFromNow());
        execution.setVariable(SignOffProcess.REMINDERS_SENT, 0);
        signOff.ask(versionId, reviewers);
    }
}
