package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.convene.ProcessDriver.decision;
import static org.convene.document.ReviewKind.SIGN_OFF;
import static org.convene.document.SignOffProcess.SERVICE_TASK_TALLY_SIGN_OFFS;
import static org.convene.document.SignOffProcess.TASK_SIGN_OFF_DRAFT;
import static org.convene.framework.RecommendationsProcess.CALL_ACTIVITY_SIGN_OFF_RECOMMENDATIONS;
import static org.convene.framework.RecommendationsProcess.END_EVENT_RECOMMENDATIONS_ADOPTED;
import static org.convene.framework.RecommendationsProcess.RECOMMENDATIONS_SIGNED_OFF;
import static org.convene.framework.RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS;
import static org.convene.workflow.ReviewDecision.APPROVE;
import static org.convene.workflow.ReviewDecision.REJECT;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.DocumentRows;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.document.SignOffPolicy;
import org.convene.document.SignOffProcess;
import org.convene.identity.ConveneGroups;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RecommendationsProcess ("Draw up recommendations"): staff draft, the three reviewers
 * (ravi, sofia and kenji in `reviewers`) sign off in SignOffProcess; a rejection sends the
 * draft back with the reviewer's comments, and the next draft is a new version.
 */
@ConveneIntegrationTest
class RecommendationsProcessTests {

