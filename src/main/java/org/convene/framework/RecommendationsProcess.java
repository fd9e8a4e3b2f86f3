package org.convene.framework;

/**
 * RecommendationsProcess (bpmn/framework/RecommendationsProcess.bpmn, "Draw up
 * recommendations"): staff draft the recommendations as records on their page
 * ({@link Recommendations}: each citing the findings it rests on), completing the task writes them
 * as the next version of the RECOMMENDATIONS document, and the reviewers sign it off
 * (SignOffProcess, group {@code reviewers}, policy ALL); a rejection sends the draft back.
 */
public final class RecommendationsProcess {

    public static final String ID = "RecommendationsProcess";

    public static final String START_EVENT_CONCLUSIONS_PUBLISHED = "StartEvent_ConclusionsPublished";
    public static final String TASK_DRAFT_RECOMMENDATIONS = "Task_DraftRecommendations";
    /** Calls SignOffProcess for the latest version. */
    public static final String CALL_ACTIVITY_SIGN_OFF_RECOMMENDATIONS = "CallActivity_SignOffRecommendations";
    public static final String END_EVENT_RECOMMENDATIONS_ADOPTED = "EndEvent_RecommendationsAdopted";

    /**
     * "Draft recommendations": the recommendations on their page are ready for the reviewers.
     * Boolean, required; a meeting with no recommendation yet is refused on this field.
     */
    public static final String RECOMMENDATIONS_READY = "recommendationsReady";
    /** "3 recommendations citing 5 findings": the recommendations when the task was opened (task-local, read-only). */
    public static final String RECOMMENDATIONS_SUMMARY = "recommendationsSummary";
    /** The sign-off's outcome. Boolean. */
    public static final String RECOMMENDATIONS_SIGNED_OFF = "recommendationsSignedOff";

    private RecommendationsProcess() {
    }
}
