package org.convene.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convene.identity.UserDirectory;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a meeting. Each submission of a drafting task is a new immutable version;
 * each review or approval is recorded against the version it judged, and announced as an event
 * ({@link DocumentVersionSubmitted}, {@link DocumentApproved}, {@link DocumentReturned}, …) in the
 * transaction of the change. A document is named by the meeting's code, its {@link DocumentKind}
 * and its part (a working group's code, a day's number, or empty — null is read as empty). Times
 * are UTC, stamped by the engine's clock. The processes read drafts through this bean in their
 * BPMN expressions ({@code ${documents.latestText(meetingCode, 'RECOMMENDATIONS', '')}}); the
 * document module's task listeners write through it.
 */
@Component("documents")
public class Documents {

    /**
     * One immutable version of a document: its number (1 for the first), Markdown text, the
     * author's user id (null when no user submitted it) and when it was submitted (UTC).
     */
    public record Version(long id, long documentId, int version, String body, String author, OffsetDateTime createdAt) {
    }

    /**
     * A decision on one version: a review (approve or return) or a signature (approve or reject);
     * comments may be null; {@code decidedBy} is the manager who decided for the reviewer at a
     * sign-off's escalation, else null.
     */
    public record Review(int version, ReviewKind kind, ReviewDecision decision, String comments, String reviewer,
                         OffsetDateTime reviewedAt, String decidedBy) {
    }

    /**
     * A reviewer asked to sign off a version (user id), when (UTC), and, when a manager put them in
     * another reviewer's place at the escalation, whom they replace and that manager; else both null.
     */
    public record Asked(String reviewer, String replaces, String askedBy, OffsetDateTime askedAt) {
    }

    /**
     * A document of a meeting, with what its phase recorded: the commissioned author, brief and
     * due date (background paper), and when it was circulated and published; each null until then.
     */
    public record Document(long id, String meetingCode, DocumentKind kind, String part, String title, String authorName,
                           String brief, LocalDate dueDate, OffsetDateTime circulatedAt, OffsetDateTime publishedAt) {
    }

    /** Who submitted which version of which document, and when (UTC); the text stays here. */
    public record Submission(String title, int version, String author, OffsetDateTime submittedAt) {
    }

    /**
     * A decision on one version of a document: {@code kind} REVIEW (approve or return) or SIGN_OFF
     * (approve or reject), with the reviewer's comments; the time in UTC.
     */
    public record Decision(String title, int version, String kind, String decision, String comments, String reviewer,
                           OffsetDateTime decidedAt) {
    }

    private final DocumentStore store;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    Documents(DocumentStore store, UserDirectory users, ApplicationEventPublisher events) {
        this.store = store;
        this.users = users;
        this.events = events;
    }

    /** The document's title, e.g. "Report of Working Group 1" for WG_REPORT and part WG1. */
    public String title(String meetingCode, DocumentKind kind, String part) {
        return kind.title(DocumentStore.part(part));
    }

    /** The Markdown text of the latest version; empty when there is none yet. */
    public String latestText(String meetingCode, DocumentKind kind, String part) {
        return store.latest(meetingCode, kind, part).map(Version::body).orElse("");
    }

    /**
     * The id of the latest version, as a sign-off gets it.
     *
     * @throws IllegalStateException when the document has no version yet
     */
    public Long latestVersionId(String meetingCode, DocumentKind kind, String part) {
        return store.latest(meetingCode, kind, part).map(Version::id)
                .orElseThrow(() -> new IllegalStateException("No draft of " + kind + " " + part + " for " + meetingCode));
    }

    /** The latest version of the document; empty when it has none yet. */
    public Optional<Version> latest(String meetingCode, DocumentKind kind, String part) {
        return store.latest(meetingCode, kind, part);
    }

    /**
     * One version.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException for an unknown id
     */
    public Version version(long versionId) {
        return store.version(versionId);
    }

    /** The Markdown text of a version (for the sign-off form). */
    public String versionText(Long versionId) {
        return version(versionId).body();
    }

    /** The title of a version's document with its number, e.g. "Recommendations (version 2)". */
    public String versionTitle(Long versionId) {
        Version version = version(versionId);
        return store.document(version.documentId()).title() + " (version " + version.version() + ")";
    }

