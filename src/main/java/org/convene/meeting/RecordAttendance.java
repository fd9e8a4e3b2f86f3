package org.convene.meeting;

import static org.convene.meeting.MeetingProcess.ATTENDANCE_COUNT;
import static org.convene.meeting.MeetingProcess.ATTENDANCE_NOTE;
import static org.convene.meeting.MeetingProcess.MEETING_DAY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Record attendance": the day's count and note. */
@Component("recordAttendance")
class RecordAttendance implements TaskListener {

    private final Attendance attendance;

    RecordAttendance(Attendance attendance) {
        this.attendance = attendance;
    }

    @Override
    public void notify(DelegateTask task) {
        attendance.record(Tasks.meetingCode(task), ((Number) task.getVariable(MEETING_DAY)).intValue(),
                ((Number) task.getVariable(ATTENDANCE_COUNT)).intValue(), Tasks.text(task, ATTENDANCE_NOTE),
                Tasks.currentUser(task), task.getId());
    }
}
