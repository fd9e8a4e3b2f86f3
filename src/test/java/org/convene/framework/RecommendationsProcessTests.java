package org.convene.framework;

import org.convene.Offers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
 * RecommendationsProcess ("Draw up recommendations"): staff draft, the three reviewers
 * (ravi, sofia and kenji in `reviewers`) sign off in SignOffProcess; a rejection sends the
 * draft back with the reviewer's comments, and the next draft is a new version.
 */
@ConveneIntegrationTest
class RecommendationsProcessTests {

    static final String KIND = "RECOMMENDATIONS";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    DocumentRows documents;
    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        documents = new DocumentRows(jdbc);
        code = TestMeetings.newCode("RC");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        meetingVariables = ExpertMeetings.phaseVariables(runtimeService, meeting);
        instance = runtimeService.startProcessInstanceByKey("RecommendationsProcess", code, meetingVariables);
    }

    @Test
    void shouldAdoptTheRecommendationsOnceAllThreeReviewersSignThem() {
        assertThat(instance).isWaitingAt("Task_DraftRecommendations");
        assertThat(task(instance)).hasCandidateGroup("convener-staff");
        assertThat(taskService.getVariable(task(instance).getId(), "documentTitle")).isEqualTo("Recommendations");
        draft("lena", "1. Agree triggers for a collective response (WG1, Q2).");

        assertThat(instance).isWaitingAt("CallActivity_SignOffRecommendations");
        ProcessInstance signOff = calledProcessInstance("SignOffProcess", instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(runtimeService.getVariables(signOff.getId())).containsAllEntriesOf(meetingVariables)
                .containsEntry("documentVersionId", documents.versionId(code, KIND, "", 1))
                .containsEntry("reviewerGroup", "reviewers")
                .containsEntry("signOffPolicy", "ALL");
        SignOffRound round = new SignOffRound(taskService, signOff);
        assertThat(round.openTasks()).containsOnlyKeys("kenji", "ravi", "sofia");
        assertThat(round.variable("sofia", "documentTitle")).isEqualTo("Recommendations (version 1)");
        assertThat(round.variable("sofia", "draftText")).isEqualTo("1. Agree triggers for a collective response (WG1, Q2).");
        round.approve("ravi");
        round.approve("sofia");
        assertThat(instance).isWaitingAt("CallActivity_SignOffRecommendations");
        round.approve("kenji");

        assertThat(signOff).isEnded().hasPassed("ServiceTask_TallySignOffs");
        assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationsAdopted");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("recommendationsSignedOff").singleResult().getValue()).isEqualTo(true);
        assertThat(documents.versions(code, KIND, ""))
                .containsExactly(new VersionRow(1, "1. Agree triggers for a collective response (WG1, Q2).", "lena"));
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "SIGN_OFF", "approve", null, "ravi"),
                new ReviewRow(1, "SIGN_OFF", "approve", null, "sofia"),
                new ReviewRow(1, "SIGN_OFF", "approve", null, "kenji"));
    }

    @Test
    void shouldReturnARejectedDraftToItsAuthorWithTheCommentsAndSignTheNewVersion() {
        draft("lena", "First recommendations.");
        ProcessInstance firstSignOff = calledProcessInstance("SignOffProcess", instance);
        SignOffRound first = new SignOffRound(taskService, firstSignOff);
        first.approve("ravi");
        first.reject("sofia", "Recommendation 3 cites no finding.");

        assertThat(firstSignOff).isEnded();
        assertThat(first.openTasks()).as("kenji's sign-off is no longer needed").isEmpty();
        assertThat(instance).isWaitingAt("Task_DraftRecommendations");
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys("meetingCode", "meetingTitle", "meetingPlace", "meetingDates", "recommendationsSignedOff")
                .containsEntry("recommendationsSignedOff", false);
        Task redraft = task(instance);
        assertThat(redraft).as("back to its author").isAssignedTo("lena");
        assertThat(Offers.candidateGroups(taskService, redraft)).containsExactly("convener-staff");
        assertThat(taskService.getVariable(redraft.getId(), "reviewComments"))
                .isEqualTo("**sofia**: Recommendation 3 cites no finding.");
        assertThat(taskService.getVariable(redraft.getId(), "draftText")).isEqualTo("First recommendations.");
        draft("lena", "Second recommendations, each citing its findings.");

        ProcessInstance secondSignOff = calledProcessInstance("SignOffProcess", instance);
        assertThat(secondSignOff.getId()).isNotEqualTo(firstSignOff.getId());
        assertThat(runtimeService.getVariable(secondSignOff.getId(), "documentVersionId"))
                .isEqualTo(documents.versionId(code, KIND, "", 2));
        SignOffRound second = new SignOffRound(taskService, secondSignOff);
        assertThat(second.variable("kenji", "draftText")).isEqualTo("Second recommendations, each citing its findings.");
        second.approve("kenji");
        second.approve("ravi");
        second.approve("sofia");

        assertThat(instance).isEnded().hasPassed("EndEvent_RecommendationsAdopted");
        assertThat(documents.versions(code, KIND, "")).containsExactly(
                new VersionRow(1, "First recommendations.", "lena"),
                new VersionRow(2, "Second recommendations, each citing its findings.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "SIGN_OFF", "approve", null, "ravi"),
                new ReviewRow(1, "SIGN_OFF", "reject", "Recommendation 3 cites no finding.", "sofia"),
                new ReviewRow(2, "SIGN_OFF", "approve", null, "kenji"),
                new ReviewRow(2, "SIGN_OFF", "approve", null, "ravi"),
                new ReviewRow(2, "SIGN_OFF", "approve", null, "sofia"));
    }

    @Test
    void shouldRefuseARejectionWithoutCommentsAndKeepTheSignOffOpen() {
        draft("lena", "Recommendations.");
        SignOffRound round = new SignOffRound(taskService, calledProcessInstance("SignOffProcess", instance));

        assertThatThrownBy(() -> round.reject("ravi", "  "))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required when the draft goes back to its author");

        assertThat(round.openTasks()).containsOnlyKeys("kenji", "ravi", "sofia");
        assertThat(documents.reviews(code, KIND, "")).isEmpty();
    }

    private void draft(String author, String text) {
        Task task = task("Task_DraftRecommendations", instance);
        taskService.claim(task.getId(), author);
        taskService.complete(task.getId(), Map.of("draftText", text));
    }
}
