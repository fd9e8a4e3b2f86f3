package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Attendance recorded per meeting day; announces {@link AttendanceRecorded}. */
@Component("attendance")
public class Attendance {

    /** The attendance recorded for one day of the meeting: how many, a note, who recorded it and when (UTC). */
    public record DayRecord(int day, int count, String note, String recordedBy, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Attendance(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records a day's attendance, stamped by the engine's clock (a later record of the same day
     * is added, never overwrites).
     *
     * @param day the meeting day, 1 for the first
     * @param count how many attended
     * @param note may be null
     * @param recordedBy the user id of who recorded it
     * @param taskId the "Record attendance" task (one record per task); not null
     */
    @Transactional
    public void record(String meetingCode, int day, int count, String note, String recordedBy, String taskId) {
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_attendance (meeting_code, day_number, task_id, attendance_count, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, day, taskId, count, note, recordedBy, now)
                .update();
        events.publishEvent(new AttendanceRecorded(meetingCode, day, count, note, now.toInstant(), recordedBy));
    }

    /** Every attendance record of the meeting, in the order they were recorded. */
    public List<DayRecord> records(String meetingCode) {
        return jdbc.sql("""
                select day_number, attendance_count, note, recorded_by, recorded_at from cv_attendance
                where meeting_code = ? order by id""")
                .param(meetingCode)
                .query((rs, n) -> new DayRecord(rs.getInt("day_number"), rs.getInt("attendance_count"),
                        rs.getString("note"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }
}
