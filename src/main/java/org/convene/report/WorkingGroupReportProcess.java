package org.convene.report;

import org.convene.document.DocumentVariables;

/**
 * The ids and variable names of {@code bpmn/report/WorkingGroupReportProcess.bpmn} ("Report working
 * group"), called by MeetingProcess once per working group of a day: staff draft the structured
 * report on its page for the rapporteur, the chair (else a manager) validates it through
 * SignOffProcess, a return sends it back to be drafted again; then the plenary's discussion and
 * findings are recorded and the report is presented.
 */
public final class WorkingGroupReportProcess {

    /** The process id (definition key). */
    public static final String ID = "WorkingGroupReportProcess";

    public static final String START_EVENT_WORKING_GROUP_MET = "StartEvent_WorkingGroupMet";
    public static final String GATEWAY_REPORT_DRAFT_MERGE = "Gateway_ReportDraftMerge";
    public static final String TASK_DRAFT_WORKING_GROUP_REPORT = "Task_DraftWorkingGroupReport";
    /** Calls SignOffProcess with the chair's account (else a manager) as the one named reviewer. */
    public static final String CALL_ACTIVITY_VALIDATE_WORKING_GROUP_REPORT = "CallActivity_ValidateWorkingGroupReport";
    public static final String GATEWAY_REPORT_VALIDATED = "Gateway_ReportValidated";
    public static final String TASK_RECORD_PLENARY_DISCUSSION = "Task_RecordPlenaryDiscussion";
    public static final String END_EVENT_REPORT_PRESENTED = "EndEvent_ReportPresented";
    /** On "Draft working group report", not interrupting it: the report's due date, the end of its working group's day. */
    public static final String BOUNDARY_EVENT_REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    /** "Remind staff": asynchronous; mails the staff member who supports the rapporteur ({@link LateReports#remind}). */
    public static final String SERVICE_TASK_REMIND_STAFF = "ServiceTask_RemindStaff";
    public static final String END_EVENT_STAFF_REMINDED = "EndEvent_StaffReminded";
    /** On "Draft working group report", not interrupting it: {@link LateReports#ESCALATION_DELAY} after the due date. */
    public static final String BOUNDARY_EVENT_REPORT_ESCALATION_DUE = "BoundaryEvent_ReportEscalationDue";
    /** "Escalate late report": asynchronous; mails the chair and a manager ({@link LateReports#escalate}). */
    public static final String SERVICE_TASK_ESCALATE_LATE_REPORT = "ServiceTask_EscalateLateReport";
    public static final String END_EVENT_LATE_REPORT_ESCALATED = "EndEvent_LateReportEscalated";

    /** In: the working group, e.g. {@code WG1}. String. */
    public static final String WORKING_GROUP_CODE = "workingGroupCode";
    /** In: the meeting day the group met on, 1 for the first. Integer. */
    public static final String MEETING_DAY = "meetingDay";
    /** The working group's questions, numbered, one a line (task-local, read-only). */
    public static final String QUESTIONS = "questions";
    /** "3 arrangements and 7 findings": the report when the task was opened (task-local, read-only). */
    public static final String REPORT_SUMMARY = "reportSummary";
    /**
     * "Draft working group report": the report on its page is ready for the chair. Boolean, required;
     * a report with no arrangement and no finding is refused on this field.
     */
    public static final String REPORT_READY = "reportReady";
    /** Whether the chair validated the report: SignOffProcess's {@code signedOff}, read by the gateway. Boolean. */
    public static final String REPORT_VALIDATED = "reportValidated";
    /** The report's title, e.g. "Report of Working Group 1 — Mass influx" (task-local, read-only). */
    public static final String DOCUMENT_TITLE = DocumentVariables.DOCUMENT_TITLE;
    /** The comments of the chair's return; empty when none (task-local, read-only). */
    public static final String REVIEW_COMMENTS = DocumentVariables.REVIEW_COMMENTS;
    /** "Record plenary discussion": the plenary's discussion, Markdown, kept as the PLENARY_NOTES document. String. */
    public static final String DRAFT_TEXT = DocumentVariables.DRAFT_TEXT;

    private WorkingGroupReportProcess() {
    }
}
