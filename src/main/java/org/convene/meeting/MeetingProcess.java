package org.convene.meeting;

import org.convene.document.DocumentVariables;

/**
 * The ids and variable names of {@code bpmn/meeting/MeetingProcess.bpmn} ("Hold meeting"): for
 * each meeting day in turn a timer waits for the day's first session, then attendance, the day's
 * working groups in parallel (each reported by the report module's WorkingGroupReportProcess: draft,
 * chair's validation, plenary discussion) and the day summary; after the last day the closing
 * session's notes.
 */
public final class MeetingProcess {

    /** The process id (definition key). */
    public static final String ID = "MeetingProcess";

    public static final String START_EVENT_MEETING_SCHEDULED = "StartEvent_MeetingScheduled";
    /** Multi-instance (sequential) over the meeting's days. */
    public static final String SUB_PROCESS_MEETING_DAY = "SubProcess_MeetingDay";
    public static final String TIMER_EVENT_DAY_STARTED = "TimerEvent_DayStarted";
    public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
    /**
     * Multi-instance (parallel) over the day's working groups: calls WorkingGroupReportProcess (report
     * module) with the meeting's variables, {@link #MEETING_DAY} and {@link #WORKING_GROUP_CODE}.
     */
    public static final String CALL_ACTIVITY_REPORT_WORKING_GROUP = "CallActivity_ReportWorkingGroup";
    public static final String TASK_WRITE_DAY_SUMMARY = "Task_WriteDaySummary";
    public static final String END_EVENT_DAY_HELD = "EndEvent_DayHeld";
    /** After the last day: the closing session's notes, kept as the meeting's CLOSING_NOTES document. */
    public static final String TASK_RECORD_CLOSING_SESSION_NOTES = "Task_RecordClosingSessionNotes";
    public static final String END_EVENT_MEETING_HELD = "EndEvent_MeetingHeld";

    /** The day of the meeting-day instance, 1 for the first day. Integer. */
    public static final String MEETING_DAY = "meetingDay";
    /** The working group of the report instance, e.g. {@code WG1}. String. */
    public static final String WORKING_GROUP_CODE = "workingGroupCode";
    /** {@code Day 1 — Monday 8 February 2027}, shown by "Record attendance" (task-local). */
    public static final String DAY_LABEL = "dayLabel";
    /**
     * "Record attendance": the day's register (its page, /meetings/{code}/attendance/{day}) is complete.
     * Boolean, required; the count is taken from the register ({@link AttendanceRegister#count}).
     */
    public static final String ATTENDANCE_RECORDED = "attendanceRecorded";
    /** Staff's note on the day's attendance. String, optional. */
    public static final String ATTENDANCE_NOTE = "attendanceNote";

    // the document module's task variables (DocumentVariables), as "Write day summary" and "Record closing
    // session notes" use them; they name their document with the input parameters documentKind (DAY_SUMMARY,
    // CLOSING_NOTES) and documentPart (the day's number; empty)

    /** The document's title, e.g. "Summary of Day 1" (task-local, read-only). */
    public static final String DOCUMENT_TITLE = DocumentVariables.DOCUMENT_TITLE;
    /** The draft's text, Markdown: shown with the latest version, submitted as the next. String. */
    public static final String DRAFT_TEXT = DocumentVariables.DRAFT_TEXT;
    /** The comments of the review that returned the draft; empty when none (task-local, read-only). */
    public static final String REVIEW_COMMENTS = DocumentVariables.REVIEW_COMMENTS;

    private MeetingProcess() {
    }
}
