package org.convene.invitation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.convene.mail.Outbox;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.MeetingCancelled;
import org.convene.meeting.MeetingRescheduled;
import org.convene.meeting.Meetings;
import org.convene.workflow.EngineClock;
import org.convene.workflow.MeetingEvent;
import org.convene.workflow.SystemAuthentication;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the invitees' calendars right when the meeting changes after invitations went out: every
 * invitation sent and not declined gets one mail per change, in the transaction of the change (a
 * synchronous listener: the mails are written with the change or not at all), the entry's SEQUENCE
 * one higher (cv_invitation.calendar_sequence) and its outbox key made from it
 * ({@code invitation-<id>-update-<sequence>}, {@code invitation-<id>-cancel-<sequence>}), so a
 * change is mailed once.
 *
 * <p>{@link MeetingRescheduled}: an update (METHOD:REQUEST, same UID) saying what changed; an
 * invitee still to reply gets new reply buttons (valid until the meeting begins) and, when the dates
 * moved, a reply deadline counted from the new dates, stored with the invitation, and the waiting
 * reply-deadline and reminder timers of the invitation's process re-evaluated from it. {@link MeetingCancelled}: METHOD:CANCEL with the reason; so does
 * {@link InvitationWithdrawn}, to the one invitee.
 */
@Component
class InvitationUpdates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** An invitation as the updates need it. */
    record Sent(long invitationId, long participantId, String processInstanceId, InvitationStatus status,
                ParticipantTitle title, String name, String email, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final Invitations invitations;
    private final InvitationMails mails;
    private final InvitationLinks links;
    private final Outbox outbox;
    private final ManagementService managementService;
    private final IdentityService identityService;

    InvitationUpdates(JdbcClient jdbc, Meetings meetings, MeetingCalendar calendar, Invitations invitations,
                      InvitationMails mails, InvitationLinks links, Outbox outbox, ManagementService managementService,
                      IdentityService identityService) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.calendar = calendar;
        this.invitations = invitations;
        this.mails = mails;
        this.links = links;
        this.outbox = outbox;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /**
     * The meeting module's {@link MeetingRescheduled} and {@link MeetingCancelled}, and this module's
     * {@link InvitationWithdrawn}, heard in the transaction of the change (one method for all: the
     * module canvas lists what a module hears in no fixed order when there are several).
     */
    @EventListener
    void on(MeetingEvent event) {
        if (event instanceof MeetingRescheduled moved) {
            meetingMoved(moved);
        } else if (event instanceof MeetingCancelled cancelled) {
            meetingCancelled(cancelled.meetingCode(), cancelled.reason());
        } else if (event instanceof InvitationWithdrawn withdrawn) {
            invitationWithdrawn(withdrawn.meetingCode(), withdrawn.participantId(), withdrawn.reason());
        }
    }

    /**
     * Sends each invitee not declined the updated entry and moves the waiting reply deadlines.
     *
     * @return how many updates were written
     */
    @Transactional
    int meetingMoved(MeetingRescheduled moved) {
        Meeting meeting = meetings.get(moved.meetingCode());
        MeetingCalendar.Span span = calendar.span(meeting.code());
        List<String> changes = changes(moved);
        Instant now = EngineClock.instant();
        int written = 0;
        for (Sent sent : notDeclined(meeting.code())) {
            Instant deadline = null;
            String replyLink = null;
            if (sent.status() == InvitationStatus.SENT) {
                deadline = invitations.replyDeadline(meeting.code(), Date.from(sent.sentAt())).toInstant();
                if (moved.timeChanged()) {
                    invitations.moveDeadline(sent.invitationId(), Date.from(deadline));
                    moveReplyDeadline(sent);
                }
                replyLink = links.reply(meeting.code(), sent.participantId());
            }
            InvitationMails.Invitee invitee = invitee(sent, nextSequence(sent.invitationId()), replyLink,
                    links.documents(meeting.code(), sent.participantId()));
            written += outbox.enqueue(mails.update(meeting, span, invitee, changes, deadline, now)) ? 1 : 0;
        }
        return written;
    }

    /**
     * Sends each invitee not declined the cancellation of the calendar entry, with the reason.
     *
     * @return how many cancellations were written
     */
    @Transactional
    int meetingCancelled(String meetingCode, String reason) {
        Meeting meeting = meetings.get(meetingCode);
        MeetingCalendar.Span span = calendar.span(meetingCode);
        Instant now = EngineClock.instant();
        int written = 0;
        for (Sent sent : notDeclined(meetingCode)) {
            InvitationMails.Invitee invitee = invitee(sent, nextSequence(sent.invitationId()), null, null);
            written += outbox.enqueue(mails.cancellation(meeting, span, invitee, "The meeting is cancelled",
                    List.of("We regret to tell you that the " + meeting.title() + ", planned for " + meeting.datesLabel()
                            + " in " + meeting.place() + ", is cancelled.", "Reason: " + reason), now)) ? 1 : 0;
        }
        return written;
    }

    /**
     * Sends the invitee of a withdrawn invitation the cancellation of the calendar entry, with the
     * reason when given (once: the key holds the sequence, raised here).
     *
     * @return whether it was written
     * @throws IllegalStateException when the participant's invitation was never sent
     */
    @Transactional
    boolean invitationWithdrawn(String meetingCode, long participantId, String reason) {
        long invitationId = invitations.invitation(meetingCode, participantId);
        Sent sent = jdbc.sql(SENT + " where i.id = ?").param(invitationId).query(InvitationUpdates::sent).single();
        Meeting meeting = meetings.get(meetingCode);
        List<String> why = new ArrayList<>();
        why.add("The secretariat has withdrawn your invitation to the " + meeting.title() + ", "
                + meeting.datesLabel() + ", " + meeting.place() + ".");
        if (reason != null && !reason.isBlank()) {
            why.add("Reason: " + reason.strip());
        }
        why.add("Please write to the secretariat if you have questions.");
        return outbox.enqueue(mails.cancellation(meeting, calendar.span(meetingCode),
                invitee(sent, nextSequence(invitationId), null, null), "Your invitation is withdrawn", why,
                EngineClock.instant()));
    }

    /** What changed, in words: the dates, the venue, the time zone, the reason. */
    static List<String> changes(MeetingRescheduled moved) {
        List<String> changes = new ArrayList<>();
        if (!moved.previousFirstDay().equals(moved.firstDay())) {
            changes.add("It now begins on " + DAY.format(moved.firstDay()) + " (it was to begin on "
                    + DAY.format(moved.previousFirstDay()) + ").");
        }
        if (!moved.previousPlace().equals(moved.place())) {
            changes.add("It is now held in " + moved.place() + " (it was to be held in " + moved.previousPlace() + ").");
        }
        if (!moved.previousTimeZone().equals(moved.timeZone())) {
            changes.add("Its times are now " + moved.timeZone().getId() + " time (they were "
                    + moved.previousTimeZone().getId() + " time).");
        }
        if (moved.reason() != null) {
            changes.add("Reason: " + moved.reason());
        }
        return changes;
    }

    private static final String SENT = """
            select i.id, i.participant_id, i.process_instance_id, i.status, p.title, p.name, p.email, i.created_at
            from cv_invitation i join cv_participant p on p.id = i.participant_id""";

    /** The meeting's invitations that went out and were neither declined nor withdrawn. */
    private List<Sent> notDeclined(String meetingCode) {
        return jdbc.sql(SENT + " where i.meeting_code = ? and i.status not in (?, ?) order by i.id")
                .params(meetingCode, InvitationStatus.DECLINED.name(), InvitationStatus.WITHDRAWN.name())
                .query(InvitationUpdates::sent).list();
    }

    private static Sent sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Sent(rs.getLong(1), rs.getLong(2), rs.getString(3), InvitationStatus.valueOf(rs.getString(4)),
                rs.getString(5) == null ? null : ParticipantTitle.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant());
    }

    private int nextSequence(long invitationId) {
        jdbc.sql("update cv_invitation set calendar_sequence = calendar_sequence + 1 where id = ?")
                .param(invitationId).update();
        return invitations.sequence(invitationId);
    }

    private static InvitationMails.Invitee invitee(Sent sent, int sequence, String replyLink, String documentsLink) {
        return new InvitationMails.Invitee(sent.participantId(), sent.invitationId(),
                InvitationMails.displayName(sent.title(), sent.name()), sent.email(), sequence, replyLink, documentsLink);
    }

    /**
     * Re-evaluates the invitation's waiting reply-deadline and reminder timers from its new deadline
     * (stored first: the timers read it).
     */
    private void moveReplyDeadline(Sent sent) {
        SystemAuthentication.asSystem(identityService, () -> {
            for (String timerEvent : List.of(InvitationProcess.TIMER_EVENT_REPLY_DEADLINE_PASSED,
                    InvitationProcess.TIMER_EVENT_REMINDER_DUE)) {
                managementService.createJobQuery().timers().processInstanceId(sent.processInstanceId())
                        .activityId(timerEvent).list()
                        .forEach(timer -> managementService.recalculateJobDuedate(timer.getId(), false));
            }
            return null;
        });
    }
}
