package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * The one way the integration tests drive a process, as its users would: start a phase at an
 * activity (as ExpertMeetingProcess would have reached it), find a task, complete it as a user
 * of its candidate group (claimed first, as in Tasklist, with the engine told who acts, so the
 * authorization, form-validation and four-eyes rules apply), fire a due timer as a manager would
 * in Cockpit, run the asynchronous continuations, and read a variable from history.
 * Imported by {@link ConveneIntegrationTest}; autowire it.
 */
@Component
public class ProcessDriver {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final IdentityService identityService;

    ProcessDriver(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
                  HistoryService historyService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    /**
     * Registers a new meeting as staff do in Tasklist (ExpertMeetingProcess started with the code
     * as business key: a two-day meeting in Amman, {@link ExpertMeetings#firstDay()}) and returns the
     * variables ExpertMeetingProcess passes to each phase, to start a phase process on its own.
     */
    public Map<String, Object> registerMeeting(String code) {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        return ExpertMeetings.phaseVariables(runtimeService, meeting);
    }

    /** Starts {@code processKey} with the business key and variables, from its start event. */
    public ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
    }

    /** Starts {@code processKey} right before {@code activityId}, as if the process had reached it. */
    public ProcessInstance startBefore(String processKey, String businessKey, Map<String, Object> variables,
                                       String activityId) {
        return runtimeService.createProcessInstanceByKey(processKey).businessKey(businessKey)
                .setVariables(variables).startBeforeActivity(activityId).execute();
    }

    /** The one open task of the instance at {@code activityId}; fails when there is none or several. */
    public Task task(ProcessInstance instance, String activityId) {
        List<Task> tasks = tasks(instance, activityId);
        assertThat(tasks).as("open tasks at %s", activityId).hasSize(1);
        return tasks.get(0);
    }

    /**
     * The open task at {@code activityId} assigned to {@code assignee} (one reviewer's task of a
     * multi-instance); fails when there is none.
     */
    public Task task(ProcessInstance instance, String activityId, String assignee) {
        List<Task> tasks = tasks(instance, activityId).stream().filter(t -> assignee.equals(t.getAssignee())).toList();
        assertThat(tasks).as("open tasks at %s assigned to %s", activityId, assignee).hasSize(1);
        return tasks.get(0);
    }

    /** Every open task of the instance at {@code activityId} (several for a multi-instance). */
    public List<Task> tasks(ProcessInstance instance, String activityId) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .initializeFormKeys().list();
    }

    /** The groups the task is offered to, whether or not it is assigned. */
    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** A variable as the task sees it (its own, else its scope's). */
    public Object taskVariable(Task task, String name) {
        return taskService.getVariable(task.getId(), name);
    }

    /**
     * Completes the task as {@code user} does in Tasklist: claims it when it is nobody's, then
     * submits {@code values} (the form's fields), with the engine told who acts and in which
     * groups. The previous authentication, if any, is restored.
     */
    public void complete(Task task, String user, Map<String, Object> values) {
        actAs(user, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), values);
        });
    }

    /** Completes the one open task at {@code activityId} as {@code user}; see {@link #complete(Task, String, Map)}. */
    public void complete(ProcessInstance instance, String activityId, String user, Map<String, Object> values) {
        complete(task(instance, activityId), user, values);
    }

    /**
     * Completes {@code assignee}'s own open task at {@code activityId} as them (one reviewer's task
     * of a multi-instance, e.g. "Sign off draft"); see {@link #complete(Task, String, Map)}.
     */
    public void completeOwn(ProcessInstance instance, String activityId, String assignee, Map<String, Object> values) {
        complete(task(instance, activityId, assignee), assignee, values);
    }

    /**
     * What a review form submits: its {@code decision} (the form's value) and {@code comments}
     * (null when left empty), for {@link #complete(Task, String, Map)}.
     */
    public static Map<String, Object> decision(ReviewDecision decision, String comments) {
        Map<String, Object> values = new HashMap<>();
        values.put(ProcessVariables.DECISION, decision.formValue());
        values.put(ProcessVariables.COMMENTS, comments);
        return values;
    }

    /** Runs {@code action} with the engine told that {@code user} (with their groups) acts. */
    public void actAs(String user, Runnable action) {
        Authentication previous = identityService.getCurrentAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            action.run();
        } finally {
            identityService.setAuthentication(previous);
        }
    }

    /** The timer job waiting at {@code activityId} (a timer event or boundary event). */
    public Job timer(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(job).as("timer at %s", activityId).isNotNull();
        return job;
    }

    /** Fires the timer at {@code activityId} as a manager would in Cockpit; returns the due date it had. */
    public Date fireTimer(ProcessInstance instance, String activityId) {
        Job timer = timer(instance, activityId);
        managementService.executeJob(timer.getId());
        return timer.getDuedate();
    }

    /**
     * Runs the instance's asynchronous continuations (not its timers), as the job executor would,
     * until none is left; returns how many ran.
     */
    public int runAsyncJobs(ProcessInstance instance) {
        int ran = 0;
        for (List<Job> jobs = asyncJobs(instance); !jobs.isEmpty(); jobs = asyncJobs(instance)) {
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /**
     * Runs the one asynchronous continuation waiting at {@code activityId} (a save point before or
     * after it), as the job executor would; fails when there is none or several.
     */
    public void runAsyncJob(ProcessInstance instance, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .messages().list();
        assertThat(jobs).as("asynchronous continuations at %s", activityId).hasSize(1);
        managementService.executeJob(jobs.get(0).getId());
    }

    /** The value a process-level variable of the instance last had, from history (also after the instance ended). */
    public Object historicVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).findFirst().orElse(null);
    }

    /** The instances of {@code processKey} that {@code parent} called and that still run. */
    public List<ProcessInstance> called(ProcessInstance parent, String processKey) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .processDefinitionKey(processKey).list();
    }

    private List<Job> asyncJobs(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();
    }
}
