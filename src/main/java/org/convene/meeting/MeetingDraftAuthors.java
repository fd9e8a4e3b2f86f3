package org.convene.meeting;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.document.DocumentDraftAuthors;
import org.convene.document.DocumentKind;
import org.convene.workflow.CompletedTasks;
import org.convene.workflow.DraftAuthors;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Who drafted what the meeting's approving tasks decide on: the concept note's latest version
 * (its author as saved), the agenda (whoever submitted "Draft agenda" last: the agenda is edited
 * in place, so the person who answered for the draft is its author) and a working group's report
 * (the latest version's author).
 */
@Component
class MeetingDraftAuthors implements DraftAuthors {

    private final ConceptNotes conceptNotes;
    private final DocumentDraftAuthors documents;

    MeetingDraftAuthors(ConceptNotes conceptNotes, DocumentDraftAuthors documents) {
        this.conceptNotes = conceptNotes;
        this.documents = documents;
    }

    @Override
    public Optional<Draft> draftDecidedBy(DelegateTask task) {
        return switch (task.getTaskDefinitionKey()) {
            case ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE -> conceptNotes.latest(Tasks.meetingCode(task))
                    .filter(note -> note.author() != null)
                    .map(note -> new Draft(note.author(), "version " + note.version() + " of the concept note"));
            case PreparationProcess.TASK_APPROVE_AGENDA ->
                    CompletedTasks.lastCompletedBy(task, PreparationProcess.TASK_DRAFT_AGENDA)
                            .map(author -> new Draft(author, "the agenda"));
            case MeetingProcess.TASK_VALIDATE_WORKING_GROUP_REPORT -> documents.latest(Tasks.meetingCode(task),
                    DocumentKind.WG_REPORT, Tasks.text(task, MeetingProcess.WORKING_GROUP_CODE));
            default -> Optional.empty();
        };
    }
}
