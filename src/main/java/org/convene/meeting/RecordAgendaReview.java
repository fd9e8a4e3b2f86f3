package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Approve agenda": the manager's decision; comments required to return the
 * agenda. An agenda that lost a working group's rapporteur since it was submitted is not approved
 * (the form says why; the REST API answers 400).
 */
@Component("recordAgendaReview")
class RecordAgendaReview implements TaskListener {

    private final AgendaReviews reviews;
    private final Agendas agendas;

    RecordAgendaReview(AgendaReviews reviews, Agendas agendas) {
        this.reviews = reviews;
        this.agendas = agendas;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.RETURN);
        if (decision == ReviewDecision.APPROVE) {
            RefuseIncompleteAgenda.refuseWithoutRapporteurs(agendas, task, ProcessVariables.DECISION,
                    "Return the agenda to staff with comments instead.");
        }
        reviews.record(Tasks.meetingCode(task), decision, Tasks.text(task, ProcessVariables.COMMENTS),
                Tasks.currentUser(task), task.getId());
    }
}
