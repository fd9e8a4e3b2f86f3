package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.DueDates;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's timeline: the {@link Milestone}s counted back from the start of its first session
 * (the agenda's first session of day 1, 09:00 when there is none), in the venue's calendar and time
 * zone, each at its default or where staff moved it (kept in cv_meeting_timeline, V1_7). The BPMN
 * reads it as {@code meetingTimeline}: the due dates of the user tasks and timers before the meeting
 * ({@code ${meetingTimeline.dueAt(meetingCode, 'AGENDA_APPROVED')}}) and the invitations' reply
 * deadline. When a milestone moves, or the meeting does ({@link MeetingSchedules#reschedule}), the
 * meeting's open tasks and timers are counted again ({@link DueDates}). A milestone already past when
 * its task is created makes the task overdue at once: the meeting is behind its timeline.
 */
@Component("meetingTimeline")
public class MeetingTimeline {

    /**
     * One milestone of a meeting: how many days before the first session, whether staff moved it from
     * its default, and when it falls (in the venue's time zone).
     */
    public record Entry(Milestone milestone, int daysBefore, boolean moved, ZonedDateTime dueAt) {
    }

    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final JdbcClient jdbc;
    private final DueDates dueDates;
    private final ApplicationEventPublisher events;

    MeetingTimeline(Meetings meetings, MeetingCalendar calendar, JdbcClient jdbc, DueDates dueDates,
                    ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.dueDates = dueDates;
        this.events = events;
    }

    /**
     * The meeting's milestones in the order of {@link Milestone}.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    public List<Entry> of(String meetingCode) {
        Map<Milestone, Integer> days = daysBefore(meetingCode);
        ZonedDateTime start = calendar.firstSessionStart(meetingCode);
        return days.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue(),
                e.getValue() != e.getKey().defaultDaysBefore(), start.minusDays(e.getValue()))).toList();
    }

    /**
     * When the milestone falls, as the engine's due dates and timers take it.
     *
     * @param milestone a {@link Milestone} name
     * @throws MeetingNotFoundException for an unknown code
     * @throws IllegalArgumentException for an unknown milestone (a BPMN naming one that does not exist)
     */
    public Date dueAt(String meetingCode, String milestone) {
        Milestone m = Milestone.valueOf(milestone);
        return Date.from(calendar.firstSessionStart(meetingCode).minusDays(daysBefore(meetingCode).get(m)).toInstant());
    }

    /**
     * Moves milestones: each given one to its days before the first session (the others stay). Checked
     * first, stored only when every rule holds: 0 to {@value Milestone#MOST_DAYS_BEFORE} days, and no
     * milestone before the one it follows ({@link Milestone#notBefore}). Then the meeting's open tasks
     * and timers are counted again, and {@link MeetingTimelineChanged} announces what moved (nothing
     * when nothing moved).
     *
     * @param daysBefore milestone name → days before the first session
     * @param actor      the user id of who moves them
     * @return the timeline as it now stands
     * @throws MeetingNotFoundException for an unknown code
     * @throws ChangeRefused            naming each milestone that breaks a rule (nothing stored)
     */
    @Transactional
    public List<Entry> move(String meetingCode, Map<String, Integer> daysBefore, String actor) {
        meetings.get(meetingCode);
        Map<Milestone, Integer> before = daysBefore(meetingCode);
        Map<Milestone, Integer> after = new EnumMap<>(before);
        Map<String, String> errors = new LinkedHashMap<>();
        daysBefore.forEach((name, days) -> {
            Milestone milestone = milestone(name);
            if (milestone == null) {
                errors.put(name, "No milestone " + name + "; the timeline has " + List.of(Milestone.values()) + ".");
            } else if (days == null || days < 0 || days > Milestone.MOST_DAYS_BEFORE) {
                errors.put(name, milestone.label() + ": give 0 to " + Milestone.MOST_DAYS_BEFORE
                        + " days before the meeting.");
            } else {
                after.put(milestone, days);
            }
        });
        for (Milestone m : Milestone.values()) {
            Milestone first = m.notBefore();
            if (first != null && !errors.containsKey(m.name()) && after.get(m) > after.get(first)) {
                errors.put(m.name(), m.label() + " (" + after.get(m) + " days before) cannot come before "
                        + first.label() + " (" + after.get(first) + " days before).");
            }
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        Map<String, Integer> previous = new LinkedHashMap<>();
        Map<String, Integer> moved = new LinkedHashMap<>();
        OffsetDateTime now = EngineClock.now();
        after.forEach((milestone, days) -> {
            if (!days.equals(before.get(milestone))) {
                previous.put(milestone.label(), before.get(milestone));
                moved.put(milestone.label(), days);
                jdbc.sql("delete from cv_meeting_timeline where meeting_code = ? and milestone = ?")
                        .params(meetingCode, milestone.name()).update();
                jdbc.sql("""
                        insert into cv_meeting_timeline (meeting_code, milestone, days_before, changed_by, changed_at)
                        values (?, ?, ?, ?, ?)""").params(meetingCode, milestone.name(), days, actor, now).update();
            }
        });
        if (!moved.isEmpty()) {
            dueDates.recount(meetingCode);
            events.publishEvent(new MeetingTimelineChanged(meetingCode, previous, moved, now.toInstant(), actor));
        }
        return of(meetingCode);
    }

    private Map<Milestone, Integer> daysBefore(String meetingCode) {
        meetings.get(meetingCode);
        Map<Milestone, Integer> days = new EnumMap<>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            days.put(m, m.defaultDaysBefore());
        }
        jdbc.sql("select milestone, days_before from cv_meeting_timeline where meeting_code = ?").param(meetingCode)
                .query(rs -> {
                    Milestone m = milestone(rs.getString(1));
                    if (m != null) {
                        days.put(m, rs.getInt(2));
                    }
                });
        return days;
    }

    private static Milestone milestone(String name) {
        for (Milestone m : Milestone.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
