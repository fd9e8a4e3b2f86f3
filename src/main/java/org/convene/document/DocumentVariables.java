package org.convene.document;

/**
 * Names of the variables of the drafting, review, commissioning and circulation tasks that the
 * document module's forms show and its listeners read, in the processes of every module:
 * "Draft summary conclusions" (framework), "Draft working group report" (meeting), "Submit
 * background paper draft" (meeting), and so on. A task names its document with the input
 * parameters {@link #DOCUMENT_KIND} and {@link #DOCUMENT_PART}; the listeners
 * ({@code ${documentDraftSaved}}, {@code ${documentReviewed}}, {@code ${documentCommissioned}},
 * {@code ${documentCirculated}}) read them.
 */
public final class DocumentVariables {

    /**
     * Task input parameter: which document the task works on, a {@link DocumentKind} name, e.g.
     * {@code WG_REPORT}. String, never null.
     */
    public static final String DOCUMENT_KIND = "documentKind";
    /**
     * Task input parameter: the part of the meeting the document belongs to: a working group's code
     * ({@code WG1}) for a report or plenary notes, a day's number ({@code 1}) for a day summary, empty
     * for a document the meeting has once. String; null is read as empty.
     */
    public static final String DOCUMENT_PART = "documentPart";
    /** The document's title as a form shows it, e.g. "Recommendations (version 2)". String. */
    public static final String DOCUMENT_TITLE = "documentTitle";
    /**
     * The draft's Markdown text: submitted by a drafting task (its textarea starts with the text as
     * typed); shown to a reviewer made safe for the form ({@link MarkdownRendering#forForm}: HTML
     * typed into the draft shows as text). String, at most 100,000 characters.
     */
    public static final String DRAFT_TEXT = "draftText";
    /**
     * Every reviewer's comments on the version that was sent back ({@link Documents#lastComments}),
     * as Markdown ("**kenji**: ...", "**sofia** (signed off): ..."),
     * made safe for the form ({@link MarkdownRendering#forForm}); empty when none. String.
     */
    public static final String REVIEW_COMMENTS = "reviewComments";
    /** The id of the document version a sign-off judges ({@link Documents.Version#id()}). Long. */
    public static final String DOCUMENT_VERSION_ID = "documentVersionId";
    /**
     * Task-local, for a form's links to the version's page, PDF and DOCX
     * ({@code /documents/{documentId}/versions/{documentVersion}}): the document's id. Long; null
     * while the document has no version (a first draft).
     */
    public static final String DOCUMENT_ID = "documentId";
    /** Task-local, with {@link #DOCUMENT_ID}: the number of the version the task shows (1 for the first). Integer; null with it. */
    public static final String DOCUMENT_VERSION = "documentVersion";
    /** "Commission background paper": the author's name and affiliation. String, at most 200 characters. */
    public static final String PAPER_AUTHOR = "paperAuthor";
    /** "Commission background paper": the author's brief. String, at most 20,000 characters. */
    public static final String PAPER_BRIEF = "paperBrief";
    /**
     * "Commission background paper": the day the draft is due, as typed: YYYY-MM-DD text (a
     * calendar day, no time zone).
     */
    public static final String PAPER_DUE_DATE = "paperDueDate";
    /**
     * "Commission background paper": who signs the paper off, a checklist of the members of the
     * reviewers group, all ticked at first ({@link ReviewerChoice}); submitted as a JSON array of
     * user ids, at least one. Task-local: the process keeps them as SignOffProcess's
     * {@link SignOffProcess#REVIEWER_IDS} text.
     */
    public static final String PAPER_REVIEWERS = "paperReviewers";
    /** The options of {@link #PAPER_REVIEWERS}: JSON array of {label, value}. Task-local. */
    public static final String PAPER_REVIEWER_OPTIONS = "paperReviewerOptions";
    /** "Circulate documentation pack": what the pack contained (optional). String. */
    public static final String PACK_NOTE = "packNote";
    /**
     * "Circulate documentation pack": a required checkbox, "Send the background paper to everyone who
     * has accepted"; completing the task mails it (the invitation module hears {@link DocumentCirculated}). Boolean.
     */
    public static final String PACK_CIRCULATED = "packCirculated";

    /**
     * Input parameter of a reminder's service task after a timer on a document's task
     * ({@code ${remindOverdueDocumentTask}}): the activity id of the task that is overdue, e.g.
     * {@code Task_CirculateDocumentationPack}. String.
     */
    public static final String OVERDUE_ACTIVITY_ID = "overdueActivityId";
    /**
     * Input parameter of the same service task: the venue's time zone, in which the reminder names
     * the due date (beside UTC), e.g. {@code Asia/Amman}. String; null: UTC only.
     */
    public static final String VENUE_TIME_ZONE = "venueTimeZone";

    private DocumentVariables() {
    }
}
