package org.convene.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.DueDates;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.SystemAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving and cancelling a meeting, by staff (cancelling: staff or a manager), on the meeting's page
 * or through {@code /api/meetings/{code}/schedule} and {@code /api/meetings/{code}/cancellation}.
 * Every change is checked here, whoever calls; a refused one stores nothing ({@link ChangeRefused}).
 *
 * <p>A reschedule changes the first day, the venue or its time zone (the number of days stays: the
 * agenda's sessions and working groups hang on day numbers), is kept in the append-only
 * cv_meeting_schedule_change, moves the waiting "day started" timers of MeetingProcess (their due
 * date is re-evaluated from the agenda), updates the meeting's place and dates as the tasks' forms
 * show them, and announces {@link MeetingRescheduled} in the same transaction (the invitation
 * module sends the updated calendar entries and moves its reply deadlines). Deadlines of the
 * document module that were counted back from the old dates when their task was created stay.
 *
 * <p>A cancellation records the reason, ends the meeting's running lifecycle (its ExpertMeetingProcess
 * instance and every phase and invitation it called; business key = the code) with that reason,
 * skipping their listeners, and announces {@link MeetingCancelled}
 * (the invitation module sends {@code METHOD:CANCEL}). It cannot be undone.
 */
@Service
public class MeetingSchedules {

    /** The processes a cancellation ends when one runs as a root: the meeting's, which call all the others. */
    static final String[] LIFECYCLE = {ExpertMeetingProcess.ID, ConceptNoteApprovalProcess.ID, PreparationProcess.ID,
            MeetingProcess.ID};

    /** The longest reason kept, in characters. */
    public static final int REASON_LENGTH = 2000;

    /**
     * A new schedule as typed: text, checked by {@link #reschedule}. A null or blank field keeps the
     * meeting's value. {@code firstDay} is YYYY-MM-DD in the venue's calendar; {@code timeZone} an IANA
     * region id ({@code Asia/Amman}); {@code reason} optional.
     */
    public record NewSchedule(String firstDay, String place, String timeZone, String reason) {
    }

    /** Why, by whom (a user id; may be null) and when the meeting was cancelled. */
    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final RuntimeService runtimeService;
    private final DueDates dueDates;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;

    MeetingSchedules(JdbcClient jdbc, Meetings meetings, MeetingCalendar calendar, RuntimeService runtimeService,
                     DueDates dueDates, IdentityService identityService,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.dueDates = dueDates;
        this.identityService = identityService;
        this.events = events;
    }

