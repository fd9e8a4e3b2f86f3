package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.convene.ProcessDriver.decision;
import static org.convene.document.ReviewKind.REVIEW;
import static org.convene.document.ReviewKind.SIGN_OFF;
import static org.convene.document.SignOffProcess.TASK_SIGN_OFF_DRAFT;
import static org.convene.framework.CommonFrameworkProcess.END_EVENT_FRAMEWORK_PUBLISHED;
import static org.convene.framework.CommonFrameworkProcess.FRAMEWORK_APPROVED;
import static org.convene.framework.CommonFrameworkProcess.FRAMEWORK_SIGNED_OFF;
import static org.convene.framework.CommonFrameworkProcess.SERVICE_TASK_PUBLISH_COMMON_FRAMEWORK;
import static org.convene.framework.CommonFrameworkProcess.TASK_APPROVE_COMMON_FRAMEWORK;
import static org.convene.framework.CommonFrameworkProcess.TASK_DRAFT_COMMON_FRAMEWORK;
import static org.convene.workflow.ReviewDecision.APPROVE;
import static org.convene.workflow.ReviewDecision.REJECT;
import static org.convene.workflow.ReviewDecision.RETURN;

import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CommonFrameworkProcess ("Shape Common Framework"): staff draft, the three reviewers sign
 * off in SignOffProcess, a manager approves, and the framework is published. A rejection or
 * a manager's return sends the draft back; each new draft is a new version.
 */
@ConveneIntegrationTest
class CommonFrameworkProcessTests {

