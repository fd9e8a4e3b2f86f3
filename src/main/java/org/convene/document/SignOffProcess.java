package org.convene.document;

/**
 * SignOffProcess (bpmn/document/SignOffProcess.bpmn, "Sign off document"): one document version
 * signed off by a group or by named reviewers under a {@link SignOffPolicy}. Called by the phases
 * of other modules with the meeting's variables, {@link DocumentVariables#DOCUMENT_VERSION_ID},
 * {@link #REVIEWER_GROUP} or {@link #REVIEWER_IDS}, and {@link #SIGN_OFF_POLICY}; it answers with
 * {@link #SIGNED_OFF}.
 *
 * <p>The reviewers' tasks are due {@link SignOff#PERIOD} after the start; reviewers who have not
 * decided are mailed a reminder {@link SignOff#REMINDER_LEAD} before the due date and again at it,
 * when a manager gets "Resolve overdue sign-off": decide for the missing reviewers, extend the due
 * date, or replace a reviewer ({@link OverdueResolution}); after an extension or a replacement the
 * reminders start again from the new due date.
 */
public final class SignOffProcess {

    public static final String ID = "SignOffProcess";

    public static final String START_EVENT_SIGN_OFF_REQUESTED = "StartEvent_SignOffRequested";
    /** "Collect sign-offs": the reviewers' tasks beside the reminders and the escalation; ends when the outcome is known. */
    public static final String SUB_PROCESS_COLLECT_SIGN_OFFS = "SubProcess_CollectSignOffs";
    public static final String START_EVENT_REVIEWERS_ASKED = "StartEvent_ReviewersAsked";
    public static final String GATEWAY_REVIEWERS_WATCHED = "Gateway_ReviewersWatched";
    /** "Sign off draft": one task per reviewer (multi-instance), assigned to them, due at {@link #DUE_AT}. */
    public static final String TASK_SIGN_OFF_DRAFT = "Task_SignOffDraft";
    /** Terminates "Collect sign-offs" once the reviewers' decisions settle the outcome. */
    public static final String END_EVENT_REVIEWERS_DECIDED = "EndEvent_ReviewersDecided";
    public static final String GATEWAY_REMINDERS_ARMED = "Gateway_RemindersArmed";
    /** Timer: {@link SignOff#REMINDER_LEAD} before {@link #DUE_AT} (at once when that is past). */
    public static final String TIMER_EVENT_SIGN_OFF_REMINDER_DUE = "TimerEvent_SignOffReminderDue";
    /** "Remind reviewers": asynchronous; mails the reviewers who have not decided. */
    public static final String SERVICE_TASK_REMIND_REVIEWERS = "ServiceTask_RemindReviewers";
    /** Timer: at {@link #DUE_AT}. */
    public static final String TIMER_EVENT_SIGN_OFF_DUE = "TimerEvent_SignOffDue";
    /** "Remind reviewers of due date": asynchronous; the second reminder, at the due date. */
    public static final String SERVICE_TASK_REMIND_REVIEWERS_AT_DUE_DATE = "ServiceTask_RemindReviewersAtDueDate";
    /** "Resolve overdue sign-off": managers (form resolve-overdue-sign-off). */
    public static final String TASK_RESOLVE_OVERDUE_SIGN_OFF = "Task_ResolveOverdueSignOff";
    public static final String GATEWAY_OVERDUE_SIGN_OFF_RESOLVED = "Gateway_OverdueSignOffResolved";
    public static final String SERVICE_TASK_DECIDE_FOR_MISSING_REVIEWERS = "ServiceTask_DecideForMissingReviewers";
    /** Terminates "Collect sign-offs" after the manager decided for the missing reviewers. */
    public static final String END_EVENT_DECIDED_FOR_MISSING_REVIEWERS = "EndEvent_DecidedForMissingReviewers";
    public static final String SERVICE_TASK_EXTEND_DUE_DATE = "ServiceTask_ExtendDueDate";
    public static final String SERVICE_TASK_REPLACE_REVIEWER = "ServiceTask_ReplaceReviewer";
    public static final String GATEWAY_SIGN_OFF_REARRANGED = "Gateway_SignOffRearranged";
    public static final String SERVICE_TASK_TALLY_SIGN_OFFS = "ServiceTask_TallySignOffs";
    public static final String END_EVENT_SIGN_OFF_COMPLETED = "EndEvent_SignOffCompleted";

