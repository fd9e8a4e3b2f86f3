package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every drafting task ("Draft summary conclusions", "Draft working group
 * report", …): the submitted {@link DocumentVariables#DRAFT_TEXT} becomes the next version of the
 * document the task names in its input parameters {@code documentKind} and {@code documentPart}.
 */
@Component("documentDraftSaved")
public class DocumentDraftSavedListener implements TaskListener {

    private final Documents documents;

    DocumentDraftSavedListener(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        save(task, DocumentTask.kind(task), DocumentTask.part(task));
    }

    Documents.Version save(DelegateTask task, DocumentKind kind, String part) {
        return documents.saveDraft(Tasks.meetingCode(task), kind, part, Tasks.text(task, DocumentVariables.DRAFT_TEXT),
                Tasks.currentUser(task), task.getId());
    }
}
