package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send reminder": one reminder mail per timer firing, keyed by the timer's job so a retry sends none twice. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final Invitations invitations;
    private final Outbox outbox;
    private final Participants participants;

    SendReminder(Invitations invitations, Outbox outbox, Participants participants) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.participants = participants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invitation = invitations.ensure(execution);
        var invitee = participants.get(Long.parseLong((String) execution.getVariable("participantId")));
        outbox.enqueue("reminder-" + invitation + "-" + execution.getActivityInstanceId(), invitee.meetingCode(),
                invitee.email(), "Reminder: " + execution.getVariable("meetingTitle"),
                "Dear " + invitee.name() + ",\n\nWe have not yet heard whether you will attend the "
                        + execution.getVariable("meetingTitle") + ", " + execution.getVariable("meetingDates") + ".\n");
    }
}
