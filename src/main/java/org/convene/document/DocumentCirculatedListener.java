package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Circulate documentation pack": the document the task names in {@code documentKind} went out. */
@Component("documentCirculated")
public class DocumentCirculatedListener implements TaskListener {

    private final Documents documents;

    DocumentCirculatedListener(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task, DocumentTask.kind(task));
    }

    void record(DelegateTask task, DocumentKind kind) {
        documents.circulate(Tasks.meetingCode(task), kind, Tasks.currentUser(task));
    }
}
