package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Attendance recorded per meeting day. */
@Component("attendance")
public class Attendance {

    /** The attendance recorded for one day of the meeting: how many, a note, who recorded it and when (UTC). */
    public record DayRecord(int day, int count, String note, String recordedBy, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;

    Attendance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Complete listener of "Record attendance". */
    public void record(DelegateTask task) {
        jdbc.sql("""
                insert into cv_attendance (meeting_code, day_number, task_id, attendance_count, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Tasks.meetingCode(task), ((Number) task.getVariable("meetingDay")).intValue(), task.getId(),
                        ((Number) task.getVariable("attendanceCount")).intValue(), Tasks.text(task, "attendanceNote"),
                        Tasks.currentUser(task), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
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
