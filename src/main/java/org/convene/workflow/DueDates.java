package org.convene.workflow;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Counts the due dates of a meeting's open user tasks and timers again from their BPMN, after
 * what they are counted from moved (the meeting's timeline, its first day or time zone). A user
 * task whose {@code camunda:dueDate} is an expression ({@code ${meetingTimeline.dueAt(meetingCode,
 * 'AGENDA_APPROVED')}}) gets the date the expression gives now; a task with a fixed period
 * ({@code P3D}, counted from its creation) or none keeps its own. Every timer job is recounted by
 * the engine ({@code ManagementService#recalculateJobDuedate}, durations from the job's creation,
 * dates from their expressions). Runs in the caller's transaction, unchecked by authorizations
 * (the product's own rule, not the caller's action on the tasks).
 */
@Component
public class DueDates {

    /** How many tasks and timers were counted again, and how many of them moved. */
    public record Recounted(int tasks, int tasksMoved, int timers, int timersMoved) {
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    DueDates(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
             IdentityService identityService, ProcessEngineConfiguration configuration) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    /**
     * Recounts the due dates of every running process of the meeting (its process instances have the
     * meeting's code as business key).
     *
     * @param meetingCode the meeting's code
     * @return what was counted again; zeros when nothing of the meeting runs
     */
    public Recounted recount(String meetingCode) {
        return SystemAuthentication.asSystem(identityService, () -> {
            int tasks = 0;
            int tasksMoved = 0;
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(meetingCode).list()) {
                tasks++;
                if (recountTask(task.getId())) {
                    tasksMoved++;
                }
            }
            int timers = 0;
            int timersMoved = 0;
            List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(meetingCode).list();
            for (ProcessInstance instance : running) {
                for (Job timer : managementService.createJobQuery().timers().processInstanceId(instance.getId()).list()) {
                    timers++;
                    managementService.recalculateJobDuedate(timer.getId(), true);
                    Date after = managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate();
                    if (after.getTime() != timer.getDuedate().getTime()) {
                        timersMoved++;
                    }
                }
            }
            return new Recounted(tasks, tasksMoved, timers, timersMoved);
        });
    }

    /** Evaluates the task's due-date expression again; true when the due date moved. */
    private boolean recountTask(String taskId) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            Expression due = task == null || task.getTaskDefinition() == null ? null
                    : task.getTaskDefinition().getDueDateExpression();
            if (due == null || !due.getExpressionText().contains("${")) {
                return false;
            }
            Object value = due.getValue(task);
            if (!(value instanceof Date date) || (task.getDueDate() != null && date.getTime() == task.getDueDate().getTime())) {
                return false;
            }
            task.setDueDate(date);
            return true;
        });
    }
}
