package org.convene.meeting;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.CompletedTasks;
import org.convene.workflow.DraftAuthors;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Who drafted what the meeting's approving tasks decide on: the concept note's latest version
 * (its author as saved), the agenda (whoever submitted "Draft agenda" last: the agenda is edited
 * in place, so the person who answered for the draft is its author). A working group's report is
 * signed off through the document module's SignOffProcess, whose draft authors that module knows.
 */
@Component
class MeetingDraftAuthors implements DraftAuthors {

    private final ConceptNotes conceptNotes;

    MeetingDraftAuthors(ConceptNotes conceptNotes) {
        this.conceptNotes = conceptNotes;
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
            default -> Optional.empty();
        };
    }
}
