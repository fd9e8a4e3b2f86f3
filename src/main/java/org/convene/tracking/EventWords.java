package org.convene.tracking;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convene.document.DocumentApproved;
import org.convene.document.DocumentCirculated;
import org.convene.document.DocumentCommissioned;
import org.convene.document.DocumentPublished;
import org.convene.document.DocumentReturned;
import org.convene.document.DocumentSignOffCompleted;
import org.convene.document.DocumentSignOffRejected;
import org.convene.document.DocumentSigned;
import org.convene.document.DocumentVersionSubmitted;
import org.convene.document.SignOffDueDateExtended;
import org.convene.document.SignOffReviewerReplaced;
import org.convene.framework.CommentRoundOpened;
import org.convene.framework.ConclusionsCommented;
import org.convene.invitation.InvitationAccepted;
import org.convene.invitation.InvitationDeclined;
import org.convene.invitation.InvitationLapsed;
import org.convene.invitation.InvitationRepliedLate;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.InvitationReplyCorrected;
import org.convene.invitation.InvitationWithdrawn;
import org.convene.invitation.InvitationSent;
import org.convene.invitation.ParticipantListApproved;
import org.convene.invitation.ParticipantListReturned;
import org.convene.invitation.ReminderScheduleChanged;
import org.convene.invitation.ReminderSent;
import org.convene.invitation.ReplacementInvited;
import org.convene.invitation.ReplyChannel;
import org.convene.invitation.SeatLeftEmpty;
import org.convene.mail.MailDeliveryFailed;
import org.convene.mail.MailDeliveryUncertain;
import org.convene.mail.MailMarkedSent;
import org.convene.mail.MailResent;
import org.convene.mail.MailSent;
import org.convene.meeting.AgendaApproved;
import org.convene.meeting.AgendaReturned;
import org.convene.meeting.AttendanceRecorded;
import org.convene.meeting.ConceptNoteApproved;
import org.convene.meeting.ConceptNoteReturned;
import org.convene.meeting.ConceptNoteSubmitted;
import org.convene.meeting.MeetingCancelled;
import org.convene.meeting.MeetingEnded;
import org.convene.meeting.MeetingPhaseStarted;
import org.convene.meeting.MeetingState;
import org.convene.meeting.MeetingRegistered;
import org.convene.meeting.MeetingRescheduled;
import org.convene.meeting.MeetingTimelineChanged;
import org.convene.workflow.MeetingEvent;

/**
 * A manager's words for each kind of event: who did it, what happened, to what, the decision and
 * the comments — the columns of the audit trail. Each event type maps to its words here, in one
 * place; an event type with no words of its own is told by its name ({@code AgendaApproved} →
 * "Agenda approved") with its actor, so a new event is on the audit trail from the day it is
 * announced.
 */
final class EventWords {

    /**
     * @param who      the user id, or words for someone who is no user ("the invitee (signed link)"); may be null
     * @param what     what happened, e.g. "Concept note reviewed"; never null
     * @param subject  to what, e.g. "Concept note, version 2"; may be null
     * @param decision the decision in a past participle, e.g. "approved", "signed", "declined"; may be null
     * @param comments what the person wrote with it, as written; may be null
     */
    record Words(String who, String what, String subject, String decision, String comments) {
    }

    static final String APPROVED = "approved";
    static final String RETURNED = "returned";

