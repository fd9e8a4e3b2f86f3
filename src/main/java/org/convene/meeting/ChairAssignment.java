package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * A chair's validation goes to the chair's own account when the chair has one (a user in
 * `reviewers`), else to the managers, who validate on the chair's behalf.
 */
@Component("chairAssignment")
class ChairAssignment implements TaskListener {

    private final MeetingCalendar calendar;

    ChairAssignment(MeetingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        Object group = task.getVariable("workingGroupCode");
        String chair = group == null ? null
                : calendar.chairUser(Tasks.meetingCode(task), group.toString()).orElse(null);
        if (chair != null && task.getProcessEngineServices().getIdentityService()
                .createUserQuery().userId(chair).count() == 1) {
            task.setAssignee(chair);
        } else {
            task.addCandidateGroup(ConveneGroups.MANAGERS);
        }
    }
}
