package org.convene.meeting;

/**
 * The ids and variable names of {@code bpmn/meeting/ExpertMeetingProcess.bpmn} ("Expert meeting"):
 * one instance per meeting, business key = the meeting's code, calling each phase in turn. The
 * variables it passes down to every phase are in {@link org.convene.workflow.ProcessVariables}.
 */
public final class ExpertMeetingProcess {

    /** The process id (definition key). */
    public static final String ID = "ExpertMeetingProcess";

    public static final String START_EVENT_MEETING_PROPOSED = "StartEvent_MeetingProposed";
    public static final String CALL_ACTIVITY_APPROVE_CONCEPT_NOTE = "CallActivity_ApproveConceptNote";
    public static final String CALL_ACTIVITY_PREPARE_MEETING = "CallActivity_PrepareMeeting";
    public static final String CALL_ACTIVITY_HOLD_MEETING = "CallActivity_HoldMeeting";
    public static final String CALL_ACTIVITY_CONCLUDE_MEETING = "CallActivity_ConcludeMeeting";
    public static final String CALL_ACTIVITY_DRAW_UP_RECOMMENDATIONS = "CallActivity_DrawUpRecommendations";
    public static final String CALL_ACTIVITY_SHAPE_COMMON_FRAMEWORK = "CallActivity_ShapeCommonFramework";
    public static final String END_EVENT_FRAMEWORK_PUBLISHED = "EndEvent_FrameworkPublished";

    // the start form (propose-meeting.form); the meeting's code, title and place are ProcessVariables

    /** The venue's IANA time zone, e.g. {@code Asia/Amman}. String; Asia/Amman when absent. */
    public static final String MEETING_TIME_ZONE = "meetingTimeZone";
    /** The meeting's first day as entered: text {@code YYYY-MM-DD} naming a day that exists (no Date, no time). */
    public static final String FIRST_DAY = "firstDay";
    /** How many days the meeting lasts, 1 to 5. Number; 2 when absent. */
    public static final String NUMBER_OF_DAYS = "numberOfDays";

    private ExpertMeetingProcess() {
    }
}
