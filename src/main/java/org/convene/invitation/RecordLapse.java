package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** "Record lapse": the reply deadline passed in silence; the invitation lapses. */
@Component("recordLapse")
class RecordLapse implements JavaDelegate {

    private final Invitations invitations;

    RecordLapse(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.lapse(Tasks.meetingCode(execution),
                Long.parseLong((String) execution.getVariable(InvitationProcess.PARTICIPANT_ID)));
    }
}
