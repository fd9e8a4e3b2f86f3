package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.DraftAuthors.Draft;
import org.convene.workflow.TaskAssignmentGuard;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Validate working group report": the chair's validation goes to the chair's own account
 * when the chair has one (a user in `reviewers`), else to the managers, who validate on the
 * chair's behalf. Other modules ask {@link Agendas#chairAccount} for the same rule. A chair who
 * drafted the report does not validate it: the managers do (four eyes, {@link TaskAssignmentGuard}).
 */
@Component("chairAssignment")
class ChairAssignment implements TaskListener {

    private final Agendas agendas;
    private final TaskAssignmentGuard guard;

    ChairAssignment(Agendas agendas, TaskAssignmentGuard guard) {
        this.agendas = agendas;
        this.guard = guard;
    }

    @Override
    public void notify(DelegateTask task) {
        Object group = task.getVariable(MeetingProcess.WORKING_GROUP_CODE);
        String author = guard.draftOf(task).map(Draft::author).orElse(null);
        agendas.chairAccount(Tasks.meetingCode(task), group == null ? null : group.toString())
                .filter(chair -> !chair.equals(author))
                .ifPresentOrElse(task::setAssignee, () -> task.addCandidateGroup(ConveneGroups.MANAGERS));
    }
}
