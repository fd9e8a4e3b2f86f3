package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Validate working group report": the chair's validation goes to the chair's own account
 * when the chair has one (a user in `reviewers`), else to the managers, who validate on the
 * chair's behalf. Other modules ask {@link Agendas#chairAccount} for the same rule.
 */
@Component("chairAssignment")
class ChairAssignment implements TaskListener {

    private final Agendas agendas;

    ChairAssignment(Agendas agendas) {
        this.agendas = agendas;
    }

    @Override
    public void notify(DelegateTask task) {
        Object group = task.getVariable(MeetingProcess.WORKING_GROUP_CODE);
        agendas.chairAccount(Tasks.meetingCode(task), group == null ? null : group.toString())
                .ifPresentOrElse(task::setAssignee, () -> task.addCandidateGroup(ConveneGroups.MANAGERS));
    }
}
