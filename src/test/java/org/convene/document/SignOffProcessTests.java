package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SignOffProcess: one document version signed off by a group or named reviewers, under the
 * policy ALL or PERCENT:nn, decided as soon as the outcome is certain; every signature and
 * rejection kept in cv_document_review.
 */
@ConveneIntegrationTest
class SignOffProcessTests {

    static final String DRAFT = "## Background paper\n\nThe international refugee regime is predicated on cooperation.";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired Documents documents;
    @Autowired JdbcClient jdbc;

    String code;
    long versionId;

    @BeforeEach
    void draftABackgroundPaper() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("SO");
        versionId = draftVersion(DRAFT);
    }

    @Test
    void shouldSignOffWhenAllThreeReviewersOfTheGroupApprove() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProcessInstance instance = signOff("ALL", null);
        Instant after = Instant.now();

        assertThat(instance).isWaitingAt("Task_SignOffDraft");
        List<Task> tasks = tasks(instance);
        assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("ravi", "sofia", "kenji");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getName()).isEqualTo("Sign off draft");
            assertThat(task.getDueDate().toInstant()).isBetween(before.plus(Duration.ofDays(5)), after.plus(Duration.ofDays(5)));
            assertThat(taskService.getVariable(task.getId(), "documentTitle")).isEqualTo("Background paper (version 1)");
            assertThat(taskService.getVariable(task.getId(), "draftText")).isEqualTo(DRAFT);
        });

        signAs("ravi", instance, "approve", "Sound analysis.");
        signAs("sofia", instance, "approve", null);
        assertThat(instance).as("still waiting for kenji").isWaitingAt("Task_SignOffDraft");
        assertThat(tasks(instance)).extracting(Task::getAssignee).containsExactly("kenji");
        signAs("kenji", instance, "approve", null);

        assertThat(instance).isEnded().hasPassedInOrder("Task_SignOffDraft", "ServiceTask_TallySignOffs", "EndEvent_SignOffCompleted");
        assertThat(processVariable(instance, "signedOff")).isEqualTo(true);
        assertThat(signatures()).extracting(r -> r.get("reviewer"), r -> r.get("decision"), r -> r.get("comments"))
                .containsExactly(tuple("ravi", "approve", "Sound analysis."),
                        tuple("sofia", "approve", null),
                        tuple("kenji", "approve", null));
    }

    @Test
    void shouldEndEarlyWithoutSignOffWhenOneReviewerRejectsUnderAll() {
        ProcessInstance instance = signOff("ALL", null);

        signAs("sofia", instance, "reject", "Section 3 misreads the 1951 Convention.");

        assertThat(instance).isEnded().hasPassed("ServiceTask_TallySignOffs");
        assertThat(processVariable(instance, "signedOff")).isEqualTo(false);
        assertThat(tasks(instance)).isEmpty();
        assertThat(historicTasks(instance)).extracting(HistoricTaskInstance::getAssignee, HistoricTaskInstance::getDeleteReason)
                .containsExactlyInAnyOrder(tuple("sofia", "completed"),
                        tuple("ravi", "deleted"),
                        tuple("kenji", "deleted"));
        assertThat(signatures()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reviewer", "sofia").containsEntry("decision", "reject")
                .containsEntry("comments", "Section 3 misreads the 1951 Convention."));
        assertThat(documents.lastComments(code, DocumentKind.BACKGROUND_PAPER, ""))
                .isEqualTo("**sofia**: Section 3 misreads the 1951 Convention.");
    }

    @Test
    void shouldSignOffAsSoonAsSixtyPercentHaveApproved() {
        ProcessInstance instance = signOff("PERCENT:60", null);

        signAs("ravi", instance, "approve", null);
        assertThat(instance).as("one of three is not yet 60 %").isWaitingAt("Task_SignOffDraft");
        signAs("kenji", instance, "approve", null);

        assertThat(instance).isEnded();
        assertThat(processVariable(instance, "signedOff")).isEqualTo(true);
        assertThat(historicTasks(instance)).filteredOn(t -> t.getAssignee().equals("sofia")).singleElement()
                .extracting(HistoricTaskInstance::getDeleteReason).isEqualTo("deleted");
        assertThat(signatures()).extracting(r -> r.get("reviewer")).containsExactly("ravi", "kenji");
    }

    @Test
    void shouldRejectUnderAPercentPolicyOnceTheNeededApprovalsCanNoLongerCome() {
        ProcessInstance instance = signOff("PERCENT:60", null);

        signAs("ravi", instance, "reject", "Too long.");
        assertThat(instance).as("two approvals can still come").isWaitingAt("Task_SignOffDraft");
        signAs("sofia", instance, "approve", null);
        assertThat(instance).as("one approval, one rejection: kenji decides").isWaitingAt("Task_SignOffDraft");
        signAs("kenji", instance, "reject", "Agree with Ravi.");

        assertThat(instance).isEnded();
        assertThat(processVariable(instance, "signedOff")).isEqualTo(false);
        assertThat(signatures()).extracting(r -> r.get("decision")).containsExactly("reject", "approve", "reject");
    }

    @Test
    void shouldRefuseARejectionWithoutCommentsAndStoreNothing() {
        ProcessInstance instance = signOff("ALL", null);

        assertThatThrownBy(() -> signAs("ravi", instance, "reject", "  "))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required");
        assertThatThrownBy(() -> signAs("ravi", instance, "maybe", "Not sure."))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be one of [approve, reject]");

        assertThat(signatures()).isEmpty();
        assertThat(tasks(instance)).hasSize(3);
        assertThat(taskService.getVariableLocal(task("ravi", instance).getId(), "decision")).isNull();
    }

    @Test
    void shouldAskOnlyTheNamedReviewersWhenReviewerIdsAreGiven() {
        ProcessInstance instance = signOff("ALL", "sofia, kenji");

        assertThat(tasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("sofia", "kenji");
        signAs("sofia", instance, "approve", null);
        assertThat(instance).isWaitingAt("Task_SignOffDraft");
        signAs("kenji", instance, "approve", null);

        assertThat(instance).isEnded();
        assertThat(processVariable(instance, "signedOff")).isEqualTo(true);
        assertThat(signatures()).extracting(r -> r.get("reviewer")).containsExactly("sofia", "kenji");
    }

    @Test
    void shouldRemindTheReviewersAfterThreeDaysAndKeepTheirTasksOpen() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProcessInstance instance = signOff("ALL", null);
        Instant after = Instant.now();
        List<String> open = tasks(instance).stream().map(Task::getId).toList();

        Job reminder = job("BoundaryEvent_SignOffReminderDue", instance);
        assertThat(reminder.getDuedate().toInstant()).isBetween(before.plus(Duration.ofDays(3)), after.plus(Duration.ofDays(3)));
        execute(reminder);
        execute(job("ServiceTask_RemindReviewers", instance));

        assertThat(instance).hasPassed("EndEvent_ReviewersReminded").isWaitingAt("Task_SignOffDraft");
        assertThat(tasks(instance)).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(open);
    }

    private ProcessInstance signOff(String policy, String reviewerIds) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "meetingCode", code, "meetingTitle", "Expert meeting on burden sharing", "meetingPlace", "Amman, Jordan",
                "meetingDates", "8–9 February 2027", "documentVersionId", versionId,
                "reviewerGroup", "reviewers", "signOffPolicy", policy));
        if (reviewerIds != null) {
            variables.put("reviewerIds", reviewerIds);
        }
        return runtimeService.startProcessInstanceByKey("SignOffProcess", code, variables);
    }

    /** The reviewer signs (or rejects) their own task, signed in as themselves, as in Tasklist. */
    private void signAs(String reviewer, ProcessInstance instance, String decision, String comments) {
        Map<String, Object> values = new HashMap<>();
        values.put("decision", decision);
        values.put("comments", comments);
        String taskId = task(reviewer, instance).getId();
        identityService.setAuthentication(reviewer, List.of("reviewers"));
        try {
            taskService.complete(taskId, values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(String assignee, ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskAssignee(assignee).singleResult();
    }

    private List<Task> tasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    }

    private List<HistoricTaskInstance> historicTasks(ProcessInstance instance) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list();
    }

    private Object processVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                .map(v -> v.getValue()).findFirst().orElse(null);
    }

    private List<Map<String, Object>> signatures() {
        return jdbc.sql("""
                select reviewer, decision, comments, task_id from cv_document_review
                where document_version_id = ? and kind = 'SIGN_OFF' order by id""")
                .param(versionId).query().listOfRows();
    }

    /** Version 1 of the meeting's background paper, as "Submit background paper draft" leaves it. */
    private long draftVersion(String text) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into cv_document (meeting_code, kind, part, title, created_at) values (?, 'BACKGROUND_PAPER', '', ?, ?)")
                .params(code, DocumentKind.BACKGROUND_PAPER.title(""), now).update();
        jdbc.sql("""
                insert into cv_document_version (document_id, version, body, author, created_at)
                select id, 1, ?, 'lena', ? from cv_document where meeting_code = ? and kind = 'BACKGROUND_PAPER'""")
                .params(text, now, code).update();
        return documents.latestVersionId(code, DocumentKind.BACKGROUND_PAPER, "");
    }
}
