package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;

/** What the document module's task listeners read from a task: the document it works on, and a decision. */
final class DocumentTask {

    private DocumentTask() {
    }

    /**
     * The task's {@link DocumentVariables#DOCUMENT_KIND} input parameter.
     *
     * @throws IllegalStateException when the task has none (a modelling error)
     */
    static DocumentKind kind(DelegateTask task) {
        Object kind = task.getVariable(DocumentVariables.DOCUMENT_KIND);
        if (kind == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " names no "
                    + DocumentVariables.DOCUMENT_KIND + " (an input parameter)");
        }
        return DocumentKind.valueOf(kind.toString());
    }

    /** The task's {@link DocumentVariables#DOCUMENT_PART} input parameter; empty when absent. */
    static String part(DelegateTask task) {
        Object part = task.getVariable(DocumentVariables.DOCUMENT_PART);
        return part == null ? "" : part.toString();
    }

    /**
     * The decision the task's form submitted; {@code sendingBack} (return or reject) needs comments.
     *
     * @throws FormFieldValidationException when comments are missing for {@code sendingBack}, or
     *                                      the decision is none of the forms' values (a 400 for REST)
     */
    static ReviewDecision decision(DelegateTask task, ReviewDecision sendingBack) {
        String value = Tasks.decision(task, sendingBack.formValue());
        return ReviewDecision.ofFormValue(value).orElseThrow(() -> new FormFieldValidationException(
                ProcessVariables.DECISION, "'" + task.getName() + "' was not completed: the decision must be "
                + ReviewDecision.APPROVE.formValue() + " or " + sendingBack.formValue() + ", not " + value));
    }
}
