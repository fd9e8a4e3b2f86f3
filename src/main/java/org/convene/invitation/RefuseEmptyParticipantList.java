package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Compile participant list": an empty list (the reserve does not count)
 * does not go to the manager; the form shows why and the task stays open (the REST API answers 400).
 */
@Component("refuseEmptyParticipantList")
class RefuseEmptyParticipantList implements TaskListener {

    private final Participants participants;

    RefuseEmptyParticipantList(Participants participants) {
        this.participants = participants;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            participants.requireInvitees(Tasks.meetingCode(task), "add the invitees on the participant list page, "
                    + "or import the secretariat's spreadsheet there, then complete this task.");
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(ParticipantListProcess.LIST_READY,
                    "'" + task.getName() + "' was not completed: " + refused.fieldErrors().get("participants"));
        }
    }
}