    /** Each event type's words. */
    /** The comment round's deadline in the audit trail: "2026-12-15 17:00" (UTC). */
    private static final java.time.format.DateTimeFormatter UTC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);

    private static final Map<Class<?>, Function<MeetingEvent, Words>> BY_TYPE = Map.ofEntries(
            // meeting
            words(MeetingRegistered.class, e -> new Words(e.actor(), "Meeting registered", e.title() + ", " + e.place(),
                    null, null)),
            words(ConceptNoteSubmitted.class, e -> new Words(e.actor(), "Concept note submitted", conceptNote(e.version()),
                    null, null)),
            words(ConceptNoteApproved.class, e -> new Words(e.actor(), "Concept note reviewed", conceptNote(e.version()),
                    APPROVED, e.comments())),
            words(ConceptNoteReturned.class, e -> new Words(e.actor(), "Concept note reviewed", conceptNote(e.version()),
                    RETURNED, e.comments())),
            words(AgendaApproved.class, e -> new Words(e.actor(), "Agenda reviewed", "Agenda", APPROVED, e.comments())),
            words(AgendaReturned.class, e -> new Words(e.actor(), "Agenda reviewed", "Agenda", RETURNED, e.comments())),
            words(MeetingRescheduled.class, e -> new Words(e.actor(), "Meeting moved", e.place() + ", from "
                    + e.firstDay() + " (" + e.timeZone().getId() + ")", null, "Was " + e.previousPlace() + ", from "
                    + e.previousFirstDay() + " (" + e.previousTimeZone().getId() + ")"
                    + (e.reason() == null ? "" : ". " + e.reason()))),
            words(MeetingTimelineChanged.class, e -> new Words(e.actor(), "Timeline moved",
                    String.join("; ", e.daysBefore().entrySet().stream().map(m -> m.getKey() + ": " + m.getValue()
                            + " days before").toList()), null, "Was " + String.join("; ", e.previousDaysBefore().entrySet()
                            .stream().map(m -> m.getKey() + ": " + m.getValue() + " days before").toList()))),
            words(MeetingCancelled.class, e -> new Words(e.actor(), "Meeting cancelled", e.title(), "cancelled",
                    e.reason())),
            words(MeetingPhaseStarted.class, e -> new Words(e.actor(), "Phase started", e.phase().label(), null, null)),
            words(MeetingEnded.class, e -> new Words(e.actor(), e.state() == MeetingState.FINISHED ? "Meeting finished"
                    : "Meeting's process ended", null, e.state().label().toLowerCase(), e.reason())),
            words(AttendanceRecorded.class, e -> new Words(e.actor(), "Attendance recorded", "Day " + e.day(),
                    e.count() + " present", e.note())),
            // invitation
            words(ParticipantListApproved.class, e -> new Words(e.actor(), "Participant list reviewed", "Participant list",
                    APPROVED, e.comments())),
            words(ParticipantListReturned.class, e -> new Words(e.actor(), "Participant list reviewed", "Participant list",
                    RETURNED, e.comments())),
            words(InvitationSent.class, e -> new Words(e.actor(), "Invitation sent", invitation(e.invitee()), null, null)),
            words(ReminderSent.class, e -> new Words(e.actor(), "Reminder sent", invitation(e.invitee()), null, null)),
            words(InvitationAccepted.class, e -> new Words(replier(e.actor(), e.channel()), reply(e.channel()),
                    invitation(e.invitee()), "accepted", e.note())),
            words(InvitationDeclined.class, e -> new Words(replier(e.actor(), e.channel()), reply(e.channel()),
                    invitation(e.invitee()), "declined", e.note())),
            words(InvitationLapsed.class, e -> new Words(e.actor(), "Invitation lapsed (no reply by the deadline)",
                    invitation(e.invitee()), null, null)),
            words(ReplacementInvited.class, e -> new Words(e.actor(), "Seat given to a replacement",
                    invitation(e.replacement()), null, null)),
            words(SeatLeftEmpty.class, e -> new Words(e.actor(), "Seat left empty", invitation(e.invitee()), null, null)),
            words(InvitationRepliedLate.class, e -> new Words(replier(e.actor(), e.channel()),
                    "Invitation reply recorded after the deadline (" + e.channel().label() + ")", invitation(e.invitee()),
                    decision(e.reply().formValue()) + (e.reply() == InvitationReply.DECLINE ? ""
                            : e.seatKept() ? ", seat kept" : ", seat already given"), e.note())),
            words(InvitationReplyCorrected.class, e -> new Words(e.actor(), "Invitation reply corrected ("
                    + e.channel().label() + ")", invitation(e.invitee()),
                    decision(e.from().formValue()) + " → " + decision(e.to().formValue()), e.note())),
            words(InvitationWithdrawn.class, e -> new Words(e.actor(), "Invitation withdrawn", invitation(e.invitee()),
                    e.wasAccepted() ? "withdrawn after acceptance" : "withdrawn before a reply", e.reason())),
            words(ReminderScheduleChanged.class, e -> new Words(e.actor(), "Reminder schedule set", "Invitations",
                    null, e.daysBeforeDeadline().isEmpty() ? "No reminders" : "Reminders "
                            + e.daysBeforeDeadline().stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " days before the reply deadline")),
            // document
            words(DocumentCommissioned.class, e -> new Words(e.actor(), "Document commissioned", e.title(), null,
                    "From " + e.authorName() + ", due " + e.dueDate())),
            words(DocumentVersionSubmitted.class, e -> new Words(e.actor(), "Document version submitted",
                    version(e.title(), e.version()), null, null)),
            words(DocumentApproved.class, e -> new Words(e.actor(), "Document reviewed", version(e.title(), e.version()),
                    APPROVED, e.comments())),
            words(DocumentReturned.class, e -> new Words(e.actor(), "Document reviewed", version(e.title(), e.version()),
                    RETURNED, e.comments())),
            words(DocumentSigned.class, e -> new Words(e.actor(), "Document signed off", version(e.title(), e.version()),
                    e.onBehalfOf() == null ? "signed" : "signed for " + e.onBehalfOf(), e.comments())),
            words(DocumentSignOffRejected.class, e -> new Words(e.actor(), "Document signed off",
                    version(e.title(), e.version()), e.onBehalfOf() == null ? "rejected" : "rejected for " + e.onBehalfOf(),
                    e.comments())),
            words(SignOffDueDateExtended.class, e -> new Words(e.actor(), "Sign-off due date extended",
                    version(e.title(), e.version()), null, "Now due " + e.dueAt())),
            words(SignOffReviewerReplaced.class, e -> new Words(e.actor(), "Sign-off reviewer replaced",
                    version(e.title(), e.version()), null, e.replacement() + " in place of " + e.replaced()
                            + ", due " + e.dueAt())),
            words(DocumentSignOffCompleted.class, e -> new Words(e.actor(), "Sign-off closed",
                    version(e.title(), e.version()), e.signedOff() ? "signed off" : "not signed off", null)),
            words(DocumentCirculated.class, e -> new Words(e.actor(), "Document circulated", e.title(), null, null)),
            words(DocumentPublished.class, e -> new Words(e.actor(), "Document published", e.title(), null, null)),
            // mail
            words(MailSent.class, e -> new Words(e.actor(), "Mail sent", mail(e.subject(), e.recipient()), null, null)),
            words(MailDeliveryUncertain.class, e -> new Words(e.actor(), "Mail delivery uncertain (a node stopped while sending)",
                    mail(e.subject(), e.recipient()), null, "Staff resend it or mark it as sent on the mail page")),
            words(MailDeliveryFailed.class, e -> new Words(e.actor(), "Mail not delivered after the last retry",
                    mail(e.subject(), e.recipient()), null, e.error())),
            words(MailResent.class, e -> new Words(e.actor(), "Uncertain mail resent", mail(e.subject(), e.recipient()),
                    null, null)),
            words(MailMarkedSent.class, e -> new Words(e.actor(), "Uncertain mail marked as sent",
                    mail(e.subject(), e.recipient()), null, null)),
            // framework
            words(CommentRoundOpened.class, e -> new Words(e.actor(), "Comment round on the summary conclusions opened",
                    "Summary conclusions", null, "Comments until " + UTC_TIME.format(e.deadline().atOffset(ZoneOffset.UTC))
                            + " UTC")),
            words(ConclusionsCommented.class, e -> new Words(e.participant() + " (signed link)",
                    "Comments on the draft summary conclusions received", "Summary conclusions", null, "On " + e.onWhat())));


    /**
     * Events recorded for the managers' follow-up but not on a meeting's audit trail, which lists what
     * people decided and did: the registration is there as the engine's "Process started" (and a trail
     * with nothing else says that nothing has been recorded yet); each mail the server accepted is on
     * the meeting's mail page (only a delivery that went wrong, and staff's decision about it, is here);
     * a phase starts by the process's own step (the Meetings dashboard shows it). The end of the meeting's
     * process is there unless a cancellation ended it (the cancellation is).
     */
    private static final Set<Class<?>> NOT_ON_AUDIT_TRAIL = Set.of(MeetingRegistered.class, MailSent.class,
            MeetingPhaseStarted.class);

    private EventWords() {
    }

    /** Whether the event belongs on the meeting's audit trail (every kind does but those listed above). */
    static boolean onAuditTrail(MeetingEvent event) {
        if (event instanceof MeetingEnded ended && ended.state() == MeetingState.CANCELLED) {
            return false; // the cancellation is there, with its reason (MeetingCancelled)
        }
        return !NOT_ON_AUDIT_TRAIL.contains(event.getClass());
    }

    /** The words for this event: its type's own, else its name in words with its actor. */
    static Words of(MeetingEvent event) {
        Function<MeetingEvent, Words> words = BY_TYPE.get(event.getClass());
        return words != null ? words.apply(event) : new Words(event.actor(), sentence(event.getClass().getSimpleName()), null, null, null);
    }

    /** "ConceptNoteApproved" → "Concept note approved". */
    static String sentence(String typeName) {
        String words = typeName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A review's decision as the forms submit it (approve, return, ...) in the audit trail's words (approved, returned, ...). */
    static String decision(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "approve" -> "approved";
            case "return" -> "returned";
            case "reject" -> "rejected";
            case "accept" -> "accepted";
            case "decline" -> "declined";
            default -> decision;
        };
    }

    private static String version(String title, int version) {
        return title + ", version " + version;
    }

    private static String mail(String subject, String recipient) {
        return "Mail \u201c" + subject + "\u201d to " + recipient;
    }

    private static String invitation(String invitee) {
        return "Invitation of " + invitee;
    }

    /** Who replied: the staff member who recorded it, else the invitee for a reply by signed link. */
    private static String replier(String actor, ReplyChannel channel) {
        return actor != null ? actor : channel == ReplyChannel.LINK ? "the invitee (signed link)" : null;
    }

    private static String reply(ReplyChannel channel) {
        return "Invitation reply recorded (" + (channel == null ? "channel not recorded" : channel.label()) + ")";
    }

    private static String conceptNote(int version) {
        return "Concept note, version " + version;
    }

    @SuppressWarnings("unchecked")
    private static <E extends MeetingEvent> Map.Entry<Class<?>, Function<MeetingEvent, Words>> words(
            Class<E> type, Function<E, Words> words) {
        return Map.entry(type, event -> words.apply((E) event));
    }
}
