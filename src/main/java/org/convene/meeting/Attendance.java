package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Attendance recorded per meeting day. */
@Component("attendance")
public class Attendance {

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
}
