package org.convene.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.convene.mail.Outbox;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One invitation per invitee and meeting (its replies: {@link InvitationReplies}). The reply
 * deadline is three weeks before the meeting, so that a replacement can still come. Every mail
 * goes through the {@link Outbox}. Announces {@link InvitationSent}, {@link ReminderSent},
 * {@link InvitationLapsed}, {@link ReplacementInvited} and {@link SeatLeftEmpty}; rows and events
 * are stamped by the engine's clock.
 */
@Component("invitations")
public class Invitations {

    static final String REPLY_DEADLINE_BEFORE_MEETING = "P21D";
    /** What a replacement invited after the meeting's deadline gets: a reminder at seven days, then three more. */
    static final Duration LATE_REPLY_TIME = Duration.ofDays(10);

    private final JdbcClient jdbc;
    private final MeetingCalendar calendar;
    private final Meetings meetings;
    private final Participants participants;
    private final Outbox outbox;
    private final InvitationLinks invitationLinks;
    private final InvitationMails mails;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;

    Invitations(JdbcClient jdbc, MeetingCalendar calendar, Meetings meetings, Participants participants, Outbox outbox,
                InvitationLinks invitationLinks, InvitationMails mails, RuntimeService runtimeService,
                ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.meetings = meetings;
        this.participants = participants;
        this.outbox = outbox;
        this.invitationLinks = invitationLinks;
        this.mails = mails;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    /**
     * The meeting's reply deadline: 21 days before its first session.
     *
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown code
     */
    public Date replyDeadline(String meetingCode) {
        return calendar.beforeMeeting(meetingCode, REPLY_DEADLINE_BEFORE_MEETING);
    }

    /**
     * The reply deadline of an invitation sent at {@code sentAt}: the meeting's, unless the invitation
     * goes out after it (a replacement for a lapse or a late decline), which would be overdue at once;
     * then ten days, but never later than the eve of the meeting.
     *
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown code
     */
    public Date replyDeadline(String meetingCode, Date sentAt) {
        Date deadline = replyDeadline(meetingCode);
        if (sentAt.before(deadline)) {
            return deadline;
        }
        Date late = Date.from(sentAt.toInstant().plus(LATE_REPLY_TIME));
        Date eve = calendar.beforeMeeting(meetingCode, "P1D");
        return late.before(eve) ? late : eve;
    }

    /**
     * Sends a seat's invitation: records it (once: a retried job finds it) and writes its mail to
     * the outbox under a stable Message-ID, with the invitee's signed accept and decline links valid
     * until the reply deadline (a retry signs new links, but the outbox keeps the mail written first).
     * Announces {@link InvitationSent} when the invitation is new.
     *
     * @param processInstanceId the seat's InvitationProcess instance
     * @return the invitation's id
     * @throws org.springframework.dao.EmptyResultDataAccessException for an unknown participant
     */
    @Transactional
    public long send(String meetingCode, long participantId, String processInstanceId) {
        Participants.Participant invitee = participants.get(participantId);
        Optional<Long> existing = find(meetingCode, participantId);
        OffsetDateTime now = EngineClock.now();
        long invitation = existing.orElseGet(() -> {
            jdbc.sql("""
                    insert into cv_invitation (meeting_code, participant_id, process_instance_id, status, created_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(meetingCode, participantId, processInstanceId, InvitationStatus.SENT.name(), now).update();
            return find(meetingCode, participantId).orElseThrow();
        });
        Meeting meeting = meetings.get(meetingCode);
        // the deadline "Record reply" gets next (a late replacement gets time of its own)
        Instant deadline = replyDeadline(meetingCode, Date.from(now.toInstant())).toInstant();
        String link = invitationLinks.reply(meetingCode, participantId, deadline);
        outbox.enqueue(mails.invitation(meeting, calendar.span(meetingCode), new InvitationMails.Invitee(participantId,
                invitation, InvitationMails.displayName(invitee.title(), invitee.name()), invitee.email(),
                sequence(invitation), link, invitationLinks.documents(meetingCode, participantId)),
                deadline, now.toInstant()));
        if (existing.isEmpty()) {
            events.publishEvent(new InvitationSent(meetingCode, participantId, invitee.nameAndOrganisation(),
                    invitee.category(), deadline, now.toInstant(), null));
        }
        return invitation;
    }

    /**
     * Writes a reminder to the outbox, once per {@code reminderKey} (the timer's firing: a retry
     * sends none twice), and announces {@link ReminderSent}.
     *
     * @throws IllegalStateException when the participant's invitation was never sent
     */
    @Transactional
    public void remind(String meetingCode, long participantId, String reminderKey) {
        long invitation = invitation(meetingCode, participantId);
        Participants.Participant invitee = participants.get(participantId);
        Meeting meeting = meetings.get(meetingCode);
        Instant deadline = replyDeadline(meetingCode, Date.from(sentAt(invitation))).toInstant();
        if (outbox.enqueue(mails.reminder("reminder-" + invitation + "-" + reminderKey, meeting, calendar.span(meetingCode),
                new InvitationMails.Invitee(participantId, invitation, InvitationMails.displayName(invitee.title(),
                        invitee.name()), invitee.email(), sequence(invitation),
                        invitationLinks.reply(meetingCode, participantId, deadline),
                        invitationLinks.documents(meetingCode, participantId)), deadline))) {
            events.publishEvent(new ReminderSent(meetingCode, participantId, invitee.nameAndOrganisation(),
                    EngineClock.instant(), null));
        }
    }

    /**
     * Staff's decision about a seat whose invitee declined or did not answer: the seat goes to
     * someone from the reserve, or stays empty. An invitation still waiting lapses
     * ({@link InvitationLapsed}); then {@link ReplacementInvited} or {@link SeatLeftEmpty}.
     * The reserve options were listed when staff were asked; a reserve chosen since for another
     * seat (seats lapse together at the deadline) is refused, so one person never takes two seats.
     *
     * @param replacementId the reserve's participant id; null to leave the seat empty
     * @throws ChangeRefused (field {@code replacementId}) when the reserve has been invited
     *                                  or chosen for another seat; nothing is stored
     */
    @Transactional
    public void decideSeat(String meetingCode, long participantId, Long replacementId, String decidedBy) {
        if (replacementId != null && taken(meetingCode, replacementId)) {
            throw new ChangeRefused(Map.of(InvitationProcess.REPLACEMENT_ID, participants.get(replacementId).name()
                    + " has already been invited for another seat; choose someone else"));
        }
        Instant now = EngineClock.instant();
        String invitee = participants.get(participantId).nameAndOrganisation();
        find(meetingCode, participantId).ifPresent(invitation -> {
            int lapsed = jdbc.sql("update cv_invitation set status = ? where id = ? and status = ?")
                    .params(InvitationStatus.LAPSED.name(), invitation, InvitationStatus.SENT.name()).update();
            if (lapsed == 1) {
                events.publishEvent(new InvitationLapsed(meetingCode, participantId, invitee, now, null));
            }
        });
        events.publishEvent(replacementId == null
                ? new SeatLeftEmpty(meetingCode, participantId, invitee, now, decidedBy)
                : new ReplacementInvited(meetingCode, participantId, replacementId,
                        participants.get(replacementId).nameAndOrganisation(), now, decidedBy));
    }

    /** The SEQUENCE of the invitation's calendar entry as last sent (0 until it changes). */
    int sequence(long invitationId) {
        return jdbc.sql("select calendar_sequence from cv_invitation where id = ?").param(invitationId)
                .query(Integer.class).single();
    }

    private Instant sentAt(long invitationId) {
        return jdbc.sql("select created_at from cv_invitation where id = ?").param(invitationId)
                .query(OffsetDateTime.class).single().toInstant();
    }

    Optional<Long> find(String meetingCode, long participantId) {
        return jdbc.sql("select id from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(meetingCode, participantId).query(Long.class).optional();
    }

    /**
     * The id of the participant's invitation.
     *
     * @throws IllegalStateException when the participant's invitation was never sent
     */
    long invitation(String meetingCode, long participantId) {
        return find(meetingCode, participantId).orElseThrow(() -> new IllegalStateException(
                "Participant " + participantId + " of meeting " + meetingCode + " has not been invited"));
    }

    /** Invited already, or chosen for a seat whose invitation is still to go out. */
    private boolean taken(String meetingCode, long participantId) {
        return find(meetingCode, participantId).isPresent()
                || runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.ID)
                        .processInstanceBusinessKey(meetingCode)
                        .variableValueEquals(InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId)).count() > 0;
    }
}
