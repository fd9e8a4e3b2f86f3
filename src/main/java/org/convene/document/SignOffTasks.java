package org.convene.document;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The open "Sign off draft" tasks of a sign-off, for its delegates: who holds one, moving their
 * due date, handing one to a replacement. The engine's part of the escalation; the record of it
 * is {@link SignOffEscalation}'s. The process changes its own tasks here as it created them, on
 * the task entities of the running command: Convene's check of the changes people make through
 * the task service ({@code workflow/TaskAssignmentGuard}: a sign-off task stays with the user it
 * names) is for people, not for the process.
 */
final class SignOffTasks {

    private SignOffTasks() {
    }

    /** The reviewers with an open task (assignee → task id), in the order created. */
    static Map<String, String> open(DelegateExecution execution) {
        Map<String, String> open = new LinkedHashMap<>();
        execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(SignOffProcess.TASK_SIGN_OFF_DRAFT)
                .orderByTaskCreateTime().asc().list()
                .forEach(task -> open.put(task.getAssignee(), task.getId()));
        return open;
    }

    /** Moves every open reviewer's task to the new due date (the process does it, as it set the first). */
    static void moveDueDates(DelegateExecution execution, Date dueAt) {
        for (String taskId : open(execution).values()) {
            Context.getCommandContext().getTaskManager().findTaskById(taskId).setDueDate(dueAt);
        }
    }

    /** Hands {@code replaced}'s open task to {@code replacement}; the element variable {@link SignOffProcess#REVIEWER} follows. */
    static void handOver(DelegateExecution execution, String replaced, String replacement) {
        String taskId = open(execution).get(replaced);
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        task.setAssignee(replacement);
        task.getExecution().setVariableLocal(SignOffProcess.REVIEWER, replacement);
    }
}
