package org.convene.workflow;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Who completed a task of a process instance, for drafts kept in place (the agenda, the participant list). */
public final class CompletedTasks {

    /** The state of a completed task ({@code TaskEntity.TaskState.STATE_COMPLETED}, whose name is not public). */
    private static final String COMPLETED = "Completed";

    private CompletedTasks() {
    }

    /**
     * The user who last completed the task {@code taskDefinitionKey} in the process instance of {@code task}:
     * the user the engine knew for that request, else the completed task's assignee. A task completed by the
     * command now running (the draft whose completion creates its approval) is found in the command itself,
     * since the engine's history of it is written only when the command ends; earlier ones in the history
     * (the user operation log; history level full).
     *
     * @param task a task of the same process instance, inside a running engine command
     * @return empty when no such task was completed, or it was completed by no known user
     */
    public static Optional<String> lastCompletedBy(DelegateTask task, String taskDefinitionKey) {
        CommandContext command = Context.getCommandContext();
        Optional<TaskEntity> justCompleted = command.getDbEntityManager().getDbEntityCache().getEntitiesByType(TaskEntity.class).stream()
                .filter(done -> taskDefinitionKey.equals(done.getTaskDefinitionKey())
                        && Objects.equals(task.getProcessInstanceId(), done.getProcessInstanceId())
                        && done.isDeleted() && COMPLETED.equals(done.getTaskState()))
                .findFirst();
        if (justCompleted.isPresent()) {
            return Optional.ofNullable(command.getAuthenticatedUserId()).or(() -> Optional.ofNullable(justCompleted.get().getAssignee()));
        }
        HistoryService history = task.getProcessEngineServices().getHistoryService();
        Optional<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(taskDefinitionKey).finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream().findFirst();
        return done.flatMap(draft -> history.createUserOperationLogQuery().taskId(draft.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
                .or(() -> Optional.ofNullable(draft.getAssignee())));
    }
}
