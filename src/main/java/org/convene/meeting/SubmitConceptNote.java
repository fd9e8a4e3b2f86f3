package org.convene.meeting;

import static org.convene.meeting.ConceptNoteApprovalProcess.*;

import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Draft concept note" and "Revise concept note": the form becomes the next
 * version; targets per category that do not fit the note are refused as the form's error (the task stays open).
 */
@Component("submitConceptNote")
class SubmitConceptNote implements TaskListener {

    private final ConceptNotes conceptNotes;

    SubmitConceptNote(ConceptNotes conceptNotes) {
        this.conceptNotes = conceptNotes;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<ParticipantCategory, Integer> targets = new EnumMap<>(ParticipantCategory.class);
        for (ParticipantCategory category : ParticipantCategory.values()) {
            if (task.getVariable(targetField(category)) instanceof Number seats) {
                targets.put(category, seats.intValue());
            }
        }
        try {
            conceptNotes.save(Tasks.meetingCode(task), new ConceptNotes.ConceptNote(0,
                    Tasks.text(task, BACKGROUND), Tasks.text(task, OBJECTIVES), Tasks.text(task, CONVENER),
                    ((Number) task.getVariable(PARTICIPANTS_TARGET)).intValue(),
                    ParticipantCategory.ofFormValues(task.getVariable(PARTICIPANT_CATEGORIES)),
                    Tasks.text(task, TIMING_AND_LOCATION), Tasks.text(task, DOCUMENTATION), Tasks.currentUser(task),
                    targets));
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(refused.fieldErrors().keySet().iterator().next(),
                    "'" + task.getName() + "' was not completed: " + String.join(" ", refused.fieldErrors().values()));
        }
    }
}
