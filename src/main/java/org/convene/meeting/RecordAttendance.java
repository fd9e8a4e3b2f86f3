package org.convene.meeting;

import static org.convene.meeting.MeetingProcess.ATTENDANCE_NOTE;
import static org.convene.meeting.MeetingProcess.ATTENDANCE_RECORDED;
import static org.convene.meeting.MeetingProcess.MEETING_DAY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record attendance": the day's count from its register (confirmed
 * participants not marked absent, and walk-ins) and the note. A day with nobody present is refused:
 * the task stays open (the REST API answers 400).
 */
@Component("recordAttendance")
class RecordAttendance implements TaskListener {

    private final Attendance attendance;
    private final AttendanceRegister register;

    RecordAttendance(Attendance attendance, AttendanceRegister register) {
        this.attendance = attendance;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = Tasks.meetingCode(task);
        int day = ((Number) task.getVariable(MEETING_DAY)).intValue();
        int present = register.count(code, day).present();
        if (present == 0) {
            throw new FormFieldValidationException(ATTENDANCE_RECORDED, "'" + task.getName() + "' was not completed: "
                    + "nobody is present on the register of day " + day + ". Tick who attended, or add the walk-ins, "
                    + "on the attendance page.");
        }
        attendance.record(code, day, present, Tasks.text(task, ATTENDANCE_NOTE), Tasks.currentUser(task), task.getId());
    }
}
