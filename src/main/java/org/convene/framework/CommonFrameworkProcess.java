package org.convene.framework;

/**
 * CommonFrameworkProcess (bpmn/framework/CommonFrameworkProcess.bpmn, "Shape Common
 * Framework"): staff draft, the reviewers sign off (SignOffProcess, group {@code reviewers},
 * policy ALL), a manager approves, and the framework is published; a rejection or a manager's
 * return sends the draft back.
 */
public final class CommonFrameworkProcess {

    public static final String ID = "CommonFrameworkProcess";

    public static final String START_EVENT_RECOMMENDATIONS_ADOPTED = "StartEvent_RecommendationsAdopted";
    public static final String TASK_DRAFT_COMMON_FRAMEWORK = "Task_DraftCommonFramework";
    /** Calls SignOffProcess for the latest version. */
    public static final String CALL_ACTIVITY_SIGN_OFF_COMMON_FRAMEWORK = "CallActivity_SignOffCommonFramework";
    public static final String TASK_APPROVE_COMMON_FRAMEWORK = "Task_ApproveCommonFramework";
    /** "Publish Common Framework": asynchronous. */
    public static final String SERVICE_TASK_PUBLISH_COMMON_FRAMEWORK = "ServiceTask_PublishCommonFramework";
    public static final String END_EVENT_FRAMEWORK_PUBLISHED = "EndEvent_FrameworkPublished";

    /** The sign-off's outcome. Boolean. */
    public static final String FRAMEWORK_SIGNED_OFF = "frameworkSignedOff";
    /** The manager's approval. Boolean. */
    public static final String FRAMEWORK_APPROVED = "frameworkApproved";

    private CommonFrameworkProcess() {
    }
}
