package org.convene.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitees' replies, appended, never overwritten (cv_invitation_reply): sent by the invitee
 * through the signed link, or received by phone, letter, e-mail or in person and recorded by staff
 * on the participants page or through the API. Either way the reply correlates
 * {@link InvitationProcess#MESSAGE_REPLY_RECEIVED} to the seat's InvitationProcess, which waits for
 * it without giving staff a task. A reply after the invitation lapsed is still recorded, as late
 * ({@link InvitationRepliedLate}): an acceptance keeps the seat while staff have not yet decided
 * about it. Staff correct a reply by appending another ({@link InvitationReplyCorrected}). Every
 * row and event is stamped by the engine's clock.
 */
@Component("invitationReplies")
public class InvitationReplies {

    /** The most characters of a note (the invitee's or staff's). */
    public static final int NOTE_LENGTH = 2000;

    /**
     * A reply to an invitation as recorded: the invitee ({@code name, organisation}), the reply's and
     * the channel's form values ({@link InvitationReply}, {@link ReplyChannel}), the note (may be
     * null), who recorded it (null for a reply by signed link: the invitee), when (UTC), whether it
     * came after the lapse, whether it corrects an earlier reply, and the practical needs given.
     */
    public record Reply(String invitee, String reply, String channel, String note, String recordedBy,
                        OffsetDateTime recordedAt, boolean late, boolean correction, ReplyNeeds needs) {

        /** The reply as an enum. */
        public InvitationReply answer() {
            return InvitationReply.ofFormValue(reply).orElseThrow();
        }

        /** How it came, as an enum. */
        public ReplyChannel via() {
            return ReplyChannel.ofFormValue(channel).orElseThrow();
        }
    }

    /** What happened to a reply that was received ({@link #receive}). */
    public enum Outcome {
        /** The invitation was waiting: recorded, and the seat's process moved on. */
        RECORDED,
        /** After the lapse, an acceptance while staff had not decided: recorded, the seat kept. */
        LATE_SEAT_KEPT,
        /** After the lapse, an acceptance when the seat had gone: recorded; staff must tell the invitee. */
        LATE_SEAT_GONE,
        /** After the lapse, a decline: recorded; staff's decision about the seat stands open. */
        LATE_DECLINE
    }

    /** A participant whose invitation is accepted, with the acceptance (and its needs). */
    public record Confirmed(Participants.Participant participant, Reply acceptance) {
    }

    private static final String SELECT_REPLIES = """
            select r.*, p.name, p.organisation, i.participant_id from cv_invitation_reply r
            join cv_invitation i on i.id = r.invitation_id
            join cv_participant p on p.id = i.participant_id""";

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final Participants participants;
    private final Meetings meetings;
    private final ApplicationEventPublisher events;

    InvitationReplies(JdbcClient jdbc, Invitations invitations, Participants participants, Meetings meetings,
                      ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.participants = participants;
        this.meetings = meetings;
        this.events = events;
    }

    /**
     * Records a reply, from the signed link ({@code channel} LINK, {@code recordedBy} null) or from
     * staff who received it: while the invitation waits, it is recorded, its status set and
     * {@link InvitationProcess#MESSAGE_REPLY_RECEIVED} correlated ({@link InvitationAccepted} or
     * {@link InvitationDeclined}); after the invitation lapsed, it is recorded as late
     * ({@link InvitationRepliedLate}) and an acceptance keeps the seat if "Invite replacement" is
     * still open for it ({@link InvitationProcess#MESSAGE_ACCEPTANCE_RECEIVED}).
     *
     * @param note  may be null; at most {@link #NOTE_LENGTH} characters
     * @param needs kept with an acceptance only; null for none
     * @throws ChangeRefused       (fields {@code note}, {@code dietary}, {@code accessibility}) for overlong text
     * @throws InvitationConflict  when nothing waits for a reply: one is recorded already (correct it
     *                             instead), the invitation was withdrawn or never sent, or it is being
     *                             sent just now; nothing is stored
     */
    @Transactional
    public Outcome receive(String meetingCode, long participantId, InvitationReply reply, ReplyChannel channel,
                           String note, ReplyNeeds needs, String recordedBy) {
        String text = checked(note, needs);
        ReplyNeeds kept = reply == InvitationReply.ACCEPT && needs != null ? needs : ReplyNeeds.NONE;
        Participants.Participant invitee = invitations.invitee(meetingCode, participantId);
        long invitation = invitations.invitation(meetingCode, participantId);
        InvitationStatus status = invitations.status(invitation);
        Optional<Reply> last = last(invitation);
        OffsetDateTime now = EngineClock.now();
        if (status == InvitationStatus.SENT) {
            setStatus(invitation, InvitationStatus.SENT, reply.status(), invitee);
            insert(invitation, reply, channel, text, kept, false, false, recordedBy, now);
            invitations.correlate(InvitationProcess.MESSAGE_REPLY_RECEIVED, meetingCode, participantId,
                    Map.of(InvitationProcess.INVITATION_ACCEPTED, reply == InvitationReply.ACCEPT), () -> busy(invitee));
            events.publishEvent(reply == InvitationReply.ACCEPT
                    ? new InvitationAccepted(meetingCode, participantId, invitee.nameAndOrganisation(), invitee.category(),
                            channel, text, now.toInstant(), recordedBy)
                    : new InvitationDeclined(meetingCode, participantId, invitee.nameAndOrganisation(), invitee.category(),
                            channel, text, now.toInstant(), recordedBy));
            return Outcome.RECORDED;
        }
        if (status == InvitationStatus.LAPSED && last.isEmpty()) {
            insert(invitation, reply, channel, text, kept, true, false, recordedBy, now);
            boolean seatKept = reply == InvitationReply.ACCEPT && invitations.tryCorrelate(
                    InvitationProcess.MESSAGE_ACCEPTANCE_RECEIVED, meetingCode, participantId);
            if (seatKept) {
                setStatus(invitation, InvitationStatus.LAPSED, InvitationStatus.ACCEPTED, invitee);
            }
            events.publishEvent(new InvitationRepliedLate(meetingCode, participantId, invitee.nameAndOrganisation(),
                    invitee.category(), reply, channel, seatKept, text, now.toInstant(), recordedBy));
            return reply == InvitationReply.DECLINE ? Outcome.LATE_DECLINE
                    : seatKept ? Outcome.LATE_SEAT_KEPT : Outcome.LATE_SEAT_GONE;
        }
        throw new InvitationConflict(last.map(r -> invitee.name() + "'s reply is already recorded: "
                        + said(r) + ". Nothing was recorded now; correct the reply if they changed their mind.")
                .orElse(invitee.name() + "'s invitation is " + status.label().toLowerCase()
                        + ": it waits for no reply. Nothing was recorded."));
    }

    /**
     * Corrects an invitee's reply (they changed their mind): the correction is appended, the
     * earlier reply stays, and {@link InvitationReplyCorrected} is announced. An acceptance
     * corrected to a decline asks staff for a replacement (a new InvitationProcess at "Invite
     * replacement"); a decline corrected to an acceptance keeps the seat while "Invite replacement"
     * is open for it; once the seat went to a replacement or was left empty, it is refused.
     *
     * @throws ChangeRefused      for overlong text
     * @throws InvitationConflict when there is no reply to correct, it says the same already, the
     *                            invitation was withdrawn, or the seat was given away; nothing is stored
     */
    @Transactional
    public void correct(String meetingCode, long participantId, InvitationReply to, ReplyChannel channel, String note,
                        ReplyNeeds needs, String recordedBy) {
        String text = checked(note, needs);
        ReplyNeeds kept = to == InvitationReply.ACCEPT && needs != null ? needs : ReplyNeeds.NONE;
        Participants.Participant invitee = invitations.invitee(meetingCode, participantId);
        long invitation = invitations.invitation(meetingCode, participantId);
        InvitationStatus status = invitations.status(invitation);
        Reply last = last(invitation).orElseThrow(() -> new InvitationConflict(invitee.name()
                + " has no reply on record yet: record their reply instead of correcting it."));
        if (status == InvitationStatus.WITHDRAWN) {
            throw new InvitationConflict(invitee.name() + "'s invitation was withdrawn; its reply cannot be corrected.");
        }
        if (last.answer() == to) {
            throw new InvitationConflict(invitee.name() + "'s reply already says so: " + said(last) + ". Nothing was recorded.");
        }
        OffsetDateTime now = EngineClock.now();
        if (to == InvitationReply.DECLINE) {
            insert(invitation, to, channel, text, kept, false, true, recordedBy, now);
            if (status == InvitationStatus.ACCEPTED) {
                setStatus(invitation, InvitationStatus.ACCEPTED, InvitationStatus.DECLINED, invitee);
                invitations.reopenSeat(meetingCode, participantId);
            }
        } else {
            invitations.correlate(InvitationProcess.MESSAGE_ACCEPTANCE_RECEIVED, meetingCode, participantId, Map.of(),
                    () -> new InvitationConflict(invitee.name() + "'s seat has been settled meanwhile (given to a "
                            + "replacement, or left empty): the acceptance cannot take it back, and nothing was "
                            + "recorded. Tell " + invitee.name() + " so, or offer another seat if the meeting has room."));
            setStatus(invitation, status, InvitationStatus.ACCEPTED, invitee);
            insert(invitation, to, channel, text, kept, false, true, recordedBy, now);
        }
        events.publishEvent(new InvitationReplyCorrected(meetingCode, participantId, invitee.nameAndOrganisation(),
                invitee.category(), last.answer(), to, channel, text, now.toInstant(), recordedBy));
    }

    /** Every reply recorded for the meeting's invitations (a later reply never overwrites one), oldest first. */
    public List<Reply> history(String meetingCode) {
        return jdbc.sql(SELECT_REPLIES + " where i.meeting_code = ? order by r.id").param(meetingCode)
                .query(InvitationReplies::reply).list();
    }

    /** The last reply on record for each invited participant of the meeting (by participant id). */
    public Map<Long, Reply> latest(String meetingCode) {
        Map<Long, Reply> latest = new LinkedHashMap<>();
        jdbc.sql(SELECT_REPLIES + " where i.meeting_code = ? order by r.id").param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getLong("participant_id"), reply(rs, n))).list()
                .forEach(e -> latest.put(e.getKey(), e.getValue()));
        return latest;
    }

    /** The last reply on record for the participant's invitation; empty when none (or never invited). */
    public Optional<Reply> latest(String meetingCode, long participantId) {
        return invitations.find(meetingCode, participantId).flatMap(this::last);
    }

    /** Those whose invitation is accepted, by category and name, each with the acceptance (and its needs). */
    public List<Confirmed> confirmed(String meetingCode) {
        Map<Long, Reply> replies = latest(meetingCode);
        return participants.list(meetingCode).stream()
                .filter(p -> p.invitationStatus() == InvitationStatus.ACCEPTED && replies.containsKey(p.id()))
                .map(p -> new Confirmed(p, replies.get(p.id()))).toList();
    }

    /**
     * "Invite replacement"'s account of the seat, in Markdown: the lapse, and each reply on record
     * (when, how, by whom, late, corrected, the note), in the venue's time.
     *
     * @param participantId the seat's invitee, as text (the process variable)
     */
    public String seatHistory(String meetingCode, String participantId) {
        long id = Long.parseLong(participantId);
        var zone = meetings.get(meetingCode).timeZone();
        StringBuilder text = new StringBuilder();
        invitations.find(meetingCode, id).ifPresent(invitation -> {
            if (invitations.status(invitation) == InvitationStatus.LAPSED) {
                text.append("- **No reply by the deadline** (")
                        .append(InvitationMails.deadlineLabel(invitations.deadlineOf(meetingCode, participantId).toInstant(), zone))
                        .append("): the invitation lapsed.\n");
            }
            jdbc.sql(SELECT_REPLIES + " where r.invitation_id = ? order by r.id").param(invitation)
                    .query(InvitationReplies::reply).list()
                    .forEach(r -> text.append("- ").append(r.correction() ? "Corrected to **" : "**")
                            .append(r.answer().status().label().toLowerCase()).append("** ")
                            .append(r.via().label()).append(", ")
                            .append(InvitationMails.deadlineLabel(r.recordedAt().toInstant(), zone))
                            .append(r.recordedBy() == null ? "" : ", recorded by " + r.recordedBy())
                            .append(r.late() ? " (after the deadline)" : "")
                            .append(r.note() == null ? "" : ": " + r.note().replaceAll("\\s+", " "))
                            .append('\n'));
        });
        return text.isEmpty() ? "No reply is on record." : text.toString();
    }

    /** {@code accepted by phone on 2026-12-03 14:05 UTC} */
    private static String said(Reply reply) {
        return reply.answer().status().label().toLowerCase() + " " + reply.via().label() + " on "
                + reply.recordedAt().toLocalDate() + " " + reply.recordedAt().toLocalTime().withSecond(0).withNano(0) + " UTC"
                + (reply.late() ? " (after the deadline)" : "");
    }

    private Optional<Reply> last(long invitation) {
        return jdbc.sql(SELECT_REPLIES + " where r.invitation_id = ? order by r.id desc limit 1").param(invitation)
                .query(InvitationReplies::reply).optional();
    }

    private void setStatus(long invitation, InvitationStatus from, InvitationStatus to, Participants.Participant invitee) {
        int changed = jdbc.sql("update cv_invitation set status = ? where id = ? and status = ?")
                .params(to.name(), invitation, from.name()).update();
        if (changed == 0) {
            throw busy(invitee);
        }
    }

    private static InvitationConflict busy(Participants.Participant invitee) {
        return new InvitationConflict(invitee.name() + "'s invitation changed at this very moment (it is being sent, "
                + "reminded or answered); nothing was recorded. Look again and retry.");
    }

    private void insert(long invitation, InvitationReply reply, ReplyChannel channel, String note, ReplyNeeds needs,
                        boolean late, boolean correction, String recordedBy, OffsetDateTime at) {
        jdbc.sql("""
                insert into cv_invitation_reply (invitation_id, reply, channel, note, recorded_by, recorded_at, late,
                    correction, travel_support, visa_letter, dietary, accessibility)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation, reply.formValue(), channel.formValue(), note, recordedBy, at, late, correction,
                        needs.travelSupport(), needs.visaLetter(), needs.dietary(), needs.accessibility())
                .update();
    }

    /** The note stripped (null when empty), after checking the lengths of the note and the needs. */
    private static String checked(String note, ReplyNeeds needs) {
        Map<String, String> errors = new LinkedHashMap<>();
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            errors.put("note", "The note may have up to " + NOTE_LENGTH + " characters; it has " + text.length() + ".");
        }
        if (needs != null) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("dietary", needs.dietary());
            texts.put("accessibility", needs.accessibility());
            texts.forEach((field, value) -> {
                if (value != null && value.length() > ReplyNeeds.TEXT_LENGTH) {
                    errors.put(field, "At most " + ReplyNeeds.TEXT_LENGTH + " characters; " + value.length() + " given.");
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        return text;
    }

    private static Reply reply(ResultSet rs, int n) throws SQLException {
        return new Reply(rs.getString("name") + ", " + rs.getString("organisation"), rs.getString("reply"),
                rs.getString("channel"), rs.getString("note"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                rs.getBoolean("late"), rs.getBoolean("correction"),
                new ReplyNeeds(rs.getBoolean("travel_support"), rs.getBoolean("visa_letter"), rs.getString("dietary"),
                        rs.getString("accessibility")));
    }
}
