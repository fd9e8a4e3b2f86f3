package org.convene.document;

/**
 * SignOffProcess (bpmn/document/SignOffProcess.bpmn, "Sign off document"): one document version
 * signed off by a group or by named reviewers under a {@link SignOffPolicy}. Called by the phases
 * of other modules with the meeting's variables, {@link DocumentVariables#DOCUMENT_VERSION_ID},
 * {@link #REVIEWER_GROUP} or {@link #REVIEWER_IDS}, and {@link #SIGN_OFF_POLICY}; it answers with
 * {@link #SIGNED_OFF}.
 */
public final class SignOffProcess {

    public static final String ID = "SignOffProcess";

    public static final String START_EVENT_SIGN_OFF_REQUESTED = "StartEvent_SignOffRequested";
    /** "Sign off draft": one task per reviewer (multi-instance), assigned to them. */
    public static final String TASK_SIGN_OFF_DRAFT = "Task_SignOffDraft";
    /** The reminder timer on "Sign off draft": three days, twice, without interrupting it. */
    public static final String BOUNDARY_EVENT_SIGN_OFF_REMINDER_DUE = "BoundaryEvent_SignOffReminderDue";
    /** "Remind reviewers": asynchronous. */
    public static final String SERVICE_TASK_REMIND_REVIEWERS = "ServiceTask_RemindReviewers";
    public static final String END_EVENT_REVIEWERS_REMINDED = "EndEvent_ReviewersReminded";
    public static final String SERVICE_TASK_TALLY_SIGN_OFFS = "ServiceTask_TallySignOffs";
    public static final String END_EVENT_SIGN_OFF_COMPLETED = "EndEvent_SignOffCompleted";

    /** In: the Camunda group whose members sign, used when {@link #REVIEWER_IDS} is absent or blank. String. */
    public static final String REVIEWER_GROUP = "reviewerGroup";
    /** In (optional): the user ids that sign, comma-separated, e.g. {@code "sofia, kenji"}. String. */
    public static final String REVIEWER_IDS = "reviewerIds";
    /** In: the policy, {@code ALL} or {@code PERCENT:nn} ({@link SignOffPolicy#parse(String)}); absent means ALL. String. */
    public static final String SIGN_OFF_POLICY = "signOffPolicy";
    /** Out: true when the version was signed off under the policy. Boolean. */
    public static final String SIGNED_OFF = "signedOff";
    /** The reviewers, set when the sign-off starts: the multi-instance's collection. List of user ids (JSON). */
    public static final String REVIEWERS = "signOffReviewers";
    /** How many reviewers were asked, set when the sign-off starts. Integer. */
    public static final String REVIEWER_COUNT = "signOffReviewerCount";
    /** The element variable of "Sign off draft": the reviewer whose task it is. String (user id). */
    public static final String REVIEWER = "reviewer";

    private SignOffProcess() {
    }
}
