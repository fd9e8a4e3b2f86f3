package org.convene.framework;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** One run of SignOffProcess as the reviewers see it in Tasklist: one task each, assigned to them. */
final class SignOffRound {

    private final TaskService taskService;
    private final ProcessInstance signOff;

    SignOffRound(TaskService taskService, ProcessInstance signOff) {
        this.taskService = taskService;
        this.signOff = signOff;
    }

    /** The open "Sign off draft" tasks, by assignee. */
    Map<String, Task> openTasks() {
        Map<String, Task> byReviewer = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(signOff.getId())
                .taskDefinitionKey("Task_SignOffDraft").list()) {
            byReviewer.put(task.getAssignee(), task);
        }
        return byReviewer;
    }

    Object variable(String reviewer, String name) {
        return taskService.getVariable(openTasks().get(reviewer).getId(), name);
    }

    void approve(String reviewer) {
        sign(reviewer, "approve", null);
    }

    void reject(String reviewer, String comments) {
        sign(reviewer, "reject", comments);
    }

    private void sign(String reviewer, String decision, String comments) {
        Map<String, Object> values = new HashMap<>();
        values.put("decision", decision);
        values.put("comments", comments);
        taskService.complete(openTasks().get(reviewer).getId(), values);
    }
}
