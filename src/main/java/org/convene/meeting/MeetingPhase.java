package org.convene.meeting;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The phases of a meeting's lifecycle, in order: each is a phase process that ExpertMeetingProcess
 * calls (DESIGN.md: the lifecycle). The names are stored in cv_meeting.phase and the tracking module's
 * read model.
 */
@NamedInterface("events")
public enum MeetingPhase {
    CONCEPT_NOTE("Concept note", ExpertMeetingProcess.CALL_ACTIVITY_APPROVE_CONCEPT_NOTE),
    PREPARATION("Preparation", ExpertMeetingProcess.CALL_ACTIVITY_PREPARE_MEETING),
    MEETING("The meeting", ExpertMeetingProcess.CALL_ACTIVITY_HOLD_MEETING),
    SUMMARY_CONCLUSIONS("Summary conclusions", ExpertMeetingProcess.CALL_ACTIVITY_CONCLUDE_MEETING),
    RECOMMENDATIONS("Recommendations", ExpertMeetingProcess.CALL_ACTIVITY_DRAW_UP_RECOMMENDATIONS),
    COMMON_FRAMEWORK("Common Framework", ExpertMeetingProcess.CALL_ACTIVITY_SHAPE_COMMON_FRAMEWORK);

    /**
     * The variable of the meeting's ExpertMeetingProcess instance that holds the phase it is in, as people read
     * it ({@link #label()}, e.g. "Preparation"): set as each phase starts (MeetingLifecycleListeners), so Cockpit's
     * instance view shows it beside the meeting's title. No BPMN reads it. String.
     */
    public static final String VARIABLE = "meetingPhase";

    private final String label;
    private final String callActivity;

    MeetingPhase(String label, String callActivity) {
        this.label = label;
        this.callActivity = callActivity;
    }

    /** As people read it, e.g. "Summary conclusions". */
    public String label() {
        return label;
    }

    /**
     * The phase that a call activity of ExpertMeetingProcess starts.
     *
     * @param activityId e.g. {@code CallActivity_PrepareMeeting}; may be null
     * @return empty for any other activity
     */
    public static Optional<MeetingPhase> ofCallActivity(String activityId) {
        return Arrays.stream(values()).filter(p -> p.callActivity.equals(activityId)).findFirst();
    }
}
