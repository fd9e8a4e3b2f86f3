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

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Meetings meetings;
    private final JdbcClient jdbc;

    MeetingCalendar(Meetings meetings, JdbcClient jdbc) {
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    public List<Integer> days(String meetingCode) {
        return IntStream.rangeClosed(1, meetings.get(meetingCode).numberOfDays()).boxed().toList();
    }

    /** The start of the day's first session, in the venue's time zone. */
    public Date dayStart(String meetingCode, int day) {
        return Date.from(dayStartTime(meetingCode, day).toInstant());
    }

    public ZonedDateTime dayStartTime(String meetingCode, int day) {
        Meeting meeting = meetings.get(meetingCode);
        LocalTime first = jdbc.sql("select min(starts_at) from cv_agenda_session where meeting_code = ? and day_number = ?")
                .params(meetingCode, day).query(LocalTime.class).optional().orElse(LocalTime.of(9, 0));
        return meeting.firstDay().plusDays(day - 1L).atTime(first).atZone(meeting.timeZone());
    }

    /** The end of the last session of the meeting's last day. */
    public ZonedDateTime meetingEnd(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        LocalTime last = jdbc.sql("select max(ends_at) from cv_agenda_session where meeting_code = ? and day_number = ?")
                .params(meetingCode, meeting.numberOfDays()).query(LocalTime.class).optional().orElse(LocalTime.of(17, 0));
        return meeting.lastDay().atTime(last).atZone(meeting.timeZone());
    }

    public String dayLabel(String meetingCode, int day) {
        LocalDate date = meetings.get(meetingCode).firstDay().plusDays(day - 1L);
        return "Day " + day + " — " + DAY_LABEL.format(date);
    }

    public List<String> workingGroups(String meetingCode, int day) {
        return jdbc.sql("select code from cv_working_group where meeting_code = ? and day_number = ? order by code")
                .params(meetingCode, day).query(String.class).list();
    }

    public String workingGroupTitle(String meetingCode, String workingGroupCode) {
        String title = jdbc.sql("select title from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, workingGroupCode).query(String.class).single();
        return "Report of " + workingGroupCode.replace("WG", "Working Group ") + " — " + title;
    }

    public String workingGroupQuestions(String meetingCode, String workingGroupCode) {
        List<String> questions = jdbc.sql("""
                select q.text from cv_working_group_question q join cv_working_group g on g.id = q.working_group_id
                where g.meeting_code = ? and g.code = ? order by q.position""")
                .params(meetingCode, workingGroupCode).query(String.class).list();
        return IntStream.range(0, questions.size())
                .mapToObj(i -> (i + 1) + ". " + questions.get(i))
                .collect(Collectors.joining("\n"));
    }

    /** The Camunda user of a working group's chair, when the chair has an account. */
    public Optional<String> chairUser(String meetingCode, String workingGroupCode) {
        return jdbc.sql("select chair_user_id from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, workingGroupCode).query(String.class).optional();
    }

    /** That long (an ISO-8601 period or duration, e.g. P14D) before the meeting's first session. */
    public Date beforeMeeting(String meetingCode, String amount) {
        return Date.from(minus(dayStartTime(meetingCode, 1), amount).toInstant());
    }

    /** That long after the end of the meeting's last session. */
    public Date afterMeeting(String meetingCode, String amount) {
        ZonedDateTime end = meetingEnd(meetingCode);
        return Date.from((amount.contains("T") ? end.plus(Duration.parse(amount)) : end.plus(Period.parse(amount))).toInstant());
    }

    private static ZonedDateTime minus(ZonedDateTime time, String amount) {
        return amount.contains("T") ? time.minus(Duration.parse(amount)) : time.minus(Period.parse(amount));
    }
}
