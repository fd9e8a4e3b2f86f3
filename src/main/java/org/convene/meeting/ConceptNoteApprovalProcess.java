package org.convene.meeting;

/**
 * The ids and variable names of {@code bpmn/meeting/ConceptNoteApprovalProcess.bpmn} ("Approve
 * concept note"): staff draft, a manager reviews, a returned note is revised until approved.
 * The form fields of draft-concept-note.form are named after the concept note's sections.
 */
public final class ConceptNoteApprovalProcess {

    /** The process id (definition key). */
    public static final String ID = "ConceptNoteApprovalProcess";

    public static final String START_EVENT_CONCEPT_NOTE_REQUESTED = "StartEvent_ConceptNoteRequested";
    public static final String TASK_DRAFT_CONCEPT_NOTE = "Task_DraftConceptNote";
    public static final String GATEWAY_CONCEPT_NOTE_MERGE = "Gateway_ConceptNoteMerge";
    public static final String TASK_REVIEW_CONCEPT_NOTE = "Task_ReviewConceptNote";
    public static final String GATEWAY_CONCEPT_NOTE_APPROVED = "Gateway_ConceptNoteApproved";
    public static final String TASK_REVISE_CONCEPT_NOTE = "Task_ReviseConceptNote";
    public static final String END_EVENT_CONCEPT_NOTE_APPROVED = "EndEvent_ConceptNoteApproved";

    // the concept note's sections: form fields of the drafting tasks, shown read-only to the review

    /** Section 1, Markdown. String, required. */
    public static final String BACKGROUND = "background";
    /** Section 2, Markdown. String, required. */
    public static final String OBJECTIVES = "objectives";
    /** Section 3, e.g. {@code UNHCR, Division of International Protection}. String, required. */
    public static final String CONVENER = "convener";
    /** Section 4: seats envisaged, 5 to 500. Number, required. */
    public static final String PARTICIPANTS_TARGET = "participantsTarget";
    /** Section 4: the categories to invite, {@link ParticipantCategory} names. JSON array of strings. */
    public static final String PARTICIPANT_CATEGORIES = "participantCategories";
    /** The checklist's options, every {@link ParticipantCategory} as {@code {label, value}} (task-local JSON). */
    public static final String PARTICIPANT_CATEGORY_OPTIONS = "participantCategoryOptions";
    /** Section 4: seats for government representatives ({@link ParticipantCategory#GOV}). Number, optional, 0 to 500. */
    public static final String TARGET_GOV = "targetGOV";
    /** Section 4: seats for international organizations ({@link ParticipantCategory#IO}). Number, optional. */
    public static final String TARGET_IO = "targetIO";
    /** Section 4: seats for regional bodies ({@link ParticipantCategory#REG}). Number, optional. */
    public static final String TARGET_REG = "targetREG";
    /** Section 4: seats for NGOs ({@link ParticipantCategory#NGO}). Number, optional. */
    public static final String TARGET_NGO = "targetNGO";
    /** Section 4: seats for academics and independent experts ({@link ParticipantCategory#ACA}). Number, optional. */
    public static final String TARGET_ACA = "targetACA";
    /** Markdown for the review: the targets per category in one line; empty when none (task-local, read-only). */
    public static final String CATEGORY_TARGETS_SUMMARY = "categoryTargetsSummary";
    /** Section 5. String, required. */
    public static final String TIMING_AND_LOCATION = "timingAndLocation";
    /** Section 6, Markdown. String, required. */
    public static final String DOCUMENTATION = "documentation";
    /** The comments of the review that returned the note; empty when none (task-local, read-only). */
    public static final String REVIEW_COMMENTS = "reviewComments";
    /** Whether the review approved the note; set by the review task, read by the gateway. Boolean. */
    public static final String CONCEPT_NOTE_APPROVED = "conceptNoteApproved";

    private ConceptNoteApprovalProcess() {
    }

    /** The form field of a category's target: {@code target} + the category's name, e.g. {@link #TARGET_GOV}. */
    public static String targetField(ParticipantCategory category) {
        return "target" + category.name();
    }
}
