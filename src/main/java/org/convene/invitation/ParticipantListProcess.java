package org.convene.invitation;

/**
 * The ids and variable names of {@code bpmn/invitation/ParticipantListProcess.bpmn} ("Invite
 * participants"), called by the meeting's PreparationProcess: staff compile the participant list
 * by category, a manager approves its balance against the concept note's targets (or returns it
 * with comments), then one {@link InvitationProcess} per seat on the list (not the reserve).
 */
public final class ParticipantListProcess {

    /** The process id (definition key). */
    public static final String ID = "ParticipantListProcess";

    public static final String START_EVENT_PARTICIPANT_LIST_REQUESTED = "StartEvent_ParticipantListRequested";
    public static final String GATEWAY_PARTICIPANT_LIST_MERGE = "Gateway_ParticipantListMerge";
    public static final String TASK_COMPILE_PARTICIPANT_LIST = "Task_CompileParticipantList";
    public static final String TASK_APPROVE_PARTICIPANT_LIST = "Task_ApproveParticipantList";
    public static final String GATEWAY_PARTICIPANT_LIST_APPROVED = "Gateway_ParticipantListApproved";
    /** Multi-instance (parallel) over the invitees: calls {@link InvitationProcess} once per seat. */
    public static final String CALL_ACTIVITY_INVITE_PARTICIPANT = "CallActivity_InviteParticipant";
    public static final String END_EVENT_PARTICIPANTS_INVITED = "EndEvent_ParticipantsInvited";

    /** Markdown: how many on the list per category, and the reserve (task-local, read-only). */
    public static final String PARTICIPANT_SUMMARY = "participantSummary";
    /** The comments of the review that returned the list; empty when none (task-local, read-only). */
    public static final String REVIEW_COMMENTS = "reviewComments";
    /** "The participant list is complete": a required checkbox. Boolean. */
    public static final String LIST_READY = "listReady";
    /** Whether the manager approved the list; set by the approval, read by the gateway. Boolean. */
    public static final String PARTICIPANT_LIST_APPROVED = "participantListApproved";
    /** Each seat's participant (the multi-instance's element variable), passed to {@link InvitationProcess}. */
    public static final String PARTICIPANT_ID = InvitationProcess.PARTICIPANT_ID;

    private ParticipantListProcess() {
    }
}
