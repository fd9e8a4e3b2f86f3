package org.convene.document;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Commission background paper": the author, brief and due date of the
 * document the task names in {@code documentKind}.
 */
@Component("documentCommissioned")
public class DocumentCommissionedListener implements TaskListener {

    private final Documents documents;

    DocumentCommissionedListener(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task, DocumentTask.kind(task));
    }

    void record(DelegateTask task, DocumentKind kind) {
        // stored as the day entered: the form's check (YYYY-MM-DD text of a day that exists) refused anything else
        LocalDate dueDate = LocalDate.parse(Tasks.text(task, DocumentVariables.PAPER_DUE_DATE));
        documents.commission(Tasks.meetingCode(task), kind, Tasks.text(task, DocumentVariables.PAPER_AUTHOR),
                Tasks.text(task, DocumentVariables.PAPER_BRIEF), dueDate, Tasks.currentUser(task));
    }
}
