package org.convene.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When things happen, from the agenda, in the venue's time zone: the timers that wait for
 * each meeting day and the deadlines counted back from the meeting read it.
 */
@Component("meetingCalendar")
public class MeetingCalendar {

    /** When a day with no session on the agenda is taken to end. */
    static final LocalTime DEFAULT_END = LocalTime.of(18, 0);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Meetings meetings;
    private final JdbcClient jdbc;

    MeetingCalendar(Meetings meetings, JdbcClient jdbc) {
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    /**
     * The meeting's days, 1 for the first day: what the meeting-day instances of MeetingProcess run over.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    public List<Integer> days(String meetingCode) {
        return IntStream.rangeClosed(1, meetings.get(meetingCode).numberOfDays()).boxed().toList();
    }

    /**
     * When the day's first session starts (09:00 when the day has none), as an instant: the due
     * date of the day's timer.
     *
     * @param day 1 for the first day
     * @throws MeetingNotFoundException for an unknown code
     */
    public Date dayStart(String meetingCode, int day) {
        return Date.from(dayStartTime(meetingCode, day).toInstant());
    }

    /** When the meeting's first session starts (09:00 when day 1 has none), in the venue's time zone: what its timeline counts back from. */
    ZonedDateTime firstSessionStart(String meetingCode) {
        return dayStartTime(meetingCode, 1);
    }

    /** When the day's first session starts (09:00 when the day has none), in the venue's time zone. */
    private ZonedDateTime dayStartTime(String meetingCode, int day) {
        Meeting meeting = meetings.get(meetingCode);
        LocalTime first = jdbc.sql("select min(starts_at) from cv_agenda_session where meeting_code = ? and day_number = ?")
                .params(meetingCode, day).query(LocalTime.class).optional().orElse(LocalTime.of(9, 0));
        return meeting.firstDay().plusDays(day - 1L).atTime(first).atZone(meeting.timeZone());
    }

    /**
     * When the meeting happens, in the venue's time zone: from the first session of its first day to
     * the end of the last session of its last day, as the agenda stands (the seed's agenda is there
     * from registration, and staff change it until a manager approves it), the same agenda the
     * meeting-day timers and the deadlines counted back from the meeting read; 09:00 and 18:00
     * for a day with no session.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    public Span span(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        LocalTime end = jdbc.sql("select max(ends_at) from cv_agenda_session where meeting_code = ? and day_number = ?")
                .params(meetingCode, meeting.numberOfDays()).query(LocalTime.class).optional().orElse(DEFAULT_END);
        return new Span(dayStartTime(meetingCode, 1), meeting.lastDay().atTime(end).atZone(meeting.timeZone()));
    }

    /**
     * The venue's time zone, e.g. {@code Asia/Amman} (for a mail that names a deadline in it).
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    public String timeZone(String meetingCode) {
        return meetings.get(meetingCode).timeZone().getId();
    }

    /** A meeting's time, {@code start} and {@code end} in the venue's time zone. */
    public record Span(ZonedDateTime start, ZonedDateTime end) {
    }

    /**
     * "Day 1 — Monday 8 February 2027": the day's number and its date in the venue's calendar.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    public String dayLabel(String meetingCode, int day) {
        LocalDate date = meetings.get(meetingCode).firstDay().plusDays(day - 1L);
        return "Day " + day + " — " + DAY_LABEL.format(date);
    }

    /** The codes of the working groups that meet on the day, e.g. [WG1, WG2]; empty for none or an unknown meeting. */
    public List<String> workingGroups(String meetingCode, int day) {
        return jdbc.sql("select code from cv_working_group where meeting_code = ? and day_number = ? order by code")
                .params(meetingCode, day).query(String.class).list();
    }

    /**
     * The title of the working group's report: "Report of Working Group 1 — " and the group's theme.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException when the meeting has no such group
     */
    public String workingGroupTitle(String meetingCode, String workingGroupCode) {
        String title = jdbc.sql("select title from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, workingGroupCode).query(String.class).single();
        return "Report of " + workingGroupCode.replace("WG", "Working Group ") + " — " + title;
    }

    /** The working group's questions, numbered "1. …", one a line; empty when it has none. */
    public String workingGroupQuestions(String meetingCode, String workingGroupCode) {
        List<String> questions = jdbc.sql("""
                select q.text from cv_working_group_question q join cv_working_group g on g.id = q.working_group_id
                where g.meeting_code = ? and g.code = ? order by q.position""")
                .params(meetingCode, workingGroupCode).query(String.class).list();
        return IntStream.range(0, questions.size())
                .mapToObj(i -> (i + 1) + ". " + questions.get(i))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The Camunda user id of a working group's chair as the agenda names it; empty when the chair
     * has no account (or the group is unknown). Whether the user still exists: {@link Agendas#chairAccount}.
     */
    public Optional<String> chairUser(String meetingCode, String workingGroupCode) {
        return jdbc.sql("select chair_user_id from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, workingGroupCode).query(String.class).optional();
    }

    /**
     * That long before the start of the meeting's first session (a due date or a deadline).
     *
     * @param amount an ISO-8601 period ({@code P14D}, counted in the venue's calendar) or duration ({@code PT4H})
     * @throws MeetingNotFoundException for an unknown code
     * @throws java.time.format.DateTimeParseException when {@code amount} is neither
     */
    public Date beforeMeeting(String meetingCode, String amount) {
        return Date.from(minus(dayStartTime(meetingCode, 1), amount).toInstant());
    }

    private static ZonedDateTime minus(ZonedDateTime time, String amount) {
        return amount.contains("T") ? time.minus(Duration.parse(amount)) : time.minus(Period.parse(amount));
    }
}
