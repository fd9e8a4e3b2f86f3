package org.convene.document;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.convene.identity.UserDirectory;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.TaskRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-off of one document version by a group or named reviewers, under a
 * {@link SignOffPolicy}, decided early as soon as the outcome is certain (SignOffProcess). Every
 * signature or rejection is kept in cv_document_review (append-only) with its version, reviewer
 * and time (the engine's clock, UTC), and announced ({@link DocumentSigned},
 * {@link DocumentSignOffRejected}, {@link DocumentSignOffCompleted}). The process reaches it in its
 * completion condition ({@code ${signOff.decided(documentVersionId, signOffPolicy, signOffReviewerCount)}})
 * and through the module's listeners and delegates.
 */
@Component("signOff")
public class SignOff {

    /**
     * A signature on one version: the reviewer's user id and full name (the id when the user is
     * gone or has no name), when it was given (UTC), the version's number, the SHA-256 of the
     * content signed (64 lower-case hex digits, of the Markdown body's UTF-8 bytes), and the
     * manager who decided for the reviewer at the escalation, else null.
     */
    public record Signature(String reviewer, String reviewerName, OffsetDateTime signedAt, int version, String sha256,
                            String decidedBy) {
    }

    private static final Logger log = LoggerFactory.getLogger(SignOff.class);

    private final Documents documents;
    private final DocumentStore store;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    SignOff(Documents documents, DocumentStore store, UserDirectory users, ApplicationEventPublisher events) {
        this.documents = documents;
        this.store = store;
        this.users = users;
        this.events = events;
    }

    /**
     * Who signs a version: the named reviewers when given, else the members of the group, by user
     * id; never the version's author (four eyes), who is left out of either list.
     *
     * @param versionId     the version under sign-off
     * @param reviewerIds   user ids, comma-separated (blanks around them ignored); null or blank to ask the group
     * @param reviewerGroup a Camunda group id, e.g. {@code reviewers}; used when no ids are given
     * @return the user ids, at least one
     * @throws IllegalStateException when nobody would sign (the group has no members)
     * @throws TaskRefused           when the author is the only reviewer (403 to whoever sent the draft to sign-off)
     */
    public List<String> reviewers(long versionId, String reviewerIds, String reviewerGroup) {
        List<String> reviewers = reviewerIds != null && !reviewerIds.isBlank()
                ? Arrays.stream(reviewerIds.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList()
                : users.members(reviewerGroup).stream().map(UserDirectory.Person::id).sorted().toList();
        if (reviewers.isEmpty()) {
            throw new IllegalStateException("No reviewers for the sign-off: group '" + reviewerGroup + "' has no members");
        }
        return withoutAuthor(versionId, reviewers);
    }

    /**
     * Records who is asked to sign off the version, when the sign-off starts (SignOffProcess's start
     * listener); a reviewer already recorded for the version is left as they are.
     *
     * @param reviewers user ids
     */
    @Transactional
    public void ask(long versionId, List<String> reviewers) {
        OffsetDateTime now = EngineClock.now();
        reviewers.forEach(reviewer -> store.insertAsked(versionId, reviewer, null, null, now));
    }

    /**
     * The approving signatures of a version, in the order they were given (a rejection is no
     * signature); empty when nobody signed it.
     */
    public List<Signature> signatures(long versionId) {
        return store.signatures(versionId).stream()
                .map(row -> new Signature(row.reviewer(), name(row.reviewer()), row.signedAt(), row.version(), row.sha256(),
                        row.decidedBy()))
                .toList();
    }

    /**
     * Whether the user was asked to sign off any version of the document (a reviewer replaced at an
     * escalation included, and the one who replaced them); false for an unknown document or user.
     */
    public boolean asked(long documentId, String userId) {
        return userId != null && store.asked(documentId, userId);
    }

    /** Who was asked to sign off the version, in the order asked (a replacement after the reviewer replaced). */
    public List<Documents.Asked> askedFor(long versionId) {
        return store.asked(versionId);
    }

    private String name(String userId) {
        return users.find(userId).map(UserDirectory.Person::name).orElse(userId);
    }

    private List<String> withoutAuthor(long versionId, List<String> reviewers) {
        String author = documents.version(versionId).author();
        if (author == null || !reviewers.contains(author)) {
            return reviewers;
        }
        List<String> others = reviewers.stream().filter(reviewer -> !reviewer.equals(author)).toList();
        if (others.isEmpty()) {
            throw new TaskRefused(author + " drafted " + documents.versionTitle(versionId) + " and is its only reviewer; "
                    + "someone else must sign it off: an administrator must add another reviewer.");
        }
        log.info("Sign-off of document version {}: its author {} is left out of the reviewers", versionId, author);
        return others;
    }

    /**
     * One reviewer's decision on the version ("Sign off draft"). Announces {@link DocumentSigned}
     * or {@link DocumentSignOffRejected}.
     *
     * @param decision approve (sign) or reject
     * @param comments required (not blank) for a rejection; may be null otherwise
     * @param reviewer the reviewer's user id
     * @param taskId   the reviewer's task (one decision per task)
     * @throws IllegalArgumentException when a rejection has no comments, or the decision is a return
     */
    @Transactional
    public void record(long versionId, ReviewDecision decision, String comments, String reviewer, String taskId) {
        if (decision == ReviewDecision.RETURN) {
            throw new IllegalArgumentException("A sign-off is approved or rejected, not returned");
        }
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        OffsetDateTime now = documents.record(version, ReviewKind.SIGN_OFF, decision, comments, reviewer, null, taskId);
        events.publishEvent(decision == ReviewDecision.APPROVE
                ? new DocumentSigned(document.meetingCode(), document.kind(), document.part(), document.title(),
                        version.version(), comments, now.toInstant(), reviewer)
                : new DocumentSignOffRejected(document.meetingCode(), document.kind(), document.part(), document.title(),
                        version.version(), comments, now.toInstant(), reviewer));
    }

    /**
     * The completion condition of "Sign off draft": true once the outcome can no longer change.
     *
     * @param policy    {@code ALL} or {@code PERCENT:nn} ({@link SignOffPolicy#parse(String)})
     * @param reviewers how many reviewers were asked
     */
    public boolean decided(long versionId, String policy, int reviewers) {
        Tally tally = tally(versionId, SignOffPolicy.parse(policy), reviewers);
        return tally.approved() || tally.rejected();
    }

    /**
     * "Tally sign-offs": the outcome, once every needed reviewer has decided. Announces
     * {@link DocumentSignOffCompleted}.
     *
     * @return true when the version is signed off under the policy
     */
    @Transactional
    public boolean tally(long versionId, String policy, int reviewers) {
        boolean signedOff = tally(versionId, SignOffPolicy.parse(policy), reviewers).approved();
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        events.publishEvent(new DocumentSignOffCompleted(document.meetingCode(), document.kind(), document.part(),
                document.title(), version.version(), signedOff, EngineClock.instant(), null));
        return signedOff;
    }

    record Tally(boolean approved, boolean rejected) {
    }

    private Tally tally(long versionId, SignOffPolicy policy, int reviewers) {
        List<Documents.Review> signatures = store.reviewsOfVersion(versionId).stream()
                .filter(review -> review.kind() == ReviewKind.SIGN_OFF).toList();
        long approvals = signatures.stream().filter(review -> review.decision() == ReviewDecision.APPROVE).count();
        long rejections = signatures.size() - approvals;
        int needed = policy.needed(reviewers);
        return new Tally(approvals >= needed, reviewers - rejections < needed);
    }
}