    /** The meeting's cancellation; empty while it is not cancelled (or the code is unknown). */
    public Optional<Cancellation> cancellation(String meetingCode) {
        return jdbc.sql("select cancel_reason, cancelled_by, cancelled_at from cv_meeting where code = ? and cancelled_at is not null")
                .param(meetingCode)
                .query((rs, n) -> new Cancellation(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Moves the meeting, after checking the new values: the first day a date YYYY-MM-DD after today
     * in the (new) venue's time zone, the venue up to 200 characters, the time zone an IANA region
     * id, the reason up to {@value #REASON_LENGTH} characters; something must change; the meeting
     * neither cancelled nor begun.
     *
     * @param actor the user id of who moves it; may be null
     * @return the meeting as it now stands
     * @throws ChangeRefused naming each field ({@code firstDay}, {@code place}, {@code timeZone},
     *                       {@code reason}, or {@code meeting} for its state) that breaks a rule
     * @throws MeetingNotFoundException for an unknown code
     */
    @Transactional
    public Meeting reschedule(String meetingCode, NewSchedule typed, String actor) {
        Meeting before = meetings.get(meetingCode);
        refuseIfCancelledOrBegun(before, "moved");
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zone = zone(typed.timeZone(), before.timeZone(), errors);
        String place = text(typed.place(), before.place(), "place", "venue", 200, errors);
        LocalDate firstDay = firstDay(typed.firstDay(), before.firstDay(), zone == null ? before.timeZone() : zone, errors);
        String reason = text(typed.reason(), null, "reason", "reason", REASON_LENGTH, errors);
        if (errors.isEmpty() && firstDay.equals(before.firstDay()) && place.equals(before.place())
                && zone.equals(before.timeZone())) {
            errors.put("firstDay", "Nothing changed: give a new first day, venue or time zone.");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("update cv_meeting set first_day = ?, place = ?, time_zone = ? where code = ?")
                .params(firstDay, place, zone.getId(), meetingCode).update();
        jdbc.sql("""
                insert into cv_meeting_schedule_change (meeting_code, previous_first_day, first_day, previous_place, place,
                    previous_time_zone, time_zone, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, before.firstDay(), firstDay, before.place(), place, before.timeZone().getId(),
                        zone.getId(), reason, actor, now).update();
        Meeting after = meetings.get(meetingCode);
        SystemAuthentication.asSystem(identityService, () -> {
            List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(meetingCode).list();
            for (ProcessInstance instance : running) {
                Map<String, Object> shown = runtimeService.getVariablesLocal(instance.getId(),
                        List.of(ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES));
                if (shown.containsKey(ProcessVariables.MEETING_PLACE)) {
                    runtimeService.setVariableLocal(instance.getId(), ProcessVariables.MEETING_PLACE, after.place());
                }
                if (shown.containsKey(ProcessVariables.MEETING_DATES)) {
                    runtimeService.setVariableLocal(instance.getId(), ProcessVariables.MEETING_DATES, after.datesLabel());
                }
            }
            return null;
        });
        // the meeting-day timers, the timeline's due dates and the invitations' deadlines, from their expressions
        dueDates.recount(meetingCode);
        events.publishEvent(new MeetingRescheduled(meetingCode, after.title(), before.firstDay(), firstDay,
                after.numberOfDays(), before.place(), place, before.timeZone(), zone, reason, now.toInstant(), actor));
        return after;
    }

    /**
     * Cancels the meeting: records why, ends its running processes with the reason and announces
     * {@link MeetingCancelled}.
     *
     * @param reason why, 1 to {@value #REASON_LENGTH} characters
     * @param actor  the user id of who cancels it; may be null
     * @throws ChangeRefused ({@code reason}) without a reason or with a longer one; ({@code meeting})
     *                       when it is cancelled already or has begun
     * @throws MeetingNotFoundException for an unknown code
     */
    @Transactional
    public void cancel(String meetingCode, String reason, String actor) {
        Meeting meeting = meetings.get(meetingCode);
        refuseIfCancelledOrBegun(meeting, "cancelled");
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, null, "reason", "reason", REASON_LENGTH, errors);
        if (why == null && errors.isEmpty()) {
            errors.put("reason", "Give the reason for cancelling: the invitees and the audit trail are told it.");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        OffsetDateTime now = EngineClock.now();
        int cancelled = jdbc.sql("""
                update cv_meeting set cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                where code = ? and cancelled_at is null""").params(now, actor, why, meetingCode).update();
        if (cancelled != 1) {
            throw new ChangeRefused("meeting", "The meeting has been cancelled already.");
        }
        SystemAuthentication.asSystem(identityService, () -> {
            // the roots of the meeting's lifecycle: ending one ends the instances it called (every phase
            // and each invitation); other modules' own processes for the meeting (the mail delivery of
            // the cancellations written now, and of those still on their way) go on
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(meetingCode).rootProcessInstances()
                    .processDefinitionKeyIn(LIFECYCLE).list().forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(),
                            "Meeting cancelled: " + why, true, true, true, false));
            return null;
        });
        events.publishEvent(new MeetingCancelled(meetingCode, meeting.title(), why, now.toInstant(), actor));
    }

    private void refuseIfCancelledOrBegun(Meeting meeting, String verb) {
        cancellation(meeting.code()).ifPresent(c -> {
            throw new ChangeRefused("meeting", "The meeting was cancelled; it cannot be " + verb + ".");
        });
        Instant start = calendar.dayStart(meeting.code(), 1).toInstant();
        if (!EngineClock.instant().isBefore(start)) {
            throw new ChangeRefused("meeting", "The meeting began on " + meeting.datesLabel() + "; it cannot be "
                    + verb + " any more.");
        }
    }

    private static ZoneId zone(String typed, ZoneId current, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return current;
        }
        String id = typed.strip();
        try {
            if (ZoneId.getAvailableZoneIds().contains(id)) {
                return ZoneId.of(id);
            }
        } catch (DateTimeException e) {
            // refused below
        }
        errors.put("timeZone", "'" + id + "' is not a time zone: give the venue's region, e.g. Asia/Amman or Europe/Geneva.");
        return null;
    }

    private static String text(String typed, String current, String field, String label, int maxLength,
                               Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return current;
        }
        String text = typed.strip();
        if (text.length() > maxLength) {
            errors.put(field, "The " + label + " may have up to " + maxLength + " characters; this has " + text.length() + ".");
        }
        return text;
    }

    private static LocalDate firstDay(String typed, LocalDate current, ZoneId zone, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return current;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.put("firstDay", "'" + typed.strip() + "' is not a date: give the first day as YYYY-MM-DD, e.g. 2027-02-08.");
            return null;
        }
        LocalDate today = EngineClock.instant().atZone(zone).toLocalDate();
        if (!day.isAfter(today)) {
            errors.put("firstDay", "The first day must be after today (" + today + " at the venue, " + zone.getId() + ").");
        }
        return day;
    }
}