    /**
     * What the author revising the latest version must read, once it was sent back (returned or
     * rejected): every reviewer's comments on it as Markdown paragraphs, first those that sent it
     * back, "**reviewer**: comments" in the order they were made (a rejection a manager decided
     * for a reviewer at the escalation as "**reviewer** (decided by manager): comments"), then
     * those who approved with a comment, "**reviewer** (signed off): comments" ("(approved)" for a
     * review). Empty when the latest version was not sent back, or there is none.
     */
    public String lastComments(String meetingCode, DocumentKind kind, String part) {
        List<Review> reviews = store.latest(meetingCode, kind, part).stream()
                .flatMap(latest -> store.reviewsOfVersion(latest.id()).stream()).toList();
        if (reviews.stream().noneMatch(review -> review.decision().sendsBack())) {
            return "";
        }
        Stream<Review> approvals = reviews.stream()
                .filter(review -> !review.decision().sendsBack() && review.comments() != null && !review.comments().isBlank());
        return Stream.concat(reviews.stream().filter(review -> review.decision().sendsBack()), approvals)
                .map(review -> "**" + review.reviewer() + "**"
                        + (review.decidedBy() == null ? "" : " (decided by " + review.decidedBy() + ")")
                        + (review.decision().sendsBack() ? ""
                                : review.kind() == ReviewKind.SIGN_OFF ? " (signed off)" : " (approved)")
                        + ": " + review.comments())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * The author of the latest version when it was sent back (returned or rejected) and is a
     * user of the app: the drafting task goes back to them. Null otherwise (offered to the group).
     */
    public String returnedTo(String meetingCode, DocumentKind kind, String part) {
        return store.authorOfLatestSentBack(meetingCode, kind, part)
                .filter(author -> users.find(author).isPresent())
                .orElse(null);
    }

    /** The document with what its phase recorded; empty while no task has written it. */
    public Optional<Document> find(String meetingCode, DocumentKind kind, String part) {
        return store.document(meetingCode, kind, part);
    }

    /** Every version of the document, oldest first; empty when there is none. */
    public List<Version> versions(String meetingCode, DocumentKind kind, String part) {
        return store.versions(meetingCode, kind, part);
    }

    /** Every review and signature of the document's versions, in the order they were made. */
    public List<Review> reviews(String meetingCode, DocumentKind kind, String part) {
        return store.reviews(meetingCode, kind, part);
    }

    /**
     * A drafting task's submission: the text becomes the document's next version (the document is
     * created at its first version). Announces {@link DocumentVersionSubmitted}.
     *
     * @param text   the Markdown text; never null
     * @param author the user id of who submitted it; null when no user did
     * @param taskId the drafting task's id (one version per task); null when no task wrote it
     * @return the new version
     */
    @Transactional
    public Version saveDraft(String meetingCode, DocumentKind kind, String part, String text, String author,
                             String taskId) {
        OffsetDateTime now = EngineClock.now();
        Document document = store.ensure(meetingCode, kind, part, now);
        Version version = store.insertVersion(document.id(), text, author, taskId, now);
        events.publishEvent(new DocumentVersionSubmitted(meetingCode, kind, document.part(), document.title(),
                version.version(), version.id(), now.toInstant(), author));
        return version;
    }

    /**
     * A review or approval task's decision on the latest version. Announces {@link DocumentApproved}
     * or {@link DocumentReturned}.
     *
     * @param decision approve or return
     * @param comments the reviewer's comments; required (not blank) when the decision sends the draft back
     * @param reviewer the user id of the reviewer; null when no user did
     * @param taskId   the review task's id (one decision per task); never null
     * @throws IllegalArgumentException when a return has no comments
     * @throws IllegalStateException    when the document has no version to judge
     */
    @Transactional
    public void recordReview(String meetingCode, DocumentKind kind, String part, ReviewDecision decision,
                             String comments, String reviewer, String taskId) {
        Version version = store.version(latestVersionId(meetingCode, kind, part));
        Document document = store.document(version.documentId());
        OffsetDateTime now = record(version, ReviewKind.REVIEW, decision, comments, reviewer, null, taskId);
        events.publishEvent(decision == ReviewDecision.APPROVE
                ? new DocumentApproved(meetingCode, kind, document.part(), document.title(), version.version(), comments,
                        now.toInstant(), reviewer)
                : new DocumentReturned(meetingCode, kind, document.part(), document.title(), version.version(), comments,
                        now.toInstant(), reviewer));
    }

    /**
     * "Commission background paper": the author, brief and due date of a document the meeting has
     * once. Announces {@link DocumentCommissioned}.
     *
     * @param dueDate        the day the draft is due (a calendar day); never null
     * @param commissionedBy the user id of who commissioned it; null when no user did
     */
    @Transactional
    public void commission(String meetingCode, DocumentKind kind, String authorName, String brief, LocalDate dueDate,
                           String commissionedBy) {
        OffsetDateTime now = EngineClock.now();
        Document document = store.ensure(meetingCode, kind, "", now);
        store.commission(document.id(), authorName, brief, dueDate);
        events.publishEvent(new DocumentCommissioned(meetingCode, kind, document.title(), authorName, dueDate,
                now.toInstant(), commissionedBy));
    }

    /**
     * "Circulate documentation pack": the document the meeting has once went to the participants.
     * Announces {@link DocumentCirculated}.
     *
     * @param circulatedBy the user id of who circulated it; null when no user did
     */
    @Transactional
    public void circulate(String meetingCode, DocumentKind kind, String circulatedBy) {
        OffsetDateTime now = EngineClock.now();
        Document document = store.ensure(meetingCode, kind, "", now);
        store.circulate(document.id(), now);
        events.publishEvent(new DocumentCirculated(meetingCode, kind, document.title(), now.toInstant(), circulatedBy));
    }

    /**
     * Marks a document the meeting has once published. Idempotent (a job runs at least once):
     * the first publication time stays, and only the first call announces {@link DocumentPublished}.
     *
     * @throws IllegalStateException when the document has no version
     */
    @Transactional
    public void publish(String meetingCode, DocumentKind kind) {
        OffsetDateTime now = EngineClock.now();
        Document document = store.document(meetingCode, kind, "")
                .orElseThrow(() -> new IllegalStateException("No " + kind + " to publish for " + meetingCode));
        if (store.publish(document.id(), now)) {
            events.publishEvent(new DocumentPublished(meetingCode, kind, document.title(), now.toInstant(), null));
        }
    }

    /** The document with this id; empty for an unknown id. */
    public Optional<Document> document(long documentId) {
        return store.findDocument(documentId);
    }

    /** Every document of the meeting, in the order they were created; empty for none or an unknown code. */
    public List<Document> ofMeeting(String meetingCode) {
        return store.documents(meetingCode);
    }

    /** Every version of the document, oldest first; empty for an unknown id. */
    public List<Version> versions(long documentId) {
        return store.versions(documentId);
    }

    /** The reviews and signatures of one version, in the order they were made. */
    public List<Review> reviewsOf(long versionId) {
        return store.reviewsOfVersion(versionId);
    }

    /**
     * The id of the document whose latest version a task shows, for the link to its page in a form
     * ({@code /documents/{id}/versions/{n}}); null while it has no version.
     */
    public Long latestDocumentId(String meetingCode, DocumentKind kind, String part) {
        return store.latest(meetingCode, kind, part).map(Version::documentId).orElse(null);
    }

    /** The number of the document's latest version; 0 while it has none (or for an unknown id). */
    public int latestVersionNumber(long documentId) {
        return store.latestNumber(documentId);
    }

    /** The number of the document's latest version, for a form's link; null while it has none. */
    public Integer latestVersionNumber(String meetingCode, DocumentKind kind, String part) {
        return store.latest(meetingCode, kind, part).map(Version::version).orElse(null);
    }

    /**
     * A version of a document by its number; empty when the document or the number is unknown.
     *
     * @param number 1 for the first version
     */
    public Optional<Version> version(long documentId, int number) {
        return store.version(documentId, number);
    }

    /**
     * Why a submitted version cannot change, for whoever tries: a signed one stays as it was signed
     * (naming who signed it), any other is the record of what was submitted; a change is the next
     * version, submitted through the document's drafting task. The database refuses the change as
     * well (migration V3_4).
     */
    public String whyUnchangeable(Version version) {
        String what = "Version " + version.version() + " of " + store.document(version.documentId()).title();
        List<String> signers = store.signatures(version.id()).stream().map(DocumentStore.SignatureRow::reviewer).toList();
        return signers.isEmpty()
                ? what + " cannot change: a submitted version is kept as it was submitted. A change is a new version, "
                        + "submitted through the document's drafting task."
                : what + " is signed (by " + String.join(", ", signers) + ") and cannot change: a signed version stays as "
                        + "it was signed. A change is a new version, submitted through the document's drafting task and "
                        + "signed off again.";
    }

    /** Every version of every document of the meeting, in the order they were submitted. */
    public List<Submission> submissions(String meetingCode) {
        return store.submissions(meetingCode);
    }

    /** Every review and signature of every version of the meeting's documents, in the order they were made. */
    public List<Decision> decisions(String meetingCode) {
        return store.decisions(meetingCode);
    }

    /**
     * Records a decision on a version; the time it was stamped with (the engine's clock).
     *
     * @param decidedBy the manager who decided for {@code reviewer} (a sign-off's escalation), else null
     */
    OffsetDateTime record(Version version, ReviewKind kind, ReviewDecision decision, String comments, String reviewer,
                          String decidedBy, String taskId) {
        if (decision.sendsBack() && (comments == null || comments.isBlank())) {
            throw new IllegalArgumentException("Comments are required when the draft goes back to its author");
        }
        OffsetDateTime now = EngineClock.now();
        store.insertReview(version.id(), kind, decision, comments, reviewer, decidedBy, taskId, now);
        return now;
    }
}
