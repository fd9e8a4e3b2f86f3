package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Draft agenda": an agenda with a working group that has no rapporteur does
 * not go to the manager; the form shows why and the task stays open (the REST API answers 400).
 */
@Component("refuseIncompleteAgenda")
class RefuseIncompleteAgenda implements TaskListener {

    private final Agendas agendas;

    RefuseIncompleteAgenda(Agendas agendas) {
        this.agendas = agendas;
    }

    @Override
    public void notify(DelegateTask task) {
        refuseWithoutRapporteurs(agendas, task, PreparationProcess.AGENDA_READY,
                "Name the rapporteurs on the agenda page, then complete this task.");
    }

    /**
     * Refuses to complete the task while a working group of its meeting has no rapporteur: the form
     * shows "'Task' was not completed: working group WG2 has no rapporteur. {advice}" on {@code field}.
     */
    static void refuseWithoutRapporteurs(Agendas agendas, DelegateTask task, String field, String advice) {
        try {
            agendas.requireRapporteurs(Tasks.meetingCode(task));
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(field, "'" + task.getName() + "' was not completed: "
                    + refused.fieldErrors().get("workingGroups") + ". " + advice);
        }
    }
}
