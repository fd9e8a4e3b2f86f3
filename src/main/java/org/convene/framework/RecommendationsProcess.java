package org.convene.framework;

/**
 * RecommendationsProcess (bpmn/framework/RecommendationsProcess.bpmn, "Draw up
 * recommendations"): staff draft the recommendations and the reviewers sign them off
 * (SignOffProcess, group {@code reviewers}, policy ALL); a rejection sends the draft back.
 */
public final class RecommendationsProcess {

    public static final String ID = "RecommendationsProcess";

    public static final String START_EVENT_CONCLUSIONS_PUBLISHED = "StartEvent_ConclusionsPublished";
    public static final String TASK_DRAFT_RECOMMENDATIONS = "Task_DraftRecommendations";
    /** Calls SignOffProcess for the latest version. */
    public static final String CALL_ACTIVITY_SIGN_OFF_RECOMMENDATIONS = "CallActivity_SignOffRecommendations";
    public static final String END_EVENT_RECOMMENDATIONS_ADOPTED = "EndEvent_RecommendationsAdopted";

    /** The sign-off's outcome. Boolean. */
    public static final String RECOMMENDATIONS_SIGNED_OFF = "recommendationsSignedOff";

    private RecommendationsProcess() {
    }
}
