package org.convene.invitation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Approve participant list": the manager's decision; comments required to
 * return the list, and an empty list cannot be approved (the form shows why, the task stays open).
 */
@Component("recordParticipantListReview")
class RecordParticipantListReview implements TaskListener {

    private final ParticipantListReviews reviews;

    RecordParticipantListReview(ParticipantListReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.RETURN);
        try {
            reviews.record(Tasks.meetingCode(task), decision, Tasks.text(task, ProcessVariables.COMMENTS),
                    Tasks.currentUser(task), task.getId());
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(ProcessVariables.DECISION,
                    "'" + task.getName() + "' was not completed: " + refused.fieldErrors().get("participants"));
        }
    }
}
