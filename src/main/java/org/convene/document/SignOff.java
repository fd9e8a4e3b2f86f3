package org.convene.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.convene.workflow.TaskRefused;
import org.convene.workflow.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sign-off of one document version by a group or named reviewers, under a policy:
 * {@code ALL} (every reviewer must sign) or {@code PERCENT:nn} (at least nn % must sign),
 * decided early as soon as the outcome is certain. Every signature or rejection is kept in
 * cv_document_review (append-only) with its version, reviewer and time.
 */
@Component("signOff")
public class SignOff {

    private static final Logger log = LoggerFactory.getLogger(SignOff.class);

    private final JdbcClient jdbc;
    private final Documents documents;

    SignOff(JdbcClient jdbc, Documents documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /**
     * The reviewers: `reviewerIds` (comma-separated) when given, else the members of `reviewerGroup`; never the
     * author of the version under sign-off (four eyes), who is left out of either list.
     *
     * @throws TaskRefused when the author is the only reviewer (403 to whoever sent the draft to sign-off)
     */
    public List<String> reviewers(DelegateExecution execution) {
        Object ids = execution.getVariable("reviewerIds");
        List<String> reviewers = ids != null && !ids.toString().isBlank()
                ? Arrays.stream(ids.toString().split(",")).map(String::strip).toList()
                : execution.getProcessEngineServices().getIdentityService().createUserQuery()
                        .memberOfGroup((String) execution.getVariable("reviewerGroup")).orderByUserId().asc().list()
                        .stream().map(User::getId).toList();
        if (reviewers.isEmpty()) {
            throw new IllegalStateException("No reviewers for the sign-off: group '"
                    + execution.getVariable("reviewerGroup") + "' has no members");
        }
        reviewers = withoutAuthor(execution, reviewers);
        // remembered for the tally after the multi-instance (its nrOfInstances is gone by then)
        execution.setVariable("signOffReviewerCount", reviewers.size());
        return new ArrayList<>(reviewers);
    }

    private List<String> withoutAuthor(DelegateExecution execution, List<String> reviewers) {
        long versionId = ((Number) execution.getVariable(DocumentDraftAuthors.DOCUMENT_VERSION_VARIABLE)).longValue();
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

    /** Complete listener of "Sign off draft". */
    public void record(DelegateTask task) {
        String decision = Tasks.decision(task, "reject");
        documents.review(((Number) task.getVariable("documentVersionId")).longValue(), "SIGN_OFF", decision, task);
    }

    /** Completion condition: true once the outcome can no longer change. */
    public boolean decided(DelegateExecution execution) {
        Tally tally = tally(execution, count(execution, "approve"), count(execution, "reject"));
        return tally.approved() || tally.rejected();
    }

    /** The outcome, once every needed reviewer has decided. */
    public boolean tally(DelegateExecution execution) {
        return tally(execution, count(execution, "approve"), count(execution, "reject")).approved();
    }

    public void remind(DelegateExecution execution) {
        log.info("Sign-off of document version {} is still open: reviewers reminded",
                execution.getVariable("documentVersionId"));
    }

    record Tally(boolean approved, boolean rejected) {
    }

    private Tally tally(VariableScope scope, int approvals, int rejections) {
        int reviewers = ((Number) scope.getVariable("signOffReviewerCount")).intValue();
        int needed = needed(String.valueOf(scope.getVariable("signOffPolicy")), reviewers);
        return new Tally(approvals >= needed, reviewers - rejections < needed);
    }

    static int needed(String policy, int reviewers) {
        if (policy == null || policy.equals("ALL") || policy.equals("null")) {
            return reviewers;
        }
        if (policy.startsWith("PERCENT:")) {
            int percent = Integer.parseInt(policy.substring("PERCENT:".length()));
            return (int) Math.ceil(reviewers * percent / 100.0);
        }
        throw new IllegalArgumentException("Unknown sign-off policy " + policy + " (ALL or PERCENT:nn)");
    }

    private int count(DelegateExecution execution, String decision) {
        Object versionId = execution.getVariable("documentVersionId");
        return jdbc.sql("""
                select count(*) from cv_document_review r
                where r.document_version_id = ? and r.kind = 'SIGN_OFF' and r.decision = ?""")
                .params(((Number) versionId).longValue(), decision)
                .query(Integer.class).single();
    }
}
