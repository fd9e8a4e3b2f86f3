package org.convene.framework;

/**
 * CommonFrameworkProcess (bpmn/framework/CommonFrameworkProcess.bpmn, "Shape Common
 * Framework"): staff draft the framework as records on its page ({@link CommonFramework}: each
 * element resting on recommendations), completing the task writes it as the next version of the
 * COMMON_FRAMEWORK document; the reviewers sign it off (SignOffProcess, group {@code reviewers},
 * policy ALL), a manager approves (not its drafter: four eyes), and it is published and mailed to
 * the participants ({@link CommonFrameworkPublication}); a rejection or a manager's return sends the
 * draft back.
 */
public final class CommonFrameworkProcess {

    public static final String ID = "CommonFrameworkProcess";

    public static final String START_EVENT_RECOMMENDATIONS_ADOPTED = "StartEvent_RecommendationsAdopted";
    public static final String TASK_DRAFT_COMMON_FRAMEWORK = "Task_DraftCommonFramework";
    /** Calls SignOffProcess for the latest version. */
    public static final String CALL_ACTIVITY_SIGN_OFF_COMMON_FRAMEWORK = "CallActivity_SignOffCommonFramework";
    public static final String TASK_APPROVE_COMMON_FRAMEWORK = "Task_ApproveCommonFramework";
    /** "Publish Common Framework": asynchronous; publishes and mails it to the participants who accepted. */
    public static final String SERVICE_TASK_PUBLISH_COMMON_FRAMEWORK = "ServiceTask_PublishCommonFramework";
    public static final String END_EVENT_FRAMEWORK_PUBLISHED = "EndEvent_FrameworkPublished";

    /**
     * "Draft Common Framework": the framework on its page is ready for the reviewers. Boolean,
     * required; a framework with no element yet is refused on this field.
     */
    public static final String FRAMEWORK_READY = "frameworkReady";
    /** "2 understandings and 9 toolbox elements": the framework when the task was opened (task-local, read-only). */
    public static final String FRAMEWORK_SUMMARY = "frameworkSummary";
    /** The sign-off's outcome. Boolean. */
    public static final String FRAMEWORK_SIGNED_OFF = "frameworkSignedOff";
    /** The manager's approval. Boolean. */
    public static final String FRAMEWORK_APPROVED = "frameworkApproved";

    private CommonFrameworkProcess() {
    }
}