    static final DocumentKind KIND = DocumentKind.RECOMMENDATIONS;

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired Documents documents;
    @Autowired Recommendations recommendations;
    @Autowired WorkingGroupReports reports;

    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("RC");
        meetingVariables = driver.registerMeeting(code);
        FrameworkSamples.reports(reports, code);
        instance = driver.start(RecommendationsProcess.ID, code, meetingVariables);
    }

    @Test
    void shouldAdoptTheRecommendationsOnceAllThreeReviewersSignThem() {
        assertThat(instance).isWaitingAt(TASK_DRAFT_RECOMMENDATIONS);
        Task draft = driver.task(instance, TASK_DRAFT_RECOMMENDATIONS);
        assertThat(draft).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(draft, DocumentVariables.DOCUMENT_TITLE)).isEqualTo("Recommendations");
        assertThat(driver.taskVariable(draft, RecommendationsProcess.RECOMMENDATIONS_SUMMARY)).isEqualTo("None entered yet.");
        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_RECOMMENDATIONS, "lena",
                Map.of(RecommendationsProcess.RECOMMENDATIONS_READY, true)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("has no recommendation yet");
        assertThat(instance).isWaitingAt(TASK_DRAFT_RECOMMENDATIONS);
        assertThat(documents.versions(code, KIND, "")).isEmpty();
        draft("lena", "Agree triggers for a collective response.");

        assertThat(instance).isWaitingAt(CALL_ACTIVITY_SIGN_OFF_RECOMMENDATIONS);
        ProcessInstance signOff = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(runtimeService.getVariables(signOff.getId())).containsAllEntriesOf(meetingVariables)
                .containsEntry(DocumentVariables.DOCUMENT_VERSION_ID, versionId(1))
                .containsEntry(SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS)
                .containsEntry(SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString());
        assertThat(driver.tasks(signOff, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("kenji", "ravi", "sofia");
        Task sofias = driver.task(signOff, TASK_SIGN_OFF_DRAFT, "sofia");
        assertThat(driver.taskVariable(sofias, DocumentVariables.DOCUMENT_TITLE)).isEqualTo("Recommendations (version 1)");
        assertThat((String) driver.taskVariable(sofias, DocumentVariables.DRAFT_TEXT))
                .contains("R1", "Agree triggers for a collective response.", "WG1-F3", "Working Group 1, question 5",
                        "Agree triggers for a collective response in advance.");
        driver.completeOwn(signOff, TASK_SIGN_OFF_DRAFT, "ravi", decision(APPROVE, null));
        driver.completeOwn(signOff, TASK_SIGN_OFF_DRAFT, "sofia", decision(APPROVE, null));
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_SIGN_OFF_RECOMMENDATIONS);
        driver.completeOwn(signOff, TASK_SIGN_OFF_DRAFT, "kenji", decision(APPROVE, null));

        assertThat(signOff).isEnded().hasPassed(SERVICE_TASK_TALLY_SIGN_OFFS);
        assertThat(instance).isEnded().hasPassed(END_EVENT_RECOMMENDATIONS_ADOPTED);
        assertThat(driver.historicVariable(instance, RECOMMENDATIONS_SIGNED_OFF)).isEqualTo(true);
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::body, Documents.Version::author)
                .containsExactly(tuple(recommendations.markdown(code), "lena"));
        assertThat(recommendations.editable(code)).as("signed off, they stay as signed").isFalse();
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review).containsExactly(
                tuple(1, SIGN_OFF, APPROVE, null, "ravi"),
                tuple(1, SIGN_OFF, APPROVE, null, "sofia"),
                tuple(1, SIGN_OFF, APPROVE, null, "kenji"));
    }

    @Test
    void shouldReturnARejectedDraftToItsAuthorWithTheCommentsAndSignTheNewVersion() {
        draft("lena", "First recommendations.");
        ProcessInstance firstSignOff = calledProcessInstance(SignOffProcess.ID, instance);
        driver.completeOwn(firstSignOff, TASK_SIGN_OFF_DRAFT, "ravi", decision(APPROVE, null));
        driver.completeOwn(firstSignOff, TASK_SIGN_OFF_DRAFT, "sofia", decision(REJECT, "Recommendation 3 cites no finding."));

        assertThat(firstSignOff).isEnded();
        assertThat(driver.tasks(firstSignOff, TASK_SIGN_OFF_DRAFT)).as("kenji's sign-off is no longer needed").isEmpty();
        assertThat(instance).isWaitingAt(TASK_DRAFT_RECOMMENDATIONS);
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys(ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                        ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES, RECOMMENDATIONS_SIGNED_OFF)
                .containsEntry(RECOMMENDATIONS_SIGNED_OFF, false);
        Task redraft = driver.task(instance, TASK_DRAFT_RECOMMENDATIONS);
        assertThat(redraft).as("back to its author").isAssignedTo("lena");
        assertThat(driver.candidateGroups(redraft)).containsExactly(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(redraft, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**sofia**: Recommendation 3 cites no finding.");
        assertThat(driver.taskVariable(redraft, RecommendationsProcess.RECOMMENDATIONS_SUMMARY))
                .isEqualTo("1 recommendation citing 1 finding");
        assertThat(recommendations.editable(code)).as("a rejection opens them again").isTrue();
        draft("lena", "Second recommendations, each citing its findings.");

        ProcessInstance secondSignOff = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(secondSignOff.getId()).isNotEqualTo(firstSignOff.getId());
        assertThat(runtimeService.getVariable(secondSignOff.getId(), DocumentVariables.DOCUMENT_VERSION_ID))
                .isEqualTo(versionId(2));
        assertThat((String) driver.taskVariable(driver.task(secondSignOff, TASK_SIGN_OFF_DRAFT, "kenji"),
                DocumentVariables.DRAFT_TEXT)).contains("Second recommendations, each citing its findings.");
        driver.completeOwn(secondSignOff, TASK_SIGN_OFF_DRAFT, "kenji", decision(APPROVE, null));
        driver.completeOwn(secondSignOff, TASK_SIGN_OFF_DRAFT, "ravi", decision(APPROVE, null));
        driver.completeOwn(secondSignOff, TASK_SIGN_OFF_DRAFT, "sofia", decision(APPROVE, null));

        assertThat(instance).isEnded().hasPassed(END_EVENT_RECOMMENDATIONS_ADOPTED);
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::version, Documents.Version::author)
                .containsExactly(tuple(1, "lena"), tuple(2, "lena"));
        assertThat(documents.versions(code, KIND, "").get(0).body()).contains("First recommendations.");
        assertThat(documents.versions(code, KIND, "").get(1).body()).contains("Second recommendations, each citing its findings.");
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review).containsExactly(
                tuple(1, SIGN_OFF, APPROVE, null, "ravi"),
                tuple(1, SIGN_OFF, REJECT, "Recommendation 3 cites no finding.", "sofia"),
                tuple(2, SIGN_OFF, APPROVE, null, "kenji"),
                tuple(2, SIGN_OFF, APPROVE, null, "ravi"),
                tuple(2, SIGN_OFF, APPROVE, null, "sofia"));
    }

    @Test
    void shouldRefuseARejectionWithoutCommentsAndKeepTheSignOffOpen() {
        draft("lena", "Recommendations.");
        ProcessInstance signOff = calledProcessInstance(SignOffProcess.ID, instance);

        assertThatThrownBy(() -> driver.completeOwn(signOff, TASK_SIGN_OFF_DRAFT, "ravi", decision(REJECT, "  ")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required when the draft goes back to its author");

        assertThat(driver.tasks(signOff, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("kenji", "ravi", "sofia");
        assertThat(documents.reviews(code, KIND, "")).isEmpty();
    }

    /** Staff enter one recommendation (citing WG1-F3) on its page, then complete "Draft recommendations". */
    private void draft(String author, String text) {
        recommendations.replace(code, java.util.List.of(FrameworkSamples.recommendation(text, 3, null, "WG1-F3")), author);
        driver.complete(instance, TASK_DRAFT_RECOMMENDATIONS, author, Map.of(RecommendationsProcess.RECOMMENDATIONS_READY, true));
    }

    private long versionId(int version) {
        return documents.versions(code, KIND, "").get(version - 1).id();
    }
}
