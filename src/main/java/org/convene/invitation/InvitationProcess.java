package org.convene.invitation;

/**
 * The ids, message and variable names of {@code bpmn/invitation/InvitationProcess.bpmn} ("Invite
 * participant"): one instance per seat, business key = the meeting's code. The invitation goes out
 * through the outbox, the reply comes by the invitee's signed link ({@link #MESSAGE_REPLY_RECEIVED})
 * or is recorded by staff; reminders go out while none has come; a decline or the deadline asks
 * staff for a replacement from the reserve list, whose invitation goes out in turn.
 */
public final class InvitationProcess {

    /** The process id (definition key). */
    public static final String ID = "InvitationProcess";

    public static final String START_EVENT_INVITATION_DUE = "StartEvent_InvitationDue";
    public static final String GATEWAY_INVITATION_MERGE = "Gateway_InvitationMerge";
    /** Asynchronous before and after: two jobs to run. */
    public static final String SERVICE_TASK_SEND_INVITATION = "ServiceTask_SendInvitation";
    public static final String TASK_RECORD_REPLY = "Task_RecordReply";
    /** Non-interrupting, R2/P7D: at most two reminders. */
    public static final String BOUNDARY_EVENT_REMINDER_DUE = "BoundaryEvent_ReminderDue";
    public static final String BOUNDARY_EVENT_REPLY_OVERDUE = "BoundaryEvent_ReplyOverdue";
    public static final String BOUNDARY_EVENT_REPLY_RECEIVED = "BoundaryEvent_ReplyReceived";
    public static final String GATEWAY_REPLY_MERGE = "Gateway_ReplyMerge";
    public static final String GATEWAY_INVITATION_ACCEPTED = "Gateway_InvitationAccepted";
    public static final String END_EVENT_INVITATION_ACCEPTED = "EndEvent_InvitationAccepted";
    public static final String GATEWAY_REPLACEMENT_MERGE = "Gateway_ReplacementMerge";
    public static final String TASK_INVITE_REPLACEMENT = "Task_InviteReplacement";
    public static final String GATEWAY_REPLACEMENT_CHOSEN = "Gateway_ReplacementChosen";
    public static final String END_EVENT_SEAT_LEFT_EMPTY = "EndEvent_SeatLeftEmpty";
    /** Asynchronous before: one job to run per reminder. */
    public static final String SERVICE_TASK_SEND_REMINDER = "ServiceTask_SendReminder";
    public static final String END_EVENT_REMINDER_SENT = "EndEvent_ReminderSent";

    /** The invitee's answer through the signed link; sets {@link #INVITATION_ACCEPTED}. */
    public static final String MESSAGE_REPLY_RECEIVED = "ReplyReceived";

    /** The participant the seat's invitation is for: a participant id as text; the replacement's once chosen. */
    public static final String PARTICIPANT_ID = "participantId";
    /** {@code Amira Khalil, Ministry of Interior (Senior government representatives)} (task-local, read-only). */
    public static final String INVITEE_NAME = "inviteeName";
    /** "Record reply": a {@link InvitationReply#formValue()}, required. */
    public static final String REPLY = "reply";
    /** "Record reply": how the reply came, a {@link ReplyChannel#formValue()} other than link, required. */
    public static final String REPLY_CHANNEL = "replyChannel";
    /** "Record reply": staff's note, at most 2,000 characters. String, optional. */
    public static final String REPLY_NOTE = "replyNote";
    /** Whether the invitee accepted: set by "Record reply" or the link's message, read by the gateway. Boolean. */
    public static final String INVITATION_ACCEPTED = "invitationAccepted";
    /** "Invite replacement": the options (the reserve not yet invited, and "No replacement"); task-local JSON. */
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
