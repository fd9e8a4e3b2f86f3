package org.convene.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.mail.Outbox;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.MeetingTimeline;
import org.convene.meeting.Milestone;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.SystemAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One invitation per invitee and meeting (its replies: {@link InvitationReplies}). The reply
 * deadline is the meeting's timeline's "Replies due" (three weeks before it by default); each
 * invitation keeps its own, and reminders go out on the meeting's schedule before it
 * ({@link InvitationSettings}). Every mail goes through the {@link Outbox}. Announces
 * {@link InvitationSent}, {@link ReminderSent}, {@link InvitationLapsed}, {@link InvitationWithdrawn},
 * {@link ReplacementInvited} and {@link SeatLeftEmpty}; rows and events are stamped by the engine's clock.
 */
@Component("invitations")
public class Invitations {

    /** What a replacement invited after the meeting's deadline gets: a reminder at seven days, then three more. */
    static final Duration LATE_REPLY_TIME = Duration.ofDays(10);

    private final JdbcClient jdbc;
    private final MeetingCalendar calendar;
    private final MeetingTimeline timeline;
    private final Meetings meetings;
    private final Participants participants;
    private final Outbox outbox;
    private final InvitationLinks invitationLinks;
    private final InvitationMails mails;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final InvitationSettings settings;
    private final IdentityService identityService;

