package org.convene.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Moves a demo meeting forward the way its users would: each open task is completed by a
 * demo user of the task's group, with plausible values, and due jobs are executed, until the
 * meeting waits at the task named. Used only to seed meetings at other stages.
 */
@Component
class DemoProgress {

    private static final Map<String, String> USER_OF_GROUP = Map.of(
            "convener-staff", "lena", "managers", "grace", "reviewers", "ravi");

    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    DemoProgress(TaskService taskService, ManagementService managementService, IdentityService identityService,
                 RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /** Works tasks and due jobs of the meeting until a task with this definition key is open. */
    void advance(String meetingCode, String untilTaskKey) {
        for (int step = 0; step < 500; step++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(meetingCode)
                    .orderByTaskCreateTime().asc().list();
            if (tasks.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(untilTaskKey))) {
                return;
            }
            if (!tasks.isEmpty()) {
                complete(tasks.get(0));
            } else if (!runDueJobs(meetingCode)) {
                break;
            }
        }
        throw new IllegalStateException("Demo meeting " + meetingCode + " did not reach " + untilTaskKey);
    }

    /** Tasks first, then jobs: people answer before the reply deadline of a meeting in the past passes. */
    private boolean runDueJobs(String meetingCode) {
        List<Job> due = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(meetingCode).list()
                .stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
                        .executable().list().stream())
                .toList();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return !due.isEmpty();
    }

    private void complete(Task task) {
        String user = task.getAssignee() != null ? task.getAssignee()
                : taskService.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(USER_OF_GROUP::containsKey)
                        .map(USER_OF_GROUP::get).findFirst().orElse("lena");
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            taskService.complete(task.getId(), valuesFor(task));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Map<String, Object> valuesFor(Task task) {
        Map<String, Object> values = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case "Task_DraftConceptNote", "Task_ReviseConceptNote" -> {
                // the seeded draft is kept as it is
                taskService.getVariables(task.getId(), List.of("background", "objectives", "convener",
                        "participantsTarget", "timingAndLocation", "documentation")).forEach(values::put);
                values.put("participantCategories", Spin.JSON(List.of("GOV", "IO", "REG", "NGO", "ACA")));
            }
            case "Task_DraftAgenda" -> values.put("agendaReady", true);
            case "Task_CompileParticipantList" -> values.put("listReady", true);
            case "Task_RecordReply" -> {
                values.put("reply", "accept");
                values.put("replyChannel", "email");
            }
            case "Task_InviteReplacement" -> values.put("replacementId", "none");
            case "Task_CommissionBackgroundPaper" -> {
                values.put("paperAuthor", "Prof. Daniel Reyes");
                values.put("paperBrief", "International cooperation to share burden and responsibilities: "
                        + "past arrangements, their elements and lessons.");
                values.put("paperDueDate", LocalDate.now().plusWeeks(3).toString());
            }
            case "Task_CirculateDocumentationPack" -> values.put("packCirculated", true);
            case "Task_RecordAttendance" -> values.put("attendanceCount", 23);
            case "Task_ApproveAgenda", "Task_ApproveParticipantList", "Task_ReviewConceptNote",
                 "Task_ValidateWorkingGroupReport", "Task_SignOffDraft", "Task_ReviewSummaryConclusions",
                 "Task_ApproveSummaryConclusions", "Task_ApproveCommonFramework" -> values.put("decision", "approve");
            default -> values.put("draftText", draftFor(task));
        }
        return values;
    }

    private static String draftFor(Task task) {
        return "## " + task.getName() + "\n\n"
                + "Examples discussed: ICARA I (1981) and ICARA II (1984); the Comprehensive Plan of Action for "
                + "Indochinese Refugees (1988-1996); CIREFCA (1987-1994).\n\n"
                + "What worked: broad ownership by the States of the region with support from outside it; "
                + "predictable funding. Challenges: burden shifting, short-term commitments. "
                + "Lessons: agree triggers for collective response in advance.";
    }
}
