package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every review and approval task of a document ("Review summary
 * conclusions", "Validate report", …): the decision (approve or return, with comments) on the
 * latest version of the document the task names in {@code documentKind} and {@code documentPart}.
 */
@Component("documentReviewed")
public class DocumentReviewedListener implements TaskListener {

    private final Documents documents;

    DocumentReviewedListener(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task, DocumentTask.kind(task), DocumentTask.part(task));
    }

    void record(DelegateTask task, DocumentKind kind, String part) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.RETURN);
        documents.recordReview(Tasks.meetingCode(task), kind, part, decision,
                Tasks.text(task, ProcessVariables.COMMENTS), Tasks.currentUser(task), task.getId());
    }
}
