package org.convene.invitation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.convene.meeting.Meetings;
import org.springframework.stereotype.Component;

/**
 * "Send invitation": records the invitation and writes its mail to the outbox under a stable
 * Message-ID (meeting, participant), so a retried job never makes a second one. The mail carries
 * the invitee's signed accept and decline links, valid until the reply deadline; a retry signs
 * new links, but the outbox keeps the mail (and the links) written first.
 */
@Component("sendInvitation")
class SendInvitation implements JavaDelegate {

    private final Invitations invitations;
    private final Outbox outbox;
    private final Participants participants;
    private final InvitationReplyLink replyLink;
    private final Meetings meetings;

    SendInvitation(Invitations invitations, Outbox outbox, Participants participants, InvitationReplyLink replyLink,
                   Meetings meetings) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.participants = participants;
        this.replyLink = replyLink;
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invitation = invitations.ensure(execution);
        var invitee = participants.get(Long.parseLong((String) execution.getVariable("participantId")));
        // the deadline "Record reply" gets next (a late replacement gets time of its own), on the engine's clock
        Date deadline = invitations.replyDeadline(invitee.meetingCode(), ClockUtil.getCurrentTime());
        String link = replyLink.newLink(invitee.meetingCode(), invitee.id(), deadline);
        outbox.enqueue("invitation-" + invitation, invitee.meetingCode(), invitee.email(),
                "Invitation: " + execution.getVariable("meetingTitle"),
                "Dear " + invitee.name() + ",\n\nYou are invited to the " + execution.getVariable("meetingTitle")
                        + ", " + execution.getVariable("meetingPlace") + ", " + execution.getVariable("meetingDates")
                        + ".\n\nPlease let us know by "
                        + InvitationReplyLink.deadlineLabel(deadline.toInstant(),
                                meetings.get(invitee.meetingCode()).timeZone())
                        + " whether you will attend:\n\n"
                        + "I will attend:\n" + link + "?reply=accept\n\n"
                        + "I cannot attend:\n" + link + "?reply=decline\n\n"
                        + "Each link opens a page where you confirm your answer and may add a note; nothing is "
                        + "recorded until you send it there. You may also answer the secretariat by e-mail, phone "
                        + "or letter.\n");
    }
}
