package org.convene.workflow;

/**
 * Names of the process variables that every phase process shares. ExpertMeetingProcess sets the
 * meeting's four at its start (meeting module, {@code MeetingRegistration}) and passes them down
 * to each phase; the review forms of every module submit {@link #DECISION} and {@link #COMMENTS}.
 * A variable that one process alone uses is named in that process's own constants class (one
 * class per BPMN, named after the process id, in the module's package).
 */
public final class ProcessVariables {

    /** The meeting's code, e.g. {@code EM-2027-AMMAN}: also the business key of every phase. String, never null in a phase. */
    public static final String MEETING_CODE = "meetingCode";
    /** The meeting's title as registered. String. */
    public static final String MEETING_TITLE = "meetingTitle";
    /** The venue, e.g. "Amman, Jordan". String. */
    public static final String MEETING_PLACE = "meetingPlace";
    /** The meeting's days as a person reads them, e.g. "27–28 June 2027" (venue's calendar). String. */
    public static final String MEETING_DATES = "meetingDates";
    /**
     * The title of the document a task drafts or reviews (a document task's input parameter, named by
     * the document module as {@code DocumentVariables.DOCUMENT_TITLE}), e.g. "Report of Working Group 1". String.
     */
    public static final String DOCUMENT_TITLE = "documentTitle";
    /** A review task's decision: a {@link ReviewDecision#formValue()}. String. */
    public static final String DECISION = "decision";
    /** A reviewer's comments; required when the draft goes back to its author. String, may be empty. */
    public static final String COMMENTS = "comments";

    private ProcessVariables() {
    }
}
