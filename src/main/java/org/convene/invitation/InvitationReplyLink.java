package org.convene.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.identity.LinkClaims;
import org.convene.identity.LinkPage;
import org.convene.identity.LinkResult;
import org.convene.identity.SignedLinkAction;
import org.convene.identity.SignedLinkRefusal;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invitee's answer through the signed links of the invitation mail (subject = participant
 * id, meeting = meeting code). Accept and decline open the same page, which asks an attending
 * invitee for practical needs. Sending it goes through {@link InvitationReplies#receive} as a
 * reply by link: recorded, and correlated to the seat's InvitationProcess; after the deadline it
 * is still recorded, as late. The link is valid until the meeting begins. Once a reply is on
 * record (by this link, or by staff), opening or sending the link again shows what was recorded
 * and when, and records nothing.
 */
@Component
class InvitationReplyLink implements SignedLinkAction {

    /** The signed links' action; a link's page is {@code /links/<token>}, {@code ?reply=} preselects an answer. */
    static final String ACTION = "invitation-reply";
    static final String REPLY_FIELD = "reply";
    static final String NOTE_FIELD = "note";
    static final String TRAVEL_SUPPORT_FIELD = "travelSupport";
    static final String VISA_LETTER_FIELD = "visaLetter";
    static final String DIETARY_FIELD = "dietary";
    static final String ACCESSIBILITY_FIELD = "accessibility";
    static final int NOTE_LENGTH = InvitationReplies.NOTE_LENGTH;

    private final InvitationReplies replies;
    private final Invitations invitations;
    private final Meetings meetings;
    private final JdbcClient jdbc;

    InvitationReplyLink(InvitationReplies replies, Invitations invitations, Meetings meetings, JdbcClient jdbc) {
        this.replies = replies;
        this.invitations = invitations;
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    record Invited(long participantId, InvitationStatus status, String name, String organisation) {
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public LinkPage describe(LinkClaims claims) {
        Invited invited = invited(claims).orElseThrow(InvitationReplyLink::noInvitation);
        Meeting meeting = meetings.get(claims.meetingCode());
        String deadline = InvitationMails.deadlineLabel(deadline(claims, invited), meeting.timeZone());
        return new LinkPage("Invitation: " + meeting.title(), "Dear " + invited.name() + ",",
                List.of(new LinkPage.Detail("Meeting", meeting.title()),
                        new LinkPage.Detail("Place", meeting.place()),
                        new LinkPage.Detail("Dates", meeting.datesLabel()),
                        new LinkPage.Detail("Invitee", invited.name() + ", " + invited.organisation()),
                        new LinkPage.Detail("Please answer by", invited.status() == InvitationStatus.LAPSED
                                ? deadline + ". The deadline has passed: your answer is still recorded, and the "
                                        + "secretariat will tell you whether a seat is still free."
                                : deadline)),
                REPLY_FIELD,
                List.of(new LinkPage.Choice(InvitationReply.ACCEPT.formValue(), "I will attend"),
                        new LinkPage.Choice(InvitationReply.DECLINE.formValue(), "I cannot attend")),
                new LinkPage.TextField(NOTE_FIELD, "A note for the secretariat (optional, up to " + NOTE_LENGTH
                        + " characters)", NOTE_LENGTH),
                "Send my answer",
                List.of(new LinkPage.Section("If you will attend: what you need",
                        "Optional. Tick or write what applies; the secretariat will contact you.",
                        List.of(new LinkPage.Checkbox(TRAVEL_SUPPORT_FIELD, "I ask for travel support"),
                                new LinkPage.Checkbox(VISA_LETTER_FIELD, "I need a visa support letter")),
                        List.of(new LinkPage.TextField(DIETARY_FIELD, "Dietary requirements", ReplyNeeds.TEXT_LENGTH),
                                new LinkPage.TextField(ACCESSIBILITY_FIELD, "Accessibility needs", ReplyNeeds.TEXT_LENGTH)))));
    }

    @Override
    public LinkResult perform(LinkClaims claims, Map<String, String> form) {
        Invited invited = invited(claims).orElseThrow(InvitationReplyLink::noInvitation);
        InvitationReply reply = InvitationReply.ofFormValue(form.get(REPLY_FIELD)).orElseThrow(() -> new SignedLinkRefusal(
                400, "Please choose your answer", "Choose \"I will attend\" or \"I cannot attend\" before sending. "
                        + "Nothing was recorded: open the link from the e-mail again."));
        ReplyNeeds needs = new ReplyNeeds(form.containsKey(TRAVEL_SUPPORT_FIELD), form.containsKey(VISA_LETTER_FIELD),
                form.get(DIETARY_FIELD), form.get(ACCESSIBILITY_FIELD));
        InvitationReplies.Outcome outcome;
        try {
            outcome = replies.receive(claims.meetingCode(), invited.participantId(), reply, ReplyChannel.LINK,
                    form.get(NOTE_FIELD), needs, null);
        } catch (InvitationConflict conflict) {
            throw new SignedLinkRefusal(409, "Your answer could not be recorded just now", "Your invitation was "
                    + "being updated at that very moment, and nothing was recorded. Please open the link from the "
                    + "e-mail again in a few minutes, or write to the secretariat.");
        } catch (ChangeRefused tooLong) {
            throw new SignedLinkRefusal(400, "Some of your text is too long", String.join(" ",
                    tooLong.fieldErrors().values()) + " Nothing was recorded: open the link from the e-mail again "
                    + "and shorten it.");
        }
        Meeting meeting = meetings.get(claims.meetingCode());
        String what = meeting.title() + ", " + meeting.place() + ", " + meeting.datesLabel();
        return switch (outcome) {
            case RECORDED, LATE_SEAT_KEPT -> reply == InvitationReply.ACCEPT
                    ? new LinkResult("Thank you: we look forward to seeing you", "We have recorded that you will attend "
                            + "the " + what + ". The secretariat will send you the documents before the meeting.")
                    : new LinkResult("Thank you for letting us know", "We have recorded that you cannot attend the "
                            + what + ".");
            case LATE_SEAT_GONE -> new LinkResult("Thank you: your answer is recorded", "We have recorded that you "
                    + "would attend the " + what + ". Your answer came after the deadline, and your seat has meanwhile "
                    + "been offered to someone else: the secretariat will write to you.");
            case LATE_DECLINE -> new LinkResult("Thank you for letting us know", "We have recorded that you cannot "
                    + "attend the " + what + ".");
        };
    }

    @Override
    public Optional<LinkResult> recorded(LinkClaims claims) {
        Optional<Invited> invited = invited(claims);
        if (invited.isEmpty()) {
            return Optional.empty();
        }
        Meeting meeting = meetings.get(claims.meetingCode());
        if (invited.get().status() == InvitationStatus.WITHDRAWN) {
            return Optional.of(new LinkResult("This invitation has been withdrawn", "The secretariat has withdrawn "
                    + "this invitation to the " + meeting.title() + ". Nothing was recorded by this visit; please write "
                    + "to the secretariat with any question."));
        }
        return replies.latest(claims.meetingCode(), invited.get().participantId()).map(reply -> {
            String when = InvitationMails.deadlineLabel(reply.recordedAt().toInstant(), meeting.timeZone());
            String said = reply.answer() == InvitationReply.ACCEPT ? "you will attend" : "you cannot attend";
            String needs = reply.needs().any() ? " You told us what you need: " + reply.needs().summary() + "." : "";
            return new LinkResult("Your reply is already recorded", "We recorded on " + when + " that " + said
                    + " the " + meeting.title() + " (" + (reply.recordedBy() == null ? "your answer through this link"
                    : "as the secretariat received it " + reply.via().label()) + ")." + needs
                    + " Nothing was changed by this visit; please write to the secretariat if that has changed.");
        });
    }

    /** The invitation of this link's participant, if there is one. */
    private Optional<Invited> invited(LinkClaims claims) {
        long participantId;
        try {
            participantId = Long.parseLong(claims.subjectId());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.participant_id, i.status, p.name, p.organisation
                from cv_invitation i join cv_participant p on p.id = i.participant_id
                where i.meeting_code = ? and i.participant_id = ? and p.meeting_code = i.meeting_code""")
                .params(claims.meetingCode(), participantId)
                .query((rs, n) -> new Invited(rs.getLong(1), InvitationStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    private Instant deadline(LinkClaims claims, Invited invited) {
        return invitations.deadlineOf(claims.meetingCode(), String.valueOf(invited.participantId())).toInstant();
    }

    private static SignedLinkRefusal noInvitation() {
        return new SignedLinkRefusal(404, "No invitation for this link", "We hold no invitation for this link. "
                + "Please write to the secretariat.");
    }
}
