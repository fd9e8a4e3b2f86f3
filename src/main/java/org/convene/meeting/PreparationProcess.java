package org.convene.meeting;

import org.convene.document.DocumentVariables;

/**
 * The ids and variable names of {@code bpmn/meeting/PreparationProcess.bpmn} ("Prepare meeting"):
 * once the concept note is approved, three branches in parallel until all have joined: the
 * agenda (drafted, approved by a manager), the participants (the invitation module's
 * ParticipantListProcess: list, approval, one invitation per seat) and the background paper
 * (commissioned, drafted, signed off, circulated with the documentation pack).
 */
public final class PreparationProcess {

    /** The process id (definition key). */
    public static final String ID = "PreparationProcess";

    public static final String START_EVENT_CONCEPT_NOTE_APPROVED = "StartEvent_ConceptNoteApproved";
    public static final String GATEWAY_PREPARATION_SPLIT = "Gateway_PreparationSplit";
    public static final String GATEWAY_AGENDA_MERGE = "Gateway_AgendaMerge";
    public static final String TASK_DRAFT_AGENDA = "Task_DraftAgenda";
    public static final String TASK_APPROVE_AGENDA = "Task_ApproveAgenda";
    public static final String GATEWAY_AGENDA_APPROVED = "Gateway_AgendaApproved";
    /** Calls the invitation module's ParticipantListProcess. */
    public static final String CALL_ACTIVITY_INVITE_PARTICIPANTS = "CallActivity_InviteParticipants";
    public static final String TASK_COMMISSION_BACKGROUND_PAPER = "Task_CommissionBackgroundPaper";
    public static final String GATEWAY_BACKGROUND_PAPER_MERGE = "Gateway_BackgroundPaperMerge";
    public static final String TASK_SUBMIT_BACKGROUND_PAPER_DRAFT = "Task_SubmitBackgroundPaperDraft";
    /** Calls the document module's SignOffProcess. */
    public static final String CALL_ACTIVITY_SIGN_OFF_BACKGROUND_PAPER = "CallActivity_SignOffBackgroundPaper";
    public static final String GATEWAY_BACKGROUND_PAPER_SIGNED_OFF = "Gateway_BackgroundPaperSignedOff";
    /**
     * "Circulate documentation pack": due three weeks (P21D, in the venue's calendar) before the first
     * session; completing it mails the signed-off background paper, its PDF attached, to every confirmed
     * participant (the invitation module hears the document module's DocumentCirculated).
     */
    public static final String TASK_CIRCULATE_DOCUMENTATION_PACK = "Task_CirculateDocumentationPack";
    /** Non-interrupting timer on "Circulate documentation pack" at its due date; fires once. */
    public static final String BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE = "BoundaryEvent_DocumentationPackOverdue";
    /**
     * "Remind staff of overdue pack": mails the task's assignee, or every member of convener-staff while
     * nobody has claimed it, once for the due date (the document module's {@code ${remindOverdueDocumentTask}});
     * nothing when the pack went out meanwhile. Asynchronous before.
     */
    public static final String SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK = "ServiceTask_RemindStaffOfOverduePack";
    public static final String END_EVENT_STAFF_REMINDED = "EndEvent_StaffReminded";
    public static final String GATEWAY_PREPARATION_JOIN = "Gateway_PreparationJoin";
    public static final String END_EVENT_MEETING_PREPARED = "EndEvent_MeetingPrepared";

    /** The agenda as Markdown, by day (task-local, read-only). */
    public static final String AGENDA_SUMMARY = "agendaSummary";
    /** "The agenda is complete": a required checkbox of draft-agenda.form. Boolean. */
    public static final String AGENDA_READY = "agendaReady";
    /** Whether the manager approved the agenda; set by the approval, read by the gateway. Boolean. */
    public static final String AGENDA_APPROVED = "agendaApproved";
    /** The comments of the review that returned the agenda or the paper; empty when none (task-local). */
    public static final String REVIEW_COMMENTS = "reviewComments";
    /** Whether the reviewers signed the background paper off (SignOffProcess's result). Boolean. */
    public static final String BACKGROUND_PAPER_SIGNED_OFF = "backgroundPaperSignedOff";
    /**
     * Who signs the background paper off, as "Commission background paper" chose them: user ids,
     * comma-separated ({@code "sofia,kenji"}), passed to SignOffProcess as its reviewerIds for every
     * round. String; null when not chosen (the whole reviewers group signs).
     */
    public static final String BACKGROUND_PAPER_REVIEWERS = "backgroundPaperReviewers";

    // the document module's task variables (DocumentVariables), as these tasks use them; the tasks name
    // their document with the input parameter documentKind (BACKGROUND_PAPER)

    /** Who writes the paper, e.g. "Prof. Daniel Reyes". String, required. */
    public static final String PAPER_AUTHOR = DocumentVariables.PAPER_AUTHOR;
    /** What the paper should cover. String, required. */
    public static final String PAPER_BRIEF = DocumentVariables.PAPER_BRIEF;
    /** When the author's draft is due, as entered: text {@code YYYY-MM-DD} naming a day that exists, not past. Required. */
    public static final String PAPER_DUE_DATE = DocumentVariables.PAPER_DUE_DATE;
    /**
     * Who signs the paper off: a required checklist of the reviewers group's members, all ticked at
     * first; a JSON array of user ids (task-local).
     */
    public static final String PAPER_REVIEWERS = DocumentVariables.PAPER_REVIEWERS;
    /** The options of {@link #PAPER_REVIEWERS} (task-local, read-only). */
    public static final String PAPER_REVIEWER_OPTIONS = DocumentVariables.PAPER_REVIEWER_OPTIONS;
    /** The document's title (task-local, read-only). */
    public static final String DOCUMENT_TITLE = DocumentVariables.DOCUMENT_TITLE;
    /** The draft's text, Markdown. String. */
    public static final String DRAFT_TEXT = DocumentVariables.DRAFT_TEXT;
    /** "Send the background paper to everyone who has accepted": a required checkbox. Boolean. */
    public static final String PACK_CIRCULATED = DocumentVariables.PACK_CIRCULATED;
    /** Staff's note on the pack. String, optional. */
    public static final String PACK_NOTE = DocumentVariables.PACK_NOTE;

    private PreparationProcess() {
    }
}
