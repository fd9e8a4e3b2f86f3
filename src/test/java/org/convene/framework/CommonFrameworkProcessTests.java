package org.convene.framework;

import org.convene.Offers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.DocumentRows;
import org.convene.DocumentRows.ReviewRow;
import org.convene.DocumentRows.VersionRow;
import org.convene.ExpertMeetings;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CommonFrameworkProcess ("Shape Common Framework"): staff draft, the three reviewers sign
 * off in SignOffProcess, a manager approves, and the framework is published. A rejection or
 * a manager's return sends the draft back; each new draft is a new version.
 */
@ConveneIntegrationTest
class CommonFrameworkProcessTests {

    static final String KIND = "COMMON_FRAMEWORK";
    static final String TITLE = "Common Framework on International Cooperation to Share Burden and Responsibilities";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    DocumentRows documents;
    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        documents = new DocumentRows(jdbc);
        code = TestMeetings.newCode("CF");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        meetingVariables = ExpertMeetings.phaseVariables(runtimeService, meeting);
        instance = runtimeService.startProcessInstanceByKey("CommonFrameworkProcess", code, meetingVariables);
    }

    @Test
    void shouldPublishTheFrameworkOnceSignedOffAndApproved() {
        assertThat(instance).isWaitingAt("Task_DraftCommonFramework");
        assertThat(task(instance)).hasCandidateGroup("convener-staff");
        assertThat(taskService.getVariable(task(instance).getId(), "documentTitle")).isEqualTo(TITLE);
        draft("lena", "Triggers, forms of support, actors and roles.");

        ProcessInstance signOff = calledProcessInstance("SignOffProcess", instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(runtimeService.getVariables(signOff.getId())).containsAllEntriesOf(meetingVariables)
                .containsEntry("documentVersionId", documents.versionId(code, KIND, "", 1))
                .containsEntry("reviewerGroup", "reviewers").containsEntry("signOffPolicy", "ALL");
        signByAll(signOff);

        assertThat(instance).isWaitingAt("Task_ApproveCommonFramework");
        assertThat(runtimeService.getVariable(instance.getId(), "frameworkSignedOff")).isEqualTo(true);
        assertThat(task(instance)).hasCandidateGroup("managers");
        assertThat(taskService.getVariable(task(instance).getId(), "draftText"))
                .isEqualTo("Triggers, forms of support, actors and roles.");
        decide("approve", "Approved for publication.");

        assertThat(instance).isWaitingAt("ServiceTask_PublishCommonFramework");
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys("meetingCode", "meetingTitle", "meetingPlace", "meetingDates",
                        "frameworkSignedOff", "frameworkApproved");
        assertThat(documents.publishedAt(code, KIND)).isEmpty();
        execute(job("ServiceTask_PublishCommonFramework", instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_FrameworkPublished");
        assertThat(documents.publishedAt(code, KIND)).isPresent();
        assertThat(documents.versions(code, KIND, ""))
                .containsExactly(new VersionRow(1, "Triggers, forms of support, actors and roles.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "SIGN_OFF", "approve", null, "kenji"),
                new ReviewRow(1, "SIGN_OFF", "approve", null, "ravi"),
                new ReviewRow(1, "SIGN_OFF", "approve", null, "sofia"),
                new ReviewRow(1, "REVIEW", "approve", "Approved for publication.", "grace"));
    }

    @Test
    void shouldReturnARejectedDraftToItsAuthorWithTheReviewersComments() {
        draft("omar", "First framework.");
        ProcessInstance firstSignOff = calledProcessInstance("SignOffProcess", instance);
        new SignOffRound(taskService, firstSignOff).reject("kenji", "The toolbox lacks political forms of support.");

        assertThat(firstSignOff).isEnded();
        assertThat(instance).isWaitingAt("Task_DraftCommonFramework");
        Task redraft = task(instance);
        assertThat(redraft).as("back to its author").isAssignedTo("omar");
        assertThat(Offers.candidateGroups(taskService, redraft)).containsExactly("convener-staff");
        assertThat(taskService.getVariable(redraft.getId(), "reviewComments"))
                .isEqualTo("**kenji**: The toolbox lacks political forms of support.");
        assertThat(taskService.getVariable(redraft.getId(), "draftText")).isEqualTo("First framework.");
        draft("omar", "Second framework, with political support.");

        ProcessInstance secondSignOff = calledProcessInstance("SignOffProcess", instance);
        assertThat(runtimeService.getVariable(secondSignOff.getId(), "documentVersionId"))
                .isEqualTo(documents.versionId(code, KIND, "", 2));
        signByAll(secondSignOff);

        assertThat(instance).isWaitingAt("Task_ApproveCommonFramework");
        assertThat(documents.versions(code, KIND, "")).extracting(VersionRow::version, VersionRow::author)
                .containsExactly(tuple(1, "omar"), tuple(2, "omar"));
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.version() == 1).containsExactly(
                new ReviewRow(1, "SIGN_OFF", "reject", "The toolbox lacks political forms of support.", "kenji"));
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.version() == 2)
                .extracting(ReviewRow::decision).containsExactly("approve", "approve", "approve");
    }

    @Test
    void shouldSendTheFrameworkBackOnceWhenTheManagerReturnsItThenApproveAndPublish() {
        draft("lena", "Framework for approval.");
        signByAll(calledProcessInstance("SignOffProcess", instance));
        decide("return", "Add the triggers for a collective response.");

        assertThat(instance).isWaitingAt("Task_DraftCommonFramework");
        assertThat(runtimeService.getVariable(instance.getId(), "frameworkApproved")).isEqualTo(false);
        assertThat(taskService.getVariable(task(instance).getId(), "reviewComments"))
                .isEqualTo("**grace**: Add the triggers for a collective response.");
        draft("lena", "Framework with its triggers.");

        ProcessInstance resigning = calledProcessInstance("SignOffProcess", instance);
        assertThat(runtimeService.getVariable(resigning.getId(), "documentVersionId"))
                .isEqualTo(documents.versionId(code, KIND, "", 2));
        signByAll(resigning);
        decide("approve", null);
        execute(job("ServiceTask_PublishCommonFramework", instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_FrameworkPublished");
        assertThat(documents.publishedAt(code, KIND)).isPresent();
        assertThat(documents.versions(code, KIND, "")).extracting(VersionRow::body)
                .containsExactly("Framework for approval.", "Framework with its triggers.");
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.kind().equals("REVIEW")).containsExactly(
                new ReviewRow(1, "REVIEW", "return", "Add the triggers for a collective response.", "grace"),
                new ReviewRow(2, "REVIEW", "approve", null, "grace"));
    }

    private void signByAll(ProcessInstance signOff) {
        SignOffRound round = new SignOffRound(taskService, signOff);
        assertThat(round.openTasks()).containsOnlyKeys("kenji", "ravi", "sofia");
        round.approve("kenji");
        round.approve("ravi");
        round.approve("sofia");
        assertThat(signOff).isEnded();
    }

    private void draft(String author, String text) {
        Task task = task("Task_DraftCommonFramework", instance);
        taskService.claim(task.getId(), author);
        taskService.complete(task.getId(), Map.of("draftText", text));
    }

    private void decide(String decision, String comments) {
        Task task = task("Task_ApproveCommonFramework", instance);
        taskService.claim(task.getId(), "grace");
        Map<String, Object> values = new HashMap<>();
        values.put("decision", decision);
        values.put("comments", comments);
        taskService.complete(task.getId(), values);
    }
}
