package org.convene.invitation;

import static org.convene.invitation.InvitationProcess.NO_REPLACEMENT;
import static org.convene.invitation.InvitationProcess.PARTICIPANT_ID;
import static org.convene.invitation.InvitationProcess.REPLACEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Invite replacement": the seat goes to the chosen reserve, or stays empty;
 * a reserve taken meanwhile for another seat is refused as the form's error (the task stays open).
 */
@Component("recordReplacement")
class RecordReplacement implements TaskListener {

    private final Invitations invitations;

    RecordReplacement(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public void notify(DelegateTask task) {
        String chosen = Tasks.text(task, REPLACEMENT_ID);
        try {
            invitations.decideSeat(Tasks.meetingCode(task), Long.parseLong((String) task.getVariable(PARTICIPANT_ID)),
                    chosen == null || NO_REPLACEMENT.equals(chosen) ? null : Long.valueOf(chosen), Tasks.currentUser(task));
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(REPLACEMENT_ID, "'" + task.getName() + "' was not completed: "
                    + refused.fieldErrors().get(REPLACEMENT_ID));
        }
    }
}