    static final DocumentKind KIND = DocumentKind.COMMON_FRAMEWORK;
    static final String TITLE = "Common Framework on International Cooperation to Share Burden and Responsibilities";

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired Documents documents;
    @Autowired WorkingGroupReports reports;
    @Autowired Recommendations recommendations;
    @Autowired CommonFramework framework;

    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("CF");
        meetingVariables = driver.registerMeeting(code);
        FrameworkSamples.reports(reports, code);
        recommendations.replace(code, FrameworkSamples.recommendations(), "lena");
        instance = driver.start(CommonFrameworkProcess.ID, code, meetingVariables);
    }

    @Test
    void shouldPublishTheFrameworkOnceSignedOffAndApproved() {
        assertThat(instance).isWaitingAt(TASK_DRAFT_COMMON_FRAMEWORK);
        Task draft = driver.task(instance, TASK_DRAFT_COMMON_FRAMEWORK);
        assertThat(draft).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(draft, DocumentVariables.DOCUMENT_TITLE)).isEqualTo(TITLE);
        assertThat(driver.taskVariable(draft, CommonFrameworkProcess.FRAMEWORK_SUMMARY)).isEqualTo("Nothing entered yet.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_COMMON_FRAMEWORK, "lena",
                Map.of(CommonFrameworkProcess.FRAMEWORK_READY, true)))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessageContaining("has no element yet");
        draft("lena", "Triggers, forms of support, actors and roles.");

        ProcessInstance signOff = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(runtimeService.getVariables(signOff.getId())).containsAllEntriesOf(meetingVariables)
                .containsEntry(DocumentVariables.DOCUMENT_VERSION_ID, versionId(1))
                .containsEntry(SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS)
                .containsEntry(SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString());
        signByAll(signOff);

        assertThat(instance).isWaitingAt(TASK_APPROVE_COMMON_FRAMEWORK);
        assertThat(runtimeService.getVariable(instance.getId(), FRAMEWORK_SIGNED_OFF)).isEqualTo(true);
        Task approval = driver.task(instance, TASK_APPROVE_COMMON_FRAMEWORK);
        assertThat(approval).hasCandidateGroup(ConveneGroups.MANAGERS);
        assertThat((String) driver.taskVariable(approval, DocumentVariables.DRAFT_TEXT))
                .contains("Triggers, forms of support, actors and roles.", "R1", "WG1-F3");
        assertThat(framework.editable(code)).as("signed off, with the manager").isFalse();
        decide(APPROVE, "Approved for publication.");

        assertThat(instance).isWaitingAt(SERVICE_TASK_PUBLISH_COMMON_FRAMEWORK);
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys(ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                        ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES,
                        FRAMEWORK_SIGNED_OFF, FRAMEWORK_APPROVED);
        assertThat(publishedAt()).isNull();
        assertThat(driver.runAsyncJobs(instance)).isEqualTo(1);

        assertThat(instance).isEnded().hasPassed(END_EVENT_FRAMEWORK_PUBLISHED);
        assertThat(publishedAt()).isNotNull();
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::body, Documents.Version::author)
                .containsExactly(tuple(framework.markdown(code), "lena"));
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review).containsExactly(
                tuple(1, SIGN_OFF, APPROVE, null, "kenji"),
                tuple(1, SIGN_OFF, APPROVE, null, "ravi"),
                tuple(1, SIGN_OFF, APPROVE, null, "sofia"),
                tuple(1, REVIEW, APPROVE, "Approved for publication.", "grace"));
    }

    @Test
    void shouldReturnARejectedDraftToItsAuthorWithTheReviewersComments() {
        draft("omar", "First framework.");
        ProcessInstance firstSignOff = calledProcessInstance(SignOffProcess.ID, instance);
        driver.completeOwn(firstSignOff, TASK_SIGN_OFF_DRAFT, "kenji",
                decision(REJECT, "The toolbox lacks political forms of support."));

        assertThat(firstSignOff).isEnded();
        assertThat(instance).isWaitingAt(TASK_DRAFT_COMMON_FRAMEWORK);
        Task redraft = driver.task(instance, TASK_DRAFT_COMMON_FRAMEWORK);
        assertThat(redraft).as("back to its author").isAssignedTo("omar");
        assertThat(driver.candidateGroups(redraft)).containsExactly(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(redraft, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**kenji**: The toolbox lacks political forms of support.");
        assertThat(driver.taskVariable(redraft, CommonFrameworkProcess.FRAMEWORK_SUMMARY))
                .isEqualTo("0 understandings and 1 toolbox element");
        draft("omar", "Second framework, with political support.");

        ProcessInstance secondSignOff = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(runtimeService.getVariable(secondSignOff.getId(), DocumentVariables.DOCUMENT_VERSION_ID))
                .isEqualTo(versionId(2));
        signByAll(secondSignOff);

        assertThat(instance).isWaitingAt(TASK_APPROVE_COMMON_FRAMEWORK);
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::version, Documents.Version::author)
                .containsExactly(tuple(1, "omar"), tuple(2, "omar"));
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.version() == 1)
                .extracting(DocumentRows::review)
                .containsExactly(tuple(1, SIGN_OFF, REJECT, "The toolbox lacks political forms of support.", "kenji"));
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.version() == 2)
                .extracting(Documents.Review::decision).containsExactly(APPROVE, APPROVE, APPROVE);
    }

    @Test
    void shouldSendTheFrameworkBackOnceWhenTheManagerReturnsItThenApproveAndPublish() {
        draft("lena", "Framework for approval.");
        signByAll(calledProcessInstance(SignOffProcess.ID, instance));
        decide(RETURN, "Add the triggers for a collective response.");

        assertThat(instance).isWaitingAt(TASK_DRAFT_COMMON_FRAMEWORK);
        assertThat(runtimeService.getVariable(instance.getId(), FRAMEWORK_APPROVED)).isEqualTo(false);
        assertThat(driver.taskVariable(driver.task(instance, TASK_DRAFT_COMMON_FRAMEWORK), DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**grace**: Add the triggers for a collective response.");
        draft("lena", "Framework with its triggers.");

        ProcessInstance resigning = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(runtimeService.getVariable(resigning.getId(), DocumentVariables.DOCUMENT_VERSION_ID))
                .isEqualTo(versionId(2));
        signByAll(resigning);
        decide(APPROVE, null);
        driver.runAsyncJobs(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_FRAMEWORK_PUBLISHED);
        assertThat(publishedAt()).isNotNull();
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::body)
                .satisfiesExactly(first -> assertThat(first).contains("Framework for approval."),
                        second -> assertThat(second).contains("Framework with its triggers."));
        assertThat(documents.reviews(code, KIND, "")).filteredOn(review -> review.kind() == REVIEW)
                .extracting(DocumentRows::review).containsExactly(
                        tuple(1, REVIEW, RETURN, "Add the triggers for a collective response.", "grace"),
                        tuple(2, REVIEW, APPROVE, null, "grace"));
    }

    private void signByAll(ProcessInstance signOff) {
        assertThat(driver.tasks(signOff, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("kenji", "ravi", "sofia");
        for (String reviewer : new String[] {"kenji", "ravi", "sofia"}) {
            driver.completeOwn(signOff, TASK_SIGN_OFF_DRAFT, reviewer, decision(APPROVE, null));
        }
        assertThat(signOff).isEnded();
    }

    /** Staff enter one trigger resting on R1 on the framework page, then complete "Draft Common Framework". */
    private void draft(String author, String text) {
        framework.replace(code, java.util.List.of(new FrameworkElementDraft(null, "TRIGGER", "Mass influx", text, null, null,
                null, false, java.util.List.of("R1"))), author);
        driver.complete(instance, TASK_DRAFT_COMMON_FRAMEWORK, author, Map.of(CommonFrameworkProcess.FRAMEWORK_READY, true));
    }

    private void decide(ReviewDecision decision, String comments) {
        driver.complete(instance, TASK_APPROVE_COMMON_FRAMEWORK, "grace", decision(decision, comments));
    }

    private long versionId(int version) {
        return documents.versions(code, KIND, "").get(version - 1).id();
    }

    private OffsetDateTime publishedAt() {
        return documents.find(code, KIND, "").map(Documents.Document::publishedAt).orElse(null);
    }
}
