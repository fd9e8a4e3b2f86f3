package org.convene.document;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.document.SignOffProcess.Escalation;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Resolve overdue sign-off": checks the manager's resolution (a wrong value
 * refuses the completion: 400 from the REST API, nothing stored) and leaves it for the steps after
 * the task: the choice for the gateway, and what the chosen step needs.
 */
@Component("overdueSignOffResolved")
class OverdueSignOffResolvedListener implements TaskListener {

    private static final List<String> FIELDS = List.of(Escalation.RESOLUTION, Escalation.DECISION, Escalation.COMMENTS,
            Escalation.NEW_DUE_DATE, Escalation.MISSING_REVIEWER, Escalation.REPLACEMENT);

    private final SignOffEscalation escalation;

    OverdueSignOffResolvedListener(SignOffEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, String> fields = new HashMap<>();
        FIELDS.forEach(field -> {
            String value = Tasks.text(task, field);
            if (value != null && !value.isEmpty()) {
                fields.put(field, value);
            }
        });
        String manager = Tasks.currentUser(task);
        SignOffEscalation.Resolution resolution;
        try {
            resolution = escalation.check(((Number) task.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue(),
                    (String) task.getVariable(SignOffProcess.REVIEWER_GROUP), manager, fields);
        } catch (ChangeRefused refused) {
            throw new FormFieldValidationException(List.copyOf(refused.fieldErrors().values()),
                    "'" + task.getName() + "' was not completed: " + String.join("; ", refused.fieldErrors().values()));
        }
        var process = task.getExecution().getProcessInstance();
        process.setVariable(Escalation.CHOSEN, resolution.choice().formValue());
        process.setVariable(Escalation.RESOLVED_BY, manager);
        process.setVariable(Escalation.DECISION_FOR_MISSING,
                resolution.decision() == null ? null : resolution.decision().formValue());
        process.setVariable(Escalation.COMMENTS_FOR_MISSING, resolution.comments());
        process.setVariable(Escalation.REPLACED, resolution.replaced());
        process.setVariable(Escalation.REPLACED_BY, resolution.replacement());
        if (resolution.dueAt() != null) {
            process.setVariable(SignOffProcess.DUE_AT, Date.from(resolution.dueAt()));
        }
    }
}
