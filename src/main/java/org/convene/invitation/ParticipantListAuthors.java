package org.convene.invitation;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.CompletedTasks;
import org.convene.workflow.DraftAuthors;
import org.springframework.stereotype.Component;

/**
 * Who compiled the participant list that "Approve participant list" decides on: whoever
 * submitted "Compile participant list" last (the list is edited in place on the participants
 * page, so the person who answered for it is its author).
 */
@Component
class ParticipantListAuthors implements DraftAuthors {

    @Override
    public Optional<Draft> draftDecidedBy(DelegateTask task) {
        if (!ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        return CompletedTasks.lastCompletedBy(task, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST)
                .map(author -> new Draft(author, "the participant list"));
    }
}
