package org.convene.framework;

/**
 * SummaryConclusionsProcess (bpmn/framework/SummaryConclusionsProcess.bpmn, "Draw up summary conclusions"):
 * staff draft the summary conclusions (from the working groups' findings, {@link ConclusionsDraft}), the
 * chair reviews them (the managers on the chair's behalf), the participants who accepted comment through
 * their signed links until a deadline in the venue's calendar ({@link CommentRound}; silence means no
 * objection), staff revise beside the comments, a manager approves, and they are published and mailed
 * with their PDF ({@link CommentRoundMails}). Started with the meeting's variables ({@link org.convene.workflow.ProcessVariables}).
 */
public final class SummaryConclusionsProcess {

    public static final String ID = "SummaryConclusionsProcess";

    public static final String START_EVENT_MEETING_CLOSED = "StartEvent_MeetingClosed";
    public static final String TASK_DRAFT_SUMMARY_CONCLUSIONS = "Task_DraftSummaryConclusions";
    /** The chair's review; offered to the managers, who review on the chair's behalf. */
    public static final String TASK_REVIEW_SUMMARY_CONCLUSIONS = "Task_ReviewSummaryConclusions";
    /** "Open comment round": asynchronous; sets {@link #COMMENT_DEADLINE}. */
    public static final String SERVICE_TASK_OPEN_COMMENT_ROUND = "ServiceTask_OpenCommentRound";
    /** The timer that waits for {@link #COMMENT_DEADLINE}. */
    public static final String TIMER_EVENT_COMMENT_DEADLINE_PASSED = "TimerEvent_CommentDeadlinePassed";
    public static final String TASK_REVISE_SUMMARY_CONCLUSIONS = "Task_ReviseSummaryConclusions";
    public static final String TASK_APPROVE_SUMMARY_CONCLUSIONS = "Task_ApproveSummaryConclusions";
    /** "Publish summary conclusions": asynchronous. */
    public static final String SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS = "ServiceTask_PublishSummaryConclusions";
    public static final String END_EVENT_CONCLUSIONS_PUBLISHED = "EndEvent_ConclusionsPublished";

    /** The chair's review approved the draft (it goes to the participants). Boolean. */
    public static final String CONCLUSIONS_ACCEPTED = "conclusionsAccepted";
    /**
     * The end of the participants' comment round: midnight at the end of the 14th calendar day after it
     * opened, in the venue's time zone ({@link CommentRound}). {@code java.util.Date}.
     */
    public static final String COMMENT_DEADLINE = "commentDeadline";
    /** "Revise summary conclusions": the participants' comments as Markdown. String. */
    public static final String PARTICIPANT_COMMENTS = "participantComments";
    /** The manager approved the revised draft (it is published). Boolean. */
    public static final String CONCLUSIONS_APPROVED = "conclusionsApproved";

    private SummaryConclusionsProcess() {
    }
}
