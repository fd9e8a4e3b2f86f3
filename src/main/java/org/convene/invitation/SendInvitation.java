package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** "Send invitation" (asynchronous before and after): the seat's invitation, once, through the outbox. */
@Component("sendInvitation")
class SendInvitation implements JavaDelegate {

    private final Invitations invitations;

    SendInvitation(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.send(Tasks.meetingCode(execution),
                Long.parseLong((String) execution.getVariable(InvitationProcess.PARTICIPANT_ID)),
                execution.getProcessInstanceId());
    }
}
