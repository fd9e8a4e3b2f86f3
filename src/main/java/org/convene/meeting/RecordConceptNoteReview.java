package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Review concept note": the decision on the latest version; comments required to return it. */
@Component("recordConceptNoteReview")
class RecordConceptNoteReview implements TaskListener {

    private final ConceptNotes conceptNotes;

    RecordConceptNoteReview(ConceptNotes conceptNotes) {
        this.conceptNotes = conceptNotes;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.RETURN);
        conceptNotes.recordReview(Tasks.meetingCode(task), decision, Tasks.text(task, ProcessVariables.COMMENTS),
                Tasks.currentUser(task), task.getId());
    }
}
