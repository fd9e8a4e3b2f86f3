package org.convene.invitation;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.SystemAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's reminder schedule: whole days before the reply deadline when those who have not
 * replied get a reminder (default {@link #DEFAULT_REMINDER_DAYS}). A change reschedules the
 * reminder timers already waiting, and is announced ({@link ReminderScheduleChanged}).
 */
@Component
public class InvitationSettings {

    /** 14 and 7 days before the reply deadline. */
    public static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(14, 7);
    /** The most reminders a schedule may hold. */
    public static final int MOST_REMINDERS = 5;
    /** The furthest a reminder may lie before the deadline, in days. */
    public static final int MOST_DAYS = 180;
    static final String FIELD = "reminderDays";

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;

    InvitationSettings(JdbcClient jdbc, Meetings meetings, RuntimeService runtimeService,
                       ManagementService managementService, IdentityService identityService,
                       @Lazy Invitations invitations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.invitations = invitations;
        this.events = events;
    }

    /** The days before the reply deadline when reminders go out, largest first, e.g. [14, 7]; empty when staff chose none. */
    public List<Integer> reminderDays(String meetingCode) {
        return jdbc.sql("select reminder_days from cv_invitation_settings where meeting_code = ?").param(meetingCode)
                .query(String.class).optional().map(InvitationSettings::parse).orElse(DEFAULT_REMINDER_DAYS);
    }

    /**
     * Sets the schedule as staff typed it on the page: whole numbers of days separated by commas
     * or spaces, e.g. {@code "14, 7"}; empty for no reminders.
     *
     * @throws ChangeRefused (field {@code reminderDays}) naming what is wrong
     */
    @Transactional
    public List<Integer> changeReminderDays(String meetingCode, String typed, String changedBy) {
        String text = typed == null ? "" : typed.strip();
        List<Integer> days;
        try {
            days = text.isEmpty() ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(Integer::valueOf).toList();
        } catch (NumberFormatException notWhole) {
            throw new ChangeRefused(FIELD, "Write whole numbers of days before the reply deadline, separated by "
                    + "commas (e.g. 14, 7); \"" + text + "\" is not.");
        }
        return changeReminderDays(meetingCode, days, changedBy);
    }

    /**
     * Sets the schedule: each a whole number of days before the reply deadline, 1 to
     * {@link #MOST_DAYS}, at most {@link #MOST_REMINDERS}, none twice (an empty list: no
     * reminders). Reminder timers already waiting are moved to the new schedule.
     *
     * @return the schedule as stored, largest first
     * @throws ChangeRefused (field {@code reminderDays}) naming what is wrong; nothing is stored
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public List<Integer> changeReminderDays(String meetingCode, List<Integer> days, String changedBy) {
        meetings.get(meetingCode);
        if (days == null || days.stream().anyMatch(d -> d == null || d < 1 || d > MOST_DAYS)) {
            throw new ChangeRefused(FIELD, "Each reminder is a whole number of days before the reply deadline, "
                    + "from 1 to " + MOST_DAYS + " (a reminder on or after the deadline would come too late).");
        }
        if (days.size() > MOST_REMINDERS) {
            throw new ChangeRefused(FIELD, "At most " + MOST_REMINDERS + " reminders; " + days.size() + " were given.");
        }
        if (days.stream().distinct().count() < days.size()) {
            throw new ChangeRefused(FIELD, "Each day appears once; " + days + " repeats one.");
        }
        List<Integer> sorted = days.stream().sorted(Comparator.reverseOrder()).toList();
        String stored = String.join(",", sorted.stream().map(String::valueOf).toList());
        OffsetDateTime now = EngineClock.now();
        int updated = jdbc.sql("update cv_invitation_settings set reminder_days = ?, updated_by = ?, updated_at = ? "
                + "where meeting_code = ?").params(stored, changedBy, now, meetingCode).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into cv_invitation_settings (meeting_code, reminder_days, updated_by, updated_at)
                    values (?, ?, ?, ?)""").params(meetingCode, stored, changedBy, now).update();
        }
        rescheduleWaitingReminders(meetingCode);
        events.publishEvent(new ReminderScheduleChanged(meetingCode, sorted, now.toInstant(), changedBy));
        return sorted;
    }

    /** Each "Reminder due" timer of the meeting's seats gets the due date of the new schedule. */
    private void rescheduleWaitingReminders(String meetingCode) {
        SystemAuthentication.asSystem(identityService, () -> {
            reschedule(meetingCode);
            return null;
        });
    }

    private void reschedule(String meetingCode) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.ID)
                .processInstanceBusinessKey(meetingCode).list().forEach(seat -> {
                    Job timer = managementService.createJobQuery().processInstanceId(seat.getId())
                            .activityId(InvitationProcess.TIMER_EVENT_REMINDER_DUE).timers().singleResult();
                    if (timer != null) {
                        String participantId = (String) runtimeService.getVariable(seat.getId(),
                                InvitationProcess.PARTICIPANT_ID);
                        managementService.setJobDuedate(timer.getId(),
                                invitations.nextReminder(meetingCode, participantId));
                    }
                });
    }

    private static List<Integer> parse(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }

    /** The schedule for the page's field: {@code "14, 7"}. */
    public String typed(String meetingCode) {
        return String.join(", ", reminderDays(meetingCode).stream().map(String::valueOf).toList());
    }
}
