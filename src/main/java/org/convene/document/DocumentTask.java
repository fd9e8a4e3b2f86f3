package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** What the document module's task listeners read from a task: the document it works on. */
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
}
