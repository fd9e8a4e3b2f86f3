package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Approve agenda": the manager's decision; comments required to return the agenda. */
@Component("recordAgendaReview")
class RecordAgendaReview implements TaskListener {

    private final AgendaReviews reviews;

    RecordAgendaReview(AgendaReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.RETURN);
        reviews.record(Tasks.meetingCode(task), decision, Tasks.text(task, ProcessVariables.COMMENTS),
                Tasks.currentUser(task), task.getId());
    }
}
