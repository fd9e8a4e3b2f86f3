package org.convene.invitation;

/**
 * The ids, message and variable names of {@code bpmn/invitation/InvitationProcess.bpmn} ("Invite
 * participant"): one instance per seat, business key = the meeting's code. The invitation goes out
 * through the outbox; then the seat gives staff no task while it waits ("Await reply"): for the
 * reply ({@link #MESSAGE_REPLY_RECEIVED}, from the invitee's signed link or from staff who received
 * it by phone, letter or e-mail), for the next reminder on the meeting's schedule (looping through
 * "Send reminder"), for the reply deadline (the silent invitation lapses), or for its withdrawal by
 * staff ({@link #MESSAGE_INVITATION_WITHDRAWN}). An acceptance ends the instance (seat confirmed); a
 * decline or a lapse asks staff to invite a replacement, reserves of the same category first. While
 * staff decide, an acceptance after all (a late reply, or staff correcting a decline) keeps the seat
 * ({@link #MESSAGE_ACCEPTANCE_RECEIVED}); an acceptance corrected to a decline starts a new instance
 * at the replacement decision ({@link #MESSAGE_ACCEPTANCE_WITHDRAWN}).
 */
public final class InvitationProcess {

    /** The process id (definition key). */
    public static final String ID = "InvitationProcess";

    public static final String START_EVENT_INVITATION_DUE = "StartEvent_InvitationDue";
    /** Message start event: an accepted invitation corrected to a decline ({@link #MESSAGE_ACCEPTANCE_WITHDRAWN}). */
    public static final String START_EVENT_ACCEPTANCE_WITHDRAWN = "StartEvent_AcceptanceWithdrawn";
    public static final String GATEWAY_INVITATION_MERGE = "Gateway_InvitationMerge";
    /** Asynchronous before and after: two jobs to run. */
    public static final String SERVICE_TASK_SEND_INVITATION = "ServiceTask_SendInvitation";
    public static final String GATEWAY_REMINDER_MERGE = "Gateway_ReminderMerge";
    /** Event-based: the reply, the next reminder, the deadline or the withdrawal, whichever comes first. */
    public static final String GATEWAY_AWAIT_REPLY = "Gateway_AwaitReply";
    public static final String MESSAGE_EVENT_REPLY_RECEIVED = "MessageEvent_ReplyReceived";
    /**
     * Due at {@link Invitations#nextReminder}: the next reminder of the meeting's schedule after now;
     * when none is left, a day after the reply deadline, so that the deadline always comes first.
     */
    public static final String TIMER_EVENT_REMINDER_DUE = "TimerEvent_ReminderDue";
    /** Asynchronous before: one job to run per reminder. */
    public static final String SERVICE_TASK_SEND_REMINDER = "ServiceTask_SendReminder";
    /** Due at the invitation's own reply deadline ({@link Invitations#deadlineOf}). */
    public static final String TIMER_EVENT_REPLY_DEADLINE_PASSED = "TimerEvent_ReplyDeadlinePassed";
    /** The silent invitation lapses ({@link InvitationLapsed}). */
    public static final String SERVICE_TASK_RECORD_LAPSE = "ServiceTask_RecordLapse";
    public static final String MESSAGE_EVENT_INVITATION_WITHDRAWN = "MessageEvent_InvitationWithdrawn";
    public static final String END_EVENT_SEAT_WITHDRAWN = "EndEvent_SeatWithdrawn";
    public static final String GATEWAY_INVITATION_ACCEPTED = "Gateway_InvitationAccepted";
    public static final String END_EVENT_SEAT_CONFIRMED = "EndEvent_SeatConfirmed";
    public static final String GATEWAY_REPLACEMENT_MERGE = "Gateway_ReplacementMerge";
    public static final String TASK_INVITE_REPLACEMENT = "Task_InviteReplacement";
    /** Interrupting: the invitee accepts after all while staff decide; the seat is kept. */
    public static final String BOUNDARY_EVENT_ACCEPTANCE_RECEIVED = "BoundaryEvent_AcceptanceReceived";
    public static final String END_EVENT_SEAT_KEPT = "EndEvent_SeatKept";
    public static final String GATEWAY_REPLACEMENT_CHOSEN = "Gateway_ReplacementChosen";
    public static final String END_EVENT_SEAT_LEFT_EMPTY = "EndEvent_SeatLeftEmpty";

    /** The invitee's answer (signed link or staff); sets {@link #INVITATION_ACCEPTED}. */
    public static final String MESSAGE_REPLY_RECEIVED = "ReplyReceived";
    /** Staff withdraw an invitation still waiting for its reply: the instance ends. */
    public static final String MESSAGE_INVITATION_WITHDRAWN = "InvitationWithdrawn";
    /** Starts an instance at "Invite replacement" for an invitee whose acceptance staff corrected to a decline. */
    public static final String MESSAGE_ACCEPTANCE_WITHDRAWN = "AcceptanceWithdrawn";
    /** An acceptance while "Invite replacement" is open for the invitee (late, or a corrected decline). */
    public static final String MESSAGE_ACCEPTANCE_RECEIVED = "AcceptanceReceived";

    /** The participant the seat's invitation is for: a participant id as text; the replacement's once chosen. */
    public static final String PARTICIPANT_ID = "participantId";
    /** {@code Amira Khalil, Ministry of Interior (Senior government representatives)} (task-local, read-only). */
    public static final String INVITEE_NAME = "inviteeName";
    /** "Invite replacement": what happened to the seat, in Markdown (task-local, read-only). */
    public static final String SEAT_HISTORY = "seatHistory";
    /** Whether the invitee accepted: set by the reply's message, read by the gateway. Boolean. */
    public static final String INVITATION_ACCEPTED = "invitationAccepted";
    /**
     * "Invite replacement": the options (the reserve not yet invited, those of the seat's category
     * first, then "No replacement"); task-local JSON.
     */
    public static final String RESERVE_OPTIONS = "reserveOptions";
    /** "Invite replacement": the chosen reserve's participant id, or {@link #NO_REPLACEMENT}. String, required. */
    public static final String REPLACEMENT_ID = "replacementId";
    /** The form value of "No replacement: leave the seat empty". */
    public static final String NO_REPLACEMENT = "none";
    /** Whether a replacement was chosen; set by "Invite replacement", read by the gateway. Boolean. */
    public static final String REPLACEMENT_CHOSEN = "replacementChosen";

    private InvitationProcess() {
    }
}