    Invitations(JdbcClient jdbc, MeetingCalendar calendar, MeetingTimeline timeline, Meetings meetings, Participants participants, Outbox outbox,
                InvitationLinks invitationLinks, InvitationMails mails, RuntimeService runtimeService,
                ApplicationEventPublisher events, InvitationSettings settings, IdentityService identityService) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.timeline = timeline;
        this.meetings = meetings;
        this.participants = participants;
        this.outbox = outbox;
        this.invitationLinks = invitationLinks;
        this.mails = mails;
        this.runtimeService = runtimeService;
        this.events = events;
        this.settings = settings;
        this.identityService = identityService;
    }

    /**
     * The meeting's reply deadline: its timeline's {@link Milestone#REPLIES_DUE} (by default 21 days
     * before its first session, so that a replacement can still come).
     *
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown code
     */
    public Date replyDeadline(String meetingCode) {
        return timeline.dueAt(meetingCode, Milestone.REPLIES_DUE.name());
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
            // the invitation's own deadline, which its timers read (a late replacement gets time of its own)
            OffsetDateTime due = OffsetDateTime.ofInstant(replyDeadline(meetingCode, Date.from(now.toInstant())).toInstant(),
                    ZoneOffset.UTC);
            jdbc.sql("""
                    insert into cv_invitation (meeting_code, participant_id, process_instance_id, status, created_at,
                                               reply_deadline)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(meetingCode, participantId, processInstanceId, InvitationStatus.SENT.name(), now, due).update();
            return find(meetingCode, participantId).orElseThrow();
        });
        Meeting meeting = meetings.get(meetingCode);
        Instant deadline = deadlineOf(meetingCode, String.valueOf(participantId)).toInstant();
        // the link outlives the deadline: a late reply is still recorded (and staff are told)
        String link = invitationLinks.reply(meetingCode, participantId);
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
     * sends none twice), and announces {@link ReminderSent}; nothing when the invitation is no
     * longer waiting for its reply.
     *
     * @throws IllegalStateException when the participant's invitation was never sent
     */
    @Transactional
    public void remind(String meetingCode, long participantId, String reminderKey) {
        long invitation = invitation(meetingCode, participantId);
        if (status(invitation) != InvitationStatus.SENT) {
            return; // answered meanwhile: reminders go to the silent only
        }
        Participants.Participant invitee = participants.get(participantId);
        Meeting meeting = meetings.get(meetingCode);
        Instant deadline = deadlineOf(meetingCode, String.valueOf(participantId)).toInstant();
        if (outbox.enqueue(mails.reminder("reminder-" + invitation + "-" + reminderKey, meeting, calendar.span(meetingCode),
                new InvitationMails.Invitee(participantId, invitation, InvitationMails.displayName(invitee.title(),
                        invitee.name()), invitee.email(), sequence(invitation),
                        invitationLinks.reply(meetingCode, participantId),
                        invitationLinks.documents(meetingCode, participantId)), deadline))) {
            jdbc.sql("update cv_invitation set reminders_sent = reminders_sent + 1 where id = ?").param(invitation).update();
            events.publishEvent(new ReminderSent(meetingCode, participantId, invitee.nameAndOrganisation(),
                    EngineClock.instant(), null));
        }
    }

    /**
     * Staff's decision about a seat whose invitee declined or did not answer: the seat goes to
     * someone from the reserve, who moves to the list, or stays empty ({@link ReplacementInvited} or
     * {@link SeatLeftEmpty}).
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
        if (replacementId != null) {
            participants.moveTo(meetingCode, replacementId, false); // the seat's new holder counts on the list
        }
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

    /**
     * Sets the invitation's reply deadline anew (the meeting was moved); its timers are then
     * re-evaluated by the caller.
     */
    void moveDeadline(long invitationId, Date deadline) {
        jdbc.sql("update cv_invitation set reply_deadline = ? where id = ?")
                .params(OffsetDateTime.ofInstant(deadline.toInstant(), ZoneOffset.UTC), invitationId).update();
    }

    /**
     * The invitation's reply deadline, as stored when it was sent (the "Reply deadline passed"
     * timer reads it); before that, the deadline it would get now.
     *
     * @param participantId a participant id as text (the process variable)
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown code
     */
    public Date deadlineOf(String meetingCode, String participantId) {
        return jdbc.sql("select reply_deadline from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(meetingCode, Long.parseLong(participantId)).query(OffsetDateTime.class).optional()
                .map(at -> Date.from(at.toInstant()))
                .orElseGet(() -> replyDeadline(meetingCode, Date.from(EngineClock.instant())));
    }

    /**
     * When the next reminder is due (the "Reminder due" timer): of the meeting's schedule
     * ({@link InvitationSettings#reminderDays}, days before the invitation's deadline, in the venue's
     * calendar), the instants after the invitation went out (now, before it is sent), in order; the
     * next is the one after those already sent. Counting the reminders sent, not the clock, keeps a
     * reminder fired early (a manager executing the timer in Cockpit) from being sent again at its
     * date. When none is left, a day after the deadline: the deadline's timer always fires first, so
     * that reminder never goes out.
     *
     * @param participantId a participant id as text (the process variable)
     */
    public Date nextReminder(String meetingCode, String participantId) {
        ZonedDateTime deadline = deadlineOf(meetingCode, participantId).toInstant().atZone(meetings.get(meetingCode).timeZone());
        record Sent(Instant at, int reminders) {
        }
        Sent sent = jdbc.sql("select created_at, reminders_sent from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(meetingCode, Long.parseLong(participantId))
                .query((rs, n) -> new Sent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
                .optional().orElseGet(() -> new Sent(EngineClock.instant(), 0));
        return Date.from(settings.reminderDays(meetingCode).stream()
                .map(days -> deadline.minusDays(days).toInstant())
                .filter(sent.at()::isBefore).sorted()
                .skip(sent.reminders()).findFirst()
                .orElse(deadline.plusDays(1).toInstant()));
    }

    /**
     * The silent invitation lapses at its deadline ("Record lapse"): status LAPSED and
     * {@link InvitationLapsed}, by nobody. A reply that comes later is still recorded, as late.
     */
    @Transactional
    public void lapse(String meetingCode, long participantId) {
        long invitation = invitation(meetingCode, participantId);
        int lapsed = jdbc.sql("update cv_invitation set status = ? where id = ? and status = ?")
                .params(InvitationStatus.LAPSED.name(), invitation, InvitationStatus.SENT.name()).update();
        if (lapsed == 1) {
            events.publishEvent(new InvitationLapsed(meetingCode, participantId,
                    participants.get(participantId).nameAndOrganisation(), EngineClock.instant(), null));
        }
    }

    /**
     * Staff withdraw an invitation that is still waiting for its reply, or accepted: the seat's
     * InvitationProcess, if it still waits, ends ({@link InvitationProcess#MESSAGE_INVITATION_WITHDRAWN});
     * the invitation is WITHDRAWN, with who and why; {@link InvitationWithdrawn} is announced
     * (what the calendar's cancellation listens to). The seat is not offered to the reserve.
     *
     * @param reason why, as staff wrote it (at most 2,000 characters); may be null
     * @throws ChangeRefused (field {@code reason}) for an overlong reason
     * @throws InvitationConflict when the participant was never invited, declined, lapsed or was
     *                            withdrawn already, or the invitation is just being sent (try again)
     */
    @Transactional
    public void withdraw(String meetingCode, long participantId, String reason, String withdrawnBy) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > InvitationReplies.NOTE_LENGTH) {
            throw new ChangeRefused("reason", "The reason may have up to " + InvitationReplies.NOTE_LENGTH
                    + " characters; it has " + why.length() + ".");
        }
        Participants.Participant invitee = invitee(meetingCode, participantId);
        long invitation = invitation(meetingCode, participantId);
        InvitationStatus status = status(invitation);
        if (status == InvitationStatus.SENT) {
            correlate(InvitationProcess.MESSAGE_INVITATION_WITHDRAWN, meetingCode, participantId, Map.of(), () ->
                    new InvitationConflict(invitee.name() + "'s invitation is being sent or reminded just now; "
                            + "nothing was changed. Try again in a minute."));
        } else if (status != InvitationStatus.ACCEPTED) {
            throw new InvitationConflict(invitee.name() + "'s invitation is " + status.label().toLowerCase()
                    + ": only an invitation waiting for its reply, or accepted, can be withdrawn.");
        }
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                update cv_invitation set status = ?, withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
                where id = ?""").params(InvitationStatus.WITHDRAWN.name(), now, withdrawnBy, why, invitation).update();
        events.publishEvent(new InvitationWithdrawn(meetingCode, participantId, invitee.nameAndOrganisation(),
                status == InvitationStatus.ACCEPTED, why, now.toInstant(), withdrawnBy));
    }

    /**
     * The participant of this meeting who was invited.
     *
     * @throws InvitationConflict when the participant is not on the meeting's list or was never invited
     */
    Participants.Participant invitee(String meetingCode, long participantId) {
        return participants.list(meetingCode).stream().filter(p -> p.id() == participantId && p.invited()).findFirst()
                .orElseThrow(() -> new InvitationConflict("Participant " + participantId
                        + " has no invitation to this meeting; nothing was changed."));
    }

    InvitationStatus status(long invitation) {
        return InvitationStatus.valueOf(jdbc.sql("select status from cv_invitation where id = ?").param(invitation)
                .query(String.class).single());
    }

    /**
     * Correlates a message to the seat's InvitationProcess that waits for it for this participant.
     *
     * @throws InvitationConflict (from {@code refusal}) when no instance waits for it
     */
    void correlate(String message, String meetingCode, long participantId, Map<String, Object> variables,
                   Supplier<InvitationConflict> refusal) {
        if (!tryCorrelate(message, meetingCode, participantId, variables)) {
            throw refusal.get();
        }
    }

    /** Correlates the message if an instance waits for it for this participant; whether one did. */
    boolean tryCorrelate(String message, String meetingCode, long participantId) {
        return tryCorrelate(message, meetingCode, participantId, Map.of());
    }

    /**
     * Looks first, correlates then: a correlation that finds no instance would throw inside the
     * engine and mark the caller's transaction for rollback. As the system: the app's rule (staff
     * record replies, checked by the pages and the API) must not depend on Camunda authorizations.
     */
    private boolean tryCorrelate(String message, String meetingCode, long participantId, Map<String, Object> variables) {
        return SystemAuthentication.asSystem(identityService, () -> {
            Optional<String> waiting = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(InvitationProcess.ID).processInstanceBusinessKey(meetingCode)
                    .variableValueEquals(InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId)).list().stream()
                    .map(ProcessInstance::getId)
                    .filter(id -> runtimeService.createEventSubscriptionQuery().processInstanceId(id)
                            .eventType("message").eventName(message).count() > 0)
                    .findFirst();
            waiting.ifPresent(id -> runtimeService.createMessageCorrelation(message).processInstanceId(id)
                    .setVariables(variables).correlateWithResult());
            return waiting.isPresent();
        });
    }

    /**
     * Starts a seat's replacement decision anew for an invitee whose acceptance was corrected to a
     * decline (their own instance ended with the acceptance).
     */
    void reopenSeat(String meetingCode, long participantId) {
        Meeting meeting = meetings.get(meetingCode);
        SystemAuthentication.asSystem(identityService, () -> runtimeService.startProcessInstanceByMessage(
                InvitationProcess.MESSAGE_ACCEPTANCE_WITHDRAWN, meetingCode, Map.of(
                        ProcessVariables.MEETING_CODE, meetingCode, ProcessVariables.MEETING_TITLE, meeting.title(),
                        ProcessVariables.MEETING_PLACE, meeting.place(), ProcessVariables.MEETING_DATES, meeting.datesLabel(),
                        InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId))));
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
