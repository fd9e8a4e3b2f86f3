package org.convene.meeting;

import static org.convene.meeting.ConceptNoteApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Draft concept note" and "Revise concept note": the form becomes the next version. */
@Component("submitConceptNote")
class SubmitConceptNote implements TaskListener {

    private final ConceptNotes conceptNotes;

    SubmitConceptNote(ConceptNotes conceptNotes) {
        this.conceptNotes = conceptNotes;
    }

    @Override
    public void notify(DelegateTask task) {
        conceptNotes.save(Tasks.meetingCode(task), new ConceptNotes.ConceptNote(0,
                Tasks.text(task, BACKGROUND), Tasks.text(task, OBJECTIVES), Tasks.text(task, CONVENER),
                ((Number) task.getVariable(PARTICIPANTS_TARGET)).intValue(),
                ParticipantCategory.ofFormValues(task.getVariable(PARTICIPANT_CATEGORIES)),
                Tasks.text(task, TIMING_AND_LOCATION), Tasks.text(task, DOCUMENTATION), Tasks.currentUser(task)));
    }
}