    /**
     * In: the Camunda group whose members sign, used when {@link #REVIEWER_IDS} is absent or blank; a
     * replacement at the escalation comes from it ({@code reviewers} when absent). String.
     */
    public static final String REVIEWER_GROUP = "reviewerGroup";
    /** In (optional): the user ids that sign, comma-separated, e.g. {@code "sofia, kenji"}. String. */
    public static final String REVIEWER_IDS = "reviewerIds";
    /** In: the policy, {@code ALL} or {@code PERCENT:nn} ({@link SignOffPolicy#parse(String)}); absent means ALL. String. */
    public static final String SIGN_OFF_POLICY = "signOffPolicy";
    /** Out: true when the version was signed off under the policy. Boolean. */
    public static final String SIGNED_OFF = "signedOff";
    /** The reviewers, set when the sign-off starts: the multi-instance's collection. List of user ids (JSON). */
    public static final String REVIEWERS = "signOffReviewers";
    /** How many reviewers were asked, set when the sign-off starts (a replacement takes a place, not a new one). Integer. */
    public static final String REVIEWER_COUNT = "signOffReviewerCount";
    /** The element variable of "Sign off draft": the reviewer whose task it is (the replacement's, after a replacement). String (user id). */
    public static final String REVIEWER = "reviewer";
    /** When the reviewers' tasks are due: set at the start, moved by an extension or a replacement. Date. */
    public static final String DUE_AT = "signOffDueAt";
    /** How many reminder rounds were mailed (each reminder's key counts on it). Integer. */
    public static final String REMINDERS_SENT = "signOffRemindersSent";

    /** "Resolve overdue sign-off"'s fields (task-local) and what its completion leaves for the steps after it. */
    public static final class Escalation {
        /** Field: {@link OverdueResolution#formValue()}; left in the process for the gateway. String. */
        public static final String RESOLUTION = "resolution";
        /** Field (decide): approve or reject ({@link org.convene.workflow.ReviewDecision}), for every missing reviewer. String. */
        public static final String DECISION = "decision";
        /** Field (decide): comments, required to reject. String. */
        public static final String COMMENTS = "comments";
        /** Field (extend, replace): the new due date, YYYY-MM-DD, not past; due at the end of that day (UTC). String. */
        public static final String NEW_DUE_DATE = "newDueDate";
        /** Field (replace): the reviewer who has not decided and is replaced. String (user id). */
        public static final String MISSING_REVIEWER = "missingReviewer";
        /** Field (replace): the member of the reviewer group who takes their task. String (user id). */
        public static final String REPLACEMENT = "replacement";
        /** Shown: the version's title. */
        public static final String DOCUMENT_TITLE = "documentTitle";
        /** Shown: the address of the version's page, {@code /documents/{id}/versions/{n}}. */
        public static final String VERSION_PATH = "versionPath";
        /** Shown: who has decided and who has not (Markdown). */
        public static final String DECISIONS_SO_FAR = "decisionsSoFar";
        /** The options of {@link #MISSING_REVIEWER}: JSON array of {label, value}. */
        public static final String MISSING_REVIEWER_OPTIONS = "missingReviewerOptions";
        /** The options of {@link #REPLACEMENT}: JSON array of {label, value}. */
        public static final String REPLACEMENT_OPTIONS = "replacementOptions";
        /** Left in the process: the resolution chosen ({@link OverdueResolution#formValue()}). String. */
        public static final String CHOSEN = "overdueSignOffResolution";
        /** Left in the process: the manager who resolved it. String (user id). */
        public static final String RESOLVED_BY = "overdueSignOffResolvedBy";
        /** Left in the process (decide): the decision for the missing reviewers. String (form value). */
        public static final String DECISION_FOR_MISSING = "decisionForMissingReviewers";
        /** Left in the process (decide): its comments; null when none. String. */
        public static final String COMMENTS_FOR_MISSING = "commentsForMissingReviewers";
        /** Left in the process (replace): who is replaced. String (user id). */
        public static final String REPLACED = "replacedReviewer";
        /** Left in the process (replace): who replaces them. String (user id). */
        public static final String REPLACED_BY = "replacingReviewer";

        private Escalation() {
        }
    }

    private SignOffProcess() {
    }
}
