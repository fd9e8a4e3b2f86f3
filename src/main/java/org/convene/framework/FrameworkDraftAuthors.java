package org.convene.framework;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.document.DocumentDraftAuthors;
import org.convene.document.DocumentKind;
import org.convene.workflow.DraftAuthors;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Who drafted the latest version of the summary conclusions (reviewed by the chair, approved by a
 * manager) and of the Common Framework (approved by a manager). Their sign-offs are the document
 * module's ({@link DocumentDraftAuthors}).
 */
@Component
class FrameworkDraftAuthors implements DraftAuthors {

    private final DocumentDraftAuthors documents;

    FrameworkDraftAuthors(DocumentDraftAuthors documents) {
        this.documents = documents;
    }

    @Override
    public Optional<Draft> draftDecidedBy(DelegateTask task) {
        return switch (task.getTaskDefinitionKey()) {
            case SummaryConclusionsProcess.TASK_REVIEW_SUMMARY_CONCLUSIONS,
                 SummaryConclusionsProcess.TASK_APPROVE_SUMMARY_CONCLUSIONS ->
                    documents.latest(Tasks.meetingCode(task), DocumentKind.SUMMARY_CONCLUSIONS, "");
            case CommonFrameworkProcess.TASK_APPROVE_COMMON_FRAMEWORK ->
                    documents.latest(Tasks.meetingCode(task), DocumentKind.COMMON_FRAMEWORK, "");
            default -> Optional.empty();
        };
    }
}
