package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** "Send reminder": one reminder mail per timer firing, keyed by the firing so a retry sends none twice. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final Invitations invitations;

    SendReminder(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.remind(Tasks.meetingCode(execution),
                Long.parseLong((String) execution.getVariable(InvitationProcess.PARTICIPANT_ID)),
                execution.getActivityInstanceId());
    }
}
