package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send invitation": records the invitation and writes its mail to the outbox under a stable
 * Message-ID (meeting, participant), so a retried job never makes a second one.
 */
@Component("sendInvitation")
class SendInvitation implements JavaDelegate {

    private final Invitations invitations;
    private final Outbox outbox;
    private final Participants participants;

    SendInvitation(Invitations invitations, Outbox outbox, Participants participants) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.participants = participants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invitation = invitations.ensure(execution);
        var invitee = participants.get(Long.parseLong((String) execution.getVariable("participantId")));
        outbox.enqueue("invitation-" + invitation, invitee.meetingCode(), invitee.email(),
                "Invitation: " + execution.getVariable("meetingTitle"),
                "Dear " + invitee.name() + ",\n\nYou are invited to the " + execution.getVariable("meetingTitle")
                        + ", " + execution.getVariable("meetingPlace") + ", " + execution.getVariable("meetingDates")
                        + ".\n\nPlease let the secretariat know whether you will attend.\n");
    }
}
