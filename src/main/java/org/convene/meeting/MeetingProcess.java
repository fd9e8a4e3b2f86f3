package org.convene.meeting;

import org.convene.document.DocumentVariables;

/**
 * The ids and variable names of {@code bpmn/meeting/MeetingProcess.bpmn} ("Hold meeting"): for
 * each meeting day in turn a timer waits for the day's first session, then attendance, the day's
 * working groups in parallel (draft, chair's validation, plenary discussion) and the day summary.
 */
public final class MeetingProcess {

    /** The process id (definition key). */
    public static final String ID = "MeetingProcess";

    public static final String START_EVENT_MEETING_SCHEDULED = "StartEvent_MeetingScheduled";
    /** Multi-instance (sequential) over the meeting's days. */
    public static final String SUB_PROCESS_MEETING_DAY = "SubProcess_MeetingDay";
    public static final String TIMER_EVENT_DAY_STARTED = "TimerEvent_DayStarted";
    public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
    /** Multi-instance (parallel) over the day's working groups. */
    public static final String SUB_PROCESS_WORKING_GROUP_REPORT = "SubProcess_WorkingGroupReport";
    public static final String GATEWAY_WORKING_GROUP_REPORT_MERGE = "Gateway_WorkingGroupReportMerge";
    public static final String TASK_DRAFT_WORKING_GROUP_REPORT = "Task_DraftWorkingGroupReport";
    public static final String TASK_VALIDATE_WORKING_GROUP_REPORT = "Task_ValidateWorkingGroupReport";
    public static final String GATEWAY_REPORT_VALIDATED = "Gateway_ReportValidated";
    public static final String TASK_RECORD_PLENARY_DISCUSSION = "Task_RecordPlenaryDiscussion";
    public static final String END_EVENT_REPORT_PRESENTED = "EndEvent_ReportPresented";
    public static final String TASK_WRITE_DAY_SUMMARY = "Task_WriteDaySummary";
    public static final String END_EVENT_DAY_HELD = "EndEvent_DayHeld";
    public static final String END_EVENT_MEETING_HELD = "EndEvent_MeetingHeld";

    /** The day of the meeting-day instance, 1 for the first day. Integer. */
    public static final String MEETING_DAY = "meetingDay";
    /** The working group of the report instance, e.g. {@code WG1}. String. */
    public static final String WORKING_GROUP_CODE = "workingGroupCode";
    /** {@code Day 1 — Monday 8 February 2027}, shown by "Record attendance" (task-local). */
    public static final String DAY_LABEL = "dayLabel";
    /** How many attended the day, 0 to 500. Number, required (record-attendance.form). */
    public static final String ATTENDANCE_COUNT = "attendanceCount";
    /** Staff's note on the day's attendance. String, optional. */
    public static final String ATTENDANCE_NOTE = "attendanceNote";
    /** The working group's questions, numbered, one a line (task-local, read-only). */
    public static final String QUESTIONS = "questions";
    /** Whether the chair validated the report; set by the validation, read by the gateway. Boolean. */
    public static final String REPORT_VALIDATED = "reportValidated";

    // the document module's task variables (DocumentVariables), as these tasks use them; the tasks name
    // their document with the input parameters documentKind (WG_REPORT, PLENARY_NOTES, DAY_SUMMARY) and
    // documentPart (the working group's code, the day's number)

    /** The document's title, e.g. "Summary of Day 1" (task-local, read-only). */
    public static final String DOCUMENT_TITLE = DocumentVariables.DOCUMENT_TITLE;
    /** The draft's text, Markdown: shown with the latest version, submitted as the next. String. */
    public static final String DRAFT_TEXT = DocumentVariables.DRAFT_TEXT;
    /** The comments of the review that returned the draft; empty when none (task-local, read-only). */
    public static final String REVIEW_COMMENTS = DocumentVariables.REVIEW_COMMENTS;

    private MeetingProcess() {
    }
}
