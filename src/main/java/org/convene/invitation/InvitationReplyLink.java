package org.convene.invitation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.convene.identity.LinkClaims;
import org.convene.identity.LinkPage;
import org.convene.identity.LinkResult;
import org.convene.identity.SignedLinkAction;
import org.convene.identity.SignedLinkRefusal;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invitee's answer through the signed links of the invitation mail (subject = participant
 * id, meeting = meeting code). Accept and decline open the same page. Sending it records the
 * reply (channel link), sets the invitation's status and correlates
 * {@link InvitationProcess#MESSAGE_REPLY_RECEIVED} with {@link InvitationProcess#INVITATION_ACCEPTED}
 * to the invitation's InvitationProcess, which leaves "Record reply".
 * When the invitation no longer waits (staff recorded a reply, the deadline passed, the seat went
 * to someone else) the invitee is told so and nothing changes.
 */
@Component
class InvitationReplyLink implements SignedLinkAction {

    /** The signed links' action; a link's page is {@code /links/<token>}, {@code ?reply=} preselects an answer. */
    static final String ACTION = "invitation-reply";
    static final String REPLY_FIELD = "reply";
    static final String NOTE_FIELD = "note";
    static final int NOTE_LENGTH = 2000;

    private final InvitationReplies replies;
    private final Meetings meetings;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    InvitationReplyLink(InvitationReplies replies, Meetings meetings, RuntimeService runtimeService, JdbcClient jdbc) {
        this.replies = replies;
        this.meetings = meetings;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    record Invited(long invitationId, String processInstanceId, InvitationStatus status, String name, String organisation) {
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public LinkPage describe(LinkClaims claims) {
        Invited invited = waiting(claims);
        Meeting meeting = meetings.get(claims.meetingCode());
        return new LinkPage("Invitation: " + meeting.title(), "Dear " + invited.name() + ",",
                List.of(new LinkPage.Detail("Meeting", meeting.title()),
                        new LinkPage.Detail("Place", meeting.place()),
                        new LinkPage.Detail("Dates", meeting.datesLabel()),
                        new LinkPage.Detail("Invitee", invited.name() + ", " + invited.organisation()),
                        new LinkPage.Detail("Please answer by",
                                InvitationMails.deadlineLabel(claims.expiresAt(), meeting.timeZone()))),
                REPLY_FIELD,
                List.of(new LinkPage.Choice(InvitationReply.ACCEPT.formValue(), "I will attend"),
                        new LinkPage.Choice(InvitationReply.DECLINE.formValue(), "I cannot attend")),
                new LinkPage.TextField(NOTE_FIELD, "A note for the secretariat (optional, up to " + NOTE_LENGTH
                        + " characters)", NOTE_LENGTH),
                "Send my answer");
    }

    @Override
    public LinkResult perform(LinkClaims claims, Map<String, String> form) {
        Invited invited = waiting(claims);
        InvitationReply reply = InvitationReply.ofFormValue(form.get(REPLY_FIELD)).orElse(null);
        if (reply == null) {
            throw new SignedLinkRefusal(400, "Please choose your answer", "Choose \"I will attend\" or \"I cannot "
                    + "attend\" before sending. Nothing was recorded: open the link from the e-mail again.");
        }
        String note = form.getOrDefault(NOTE_FIELD, "").strip();
        if (note.length() > NOTE_LENGTH) {
            throw new SignedLinkRefusal(400, "Your note is too long", "The note may have up to " + NOTE_LENGTH
                    + " characters; yours has " + note.length() + ". Nothing was recorded: open the link from the "
                    + "e-mail again and shorten it.");
        }
        boolean accepted = reply == InvitationReply.ACCEPT;
        if (!replies.recordLinkReply(invited.invitationId(), reply, note.isEmpty() ? null : note)) {
            throw answered(invited.status());
        }
        try {
            runtimeService.createMessageCorrelation(InvitationProcess.MESSAGE_REPLY_RECEIVED)
                    .processInstanceId(invited.processInstanceId())
                    .setVariable(InvitationProcess.INVITATION_ACCEPTED, accepted).correlateWithResult();
        } catch (MismatchingMessageCorrelationException noLongerWaiting) {
            throw deadlinePassed();
        }
        Meeting meeting = meetings.get(claims.meetingCode());
        String what = meeting.title() + ", " + meeting.place() + ", " + meeting.datesLabel();
        return accepted
                ? new LinkResult("Thank you: we look forward to seeing you", "We have recorded that you will attend the "
                        + what + ". The secretariat will send you the documents before the meeting.")
                : new LinkResult("Thank you for letting us know", "We have recorded that you cannot attend the "
                        + what + ".");
    }

    /** The invitation of this link, if it still waits for a reply; else the page that says why not. */
    private Invited waiting(LinkClaims claims) {
        long participantId;
        try {
            participantId = Long.parseLong(claims.subjectId());
        } catch (NumberFormatException e) {
            throw noInvitation();
        }
        Invited invited = jdbc.sql("""
                select i.id, i.process_instance_id, i.status, p.name, p.organisation
                from cv_invitation i join cv_participant p on p.id = i.participant_id
                where i.meeting_code = ? and i.participant_id = ? and p.meeting_code = i.meeting_code""")
                .params(claims.meetingCode(), participantId)
                .query((rs, n) -> new Invited(rs.getLong(1), rs.getString(2), InvitationStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(InvitationReplyLink::noInvitation);
        if (invited.status() != InvitationStatus.SENT) {
            throw answered(invited.status());
        }
        boolean waitsForThisInvitee = runtimeService.createEventSubscriptionQuery()
                .processInstanceId(invited.processInstanceId()).eventType("message")
                .eventName(InvitationProcess.MESSAGE_REPLY_RECEIVED).count() > 0
                && String.valueOf(participantId).equals(runtimeService.getVariable(invited.processInstanceId(),
                        InvitationProcess.PARTICIPANT_ID));
        if (!waitsForThisInvitee) {
            throw deadlinePassed();
        }
        return invited;
    }

    private static SignedLinkRefusal noInvitation() {
        return new SignedLinkRefusal(404, "No invitation for this link", "We hold no invitation for this link. "
                + "Please write to the secretariat.");
    }

    private static SignedLinkRefusal answered(InvitationStatus status) {
        return switch (status) {
            case ACCEPTED -> new SignedLinkRefusal(409, "Your reply is already recorded",
                    "We have already recorded that you will attend. Please write to the secretariat if that has changed.");
            case DECLINED -> new SignedLinkRefusal(409, "Your reply is already recorded",
                    "We have already recorded that you cannot attend. Please write to the secretariat if that has changed.");
            default -> deadlinePassed();
        };
    }

    private static SignedLinkRefusal deadlinePassed() {
        return new SignedLinkRefusal(409, "This invitation no longer waits for a reply",
                "The time to reply through this link has passed, and the secretariat has been asked to decide about "
                        + "the seat. Please write to the secretariat if you still wish to attend.");
    }
}
