package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.document.SignOffProcess.END_EVENT_SIGN_OFF_COMPLETED;
import static org.convene.document.SignOffProcess.SERVICE_TASK_TALLY_SIGN_OFFS;
import static org.convene.document.SignOffProcess.SIGNED_OFF;
import static org.convene.document.SignOffProcess.TASK_SIGN_OFF_DRAFT;
import static org.convene.workflow.ReviewDecision.APPROVE;
import static org.convene.workflow.ReviewDecision.REJECT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * SignOffProcess: one document version signed off by a group or named reviewers, under the
 * policy ALL or PERCENT:nn, decided as soon as the outcome is certain; every signature and
 * rejection kept by the document module and announced.
 */
@ConveneIntegrationTest
@RecordApplicationEvents
class SignOffProcessTests {

    static final String DRAFT = "## Background paper\n\nThe international refugee regime is predicated on cooperation.";
    static final DocumentKind KIND = DocumentKind.BACKGROUND_PAPER;
    static final SignOffPolicy SIXTY_PERCENT = new SignOffPolicy(60);
    /** Five named reviewers (not the author, lena). */
    static final String FIVE = "ravi, sofia, kenji, grace, omar";

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired Documents documents;
    @Autowired SignOff signOff;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired ApplicationEvents events;

    String code;
    long versionId;

    @BeforeEach
    void draftABackgroundPaper() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("SO");
        versionId = documents.saveDraft(code, KIND, "", DRAFT, "lena", null).id();
    }

    @Test
    void shouldSignOffWhenAllThreeReviewersOfTheGroupApprove() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProcessInstance instance = signOff(SignOffPolicy.ALL, null);
        Instant after = Instant.now();

        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_DRAFT);
        List<Task> tasks = driver.tasks(instance, TASK_SIGN_OFF_DRAFT);
        assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("ravi", "sofia", "kenji");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getName()).isEqualTo("Sign off draft");
            assertThat(task.getDueDate().toInstant()).isBetween(before.plus(Duration.ofDays(5)), after.plus(Duration.ofDays(5)));
            assertThat(driver.taskVariable(task, DocumentVariables.DOCUMENT_TITLE)).isEqualTo("Background paper (version 1)");
            assertThat(driver.taskVariable(task, DocumentVariables.DRAFT_TEXT)).isEqualTo(DRAFT);
        });

        sign("ravi", instance, APPROVE, "Sound analysis.");
        sign("sofia", instance, APPROVE, null);
        assertThat(instance).as("still waiting for kenji").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee).containsExactly("kenji");
        sign("kenji", instance, APPROVE, null);

        assertThat(instance).isEnded()
                .hasPassedInOrder(TASK_SIGN_OFF_DRAFT, SERVICE_TASK_TALLY_SIGN_OFFS, END_EVENT_SIGN_OFF_COMPLETED);
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(signatures()).extracting(Documents.Review::reviewer, Documents.Review::decision, Documents.Review::comments)
                .containsExactly(tuple("ravi", APPROVE, "Sound analysis."),
                        tuple("sofia", APPROVE, null),
                        tuple("kenji", APPROVE, null));
    }

    @Test
    void shouldRecordWhoWasAskedAndEachSignatureWithTheSha256OfTheContentSigned() throws Exception {
        long documentId = documents.version(versionId).documentId();
        ProcessInstance instance = signOff(SignOffPolicy.ALL, null);

        assertThat(signOff.askedFor(versionId)).extracting(Documents.Asked::reviewer, Documents.Asked::replaces)
                .containsExactlyInAnyOrder(tuple("ravi", null), tuple("sofia", null), tuple("kenji", null));
        assertThat(signOff.asked(documentId, "sofia")).isTrue();
        assertThat(signOff.asked(documentId, "lena")).as("the author, left out").isFalse();
        assertThat(signOff.asked(documentId, "guest")).isFalse();
        assertThat(signOff.signatures(versionId)).isEmpty();

        sign("kenji", instance, APPROVE, null);
        sign("ravi", instance, APPROVE, "Sound analysis.");
        sign("sofia", instance, APPROVE, null);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DRAFT.getBytes(StandardCharsets.UTF_8)));
        assertThat(signOff.signatures(versionId))
                .extracting(SignOff.Signature::reviewer, SignOff.Signature::version, SignOff.Signature::sha256,
                        SignOff.Signature::decidedBy)
                .containsExactly(tuple("kenji", 1, sha256, null), tuple("ravi", 1, sha256, null), tuple("sofia", 1, sha256, null));
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::reviewerName).doesNotContainNull()
                .doesNotContain("kenji", "ravi", "sofia");
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::signedAt)
                .containsExactlyElementsOf(signatures().stream().map(Documents.Review::reviewedAt).toList());
    }

    @Test
    void shouldHaveThePostgreSqlDatabaseRefuseToChangeASignedVersionOrItsSignatures() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, "sofia");
        sign("sofia", instance, APPROVE, null);
        assertThat(signOff.signatures(versionId)).hasSize(1);

        assertThatThrownBy(() -> jdbc.sql("update cv_document_version set body = ? where id = ?")
                .params("Quietly changed.", versionId).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("Version 1 of document " + documents.version(versionId).documentId()
                        + " is signed and cannot change");
        assertThatThrownBy(() -> jdbc.sql("delete from cv_document_version where id = ?").param(versionId).update())
                .hasMessageContaining("is signed and cannot change");
        assertThatThrownBy(() -> jdbc.sql("update cv_document_review set reviewer = 'kenji' where document_version_id = ?")
                .param(versionId).update())
                .hasMessageContaining("reviews and signatures are kept as they were given");
        assertThat(documents.version(versionId).body()).isEqualTo(DRAFT);
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::reviewer).containsExactly("sofia");
    }

    @Test
    void shouldAnswerAProgramThatTriesToChangeASignedVersionWith409SayingWhy() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, "sofia");
        long documentId = documents.version(versionId).documentId();
        String path = "/api/documents/" + documentId + "/versions/1";
        RestClients api = new RestClients(rest);
        assertThat(put(api, "lena", path).getStatusCode().value()).as("not yet signed: still the record of what was submitted")
                .isEqualTo(409);
        sign("sofia", instance, APPROVE, null);

        ResponseEntity<String> signed = put(api, "lena", path);
        assertThat(signed.getStatusCode().value()).isEqualTo(409);
        assertThat(signed.getBody()).contains("Version 1 of Background paper is signed (by sofia) and cannot change");
        assertThat(put(api, "kenji", path).getStatusCode().value()).isEqualTo(403);
        assertThat(put(api, "lena", "/api/documents/" + documentId + "/versions/9").getStatusCode().value()).isEqualTo(404);
        assertThat(documents.version(versionId).body()).isEqualTo(DRAFT);
    }

    private static ResponseEntity<String> put(RestClients api, String user, String path) {
        return api.as(user).exchange(path, HttpMethod.PUT, RestClients.json(Map.of("text", "Quietly changed.")), String.class);
    }

    @Test
    void shouldAnnounceEachSignatureAndTheOutcome() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, null);
        sign("ravi", instance, APPROVE, "Sound analysis.");
        sign("sofia", instance, APPROVE, null);
        sign("kenji", instance, APPROVE, null);

        assertThat(events.stream(DocumentSigned.class)).extracting(DocumentSigned::meetingCode, DocumentSigned::kind,
                        DocumentSigned::title, DocumentSigned::version, DocumentSigned::comments, DocumentSigned::actor)
                .containsExactly(tuple(code, KIND, "Background paper", 1, "Sound analysis.", "ravi"),
                        tuple(code, KIND, "Background paper", 1, null, "sofia"),
                        tuple(code, KIND, "Background paper", 1, null, "kenji"));
        assertThat(events.stream(DocumentSigned.class).map(DocumentSigned::occurredAt))
                .containsExactlyElementsOf(signatures().stream().map(r -> r.reviewedAt().toInstant()).toList());
        assertThat(events.stream(DocumentSignOffCompleted.class)).singleElement()
                .satisfies(completed -> {
                    assertThat(completed.meetingCode()).isEqualTo(code);
                    assertThat(completed.version()).isEqualTo(1);
                    assertThat(completed.signedOff()).isTrue();
                    assertThat(completed.actor()).isNull();
                });
        assertThat(events.stream(DocumentSignOffRejected.class)).isEmpty();
    }

    @Test
    void shouldEndEarlyWithoutSignOffWhenOneReviewerRejectsUnderAll() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, null);

        sign("sofia", instance, REJECT, "Section 3 misreads the 1951 Convention.");

        assertThat(instance).isEnded().hasPassed(SERVICE_TASK_TALLY_SIGN_OFFS);
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(false);
        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).isEmpty();
        assertThat(historicTasks(instance)).extracting(HistoricTaskInstance::getAssignee, HistoricTaskInstance::getDeleteReason)
                .containsExactlyInAnyOrder(tuple("sofia", "completed"),
                        tuple("ravi", "deleted"),
                        tuple("kenji", "deleted"));
        assertThat(signatures()).singleElement().satisfies(review -> {
            assertThat(review.reviewer()).isEqualTo("sofia");
            assertThat(review.decision()).isEqualTo(REJECT);
            assertThat(review.comments()).isEqualTo("Section 3 misreads the 1951 Convention.");
        });
        assertThat(documents.lastComments(code, KIND, ""))
                .isEqualTo("**sofia**: Section 3 misreads the 1951 Convention.");
        assertThat(events.stream(DocumentSignOffRejected.class)).singleElement()
                .extracting(DocumentSignOffRejected::actor, DocumentSignOffRejected::comments)
                .containsExactly("sofia", "Section 3 misreads the 1951 Convention.");
        assertThat(events.stream(DocumentSignOffCompleted.class)).singleElement()
                .extracting(DocumentSignOffCompleted::signedOff).isEqualTo(false);
    }

    @Test
    void shouldSignOffAsSoonAsSixtyPercentHaveApproved() {
        ProcessInstance instance = signOff(SIXTY_PERCENT, null);

        sign("ravi", instance, APPROVE, null);
        assertThat(instance).as("one of three is not yet 60 %").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("kenji", instance, APPROVE, null);

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(historicTasks(instance)).filteredOn(t -> t.getAssignee().equals("sofia")).singleElement()
                .extracting(HistoricTaskInstance::getDeleteReason).isEqualTo("deleted");
        assertThat(signatures()).extracting(Documents.Review::reviewer).containsExactly("ravi", "kenji");
    }

    @Test
    void shouldRejectUnderAPercentPolicyOnceTheNeededApprovalsCanNoLongerCome() {
        ProcessInstance instance = signOff(SIXTY_PERCENT, null);

        sign("ravi", instance, REJECT, "Too long.");
        assertThat(instance).as("two approvals can still come").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("sofia", instance, APPROVE, null);
        assertThat(instance).as("one approval, one rejection: kenji decides").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("kenji", instance, REJECT, "Agree with Ravi.");

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(false);
        assertThat(signatures()).extracting(Documents.Review::decision).containsExactly(REJECT, APPROVE, REJECT);
    }

    @Test
    void shouldRefuseARejectionWithoutCommentsAndStoreNothing() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, null);

        assertThatThrownBy(() -> sign("ravi", instance, REJECT, "  "))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required");
        Map<String, Object> unknownDecision = new HashMap<>(Map.of(ProcessVariables.DECISION, "maybe",
                ProcessVariables.COMMENTS, "Not sure."));
        assertThatThrownBy(() -> driver.completeOwn(instance, TASK_SIGN_OFF_DRAFT, "ravi", unknownDecision))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be one of [approve, reject]");

        assertThat(signatures()).isEmpty();
        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).hasSize(3);
        assertThat(taskService.getVariableLocal(driver.task(instance, TASK_SIGN_OFF_DRAFT, "ravi").getId(),
                ProcessVariables.DECISION)).isNull();
        assertThat(events.stream(DocumentSignOffRejected.class)).isEmpty();
    }

    @Test
    void shouldAskOnlyTheNamedReviewersWhenReviewerIdsAreGiven() {
        ProcessInstance instance = signOff(SignOffPolicy.ALL, "sofia, kenji");

        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("sofia", "kenji");
        sign("sofia", instance, APPROVE, null);
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("kenji", instance, APPROVE, null);

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(signatures()).extracting(Documents.Review::reviewer).containsExactly("sofia", "kenji");
    }

    @Test
    void shouldSignOffEarlyWhenThreeOfFiveHaveApprovedUnderSixtyPercent() {
        ProcessInstance instance = signOff(SIXTY_PERCENT, FIVE);

        sign("ravi", instance, APPROVE, null);
        sign("sofia", instance, REJECT, "Too long.");
        sign("kenji", instance, APPROVE, null);
        assertThat(instance).as("two of the three approvals needed").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("grace", instance, APPROVE, null);

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(historicTasks(instance)).filteredOn(t -> "deleted".equals(t.getDeleteReason()))
                .extracting(HistoricTaskInstance::getAssignee).containsExactly("omar");
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::reviewer).containsExactly("ravi", "kenji", "grace");
    }

    @Test
    void shouldRejectEarlyWhenThreeOfFiveHaveRejectedUnderSixtyPercent() {
        ProcessInstance instance = signOff(SIXTY_PERCENT, FIVE);

        sign("omar", instance, REJECT, "Section 2 is out of date.");
        sign("ravi", instance, APPROVE, null);
        sign("grace", instance, REJECT, "Agree with Omar.");
        assertThat(instance).as("three approvals can still come").isWaitingAt(TASK_SIGN_OFF_DRAFT);
        sign("kenji", instance, REJECT, "The figures need sources.");

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(false);
        assertThat(historicTasks(instance)).filteredOn(t -> "deleted".equals(t.getDeleteReason()))
                .extracting(HistoricTaskInstance::getAssignee).containsExactly("sofia");
        assertThat(documents.lastComments(code, KIND, "")).isEqualTo("""
                **omar**: Section 2 is out of date.

                **grace**: Agree with Omar.

                **kenji**: The figures need sources.""");
    }

    private ProcessInstance signOff(SignOffPolicy policy, String reviewerIds) {
        return driver.start(SignOffProcess.ID, code, variables(code, versionId, policy, reviewerIds));
    }

    /**
     * What a phase calls SignOffProcess with: the meeting's variables, the version, the group
     * {@code reviewers}, the policy, and the named reviewers unless null.
     */
    static Map<String, Object> variables(String code, long versionId, SignOffPolicy policy, String reviewerIds) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                ProcessVariables.MEETING_CODE, code,
                ProcessVariables.MEETING_TITLE, ExpertMeetings.TITLE,
                ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE,
                ProcessVariables.MEETING_DATES, "8–9 February 2027",
                DocumentVariables.DOCUMENT_VERSION_ID, versionId,
                SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS,
                SignOffProcess.SIGN_OFF_POLICY, policy.toString()));
        if (reviewerIds != null) {
            variables.put(SignOffProcess.REVIEWER_IDS, reviewerIds);
        }
        return variables;
    }

    /** The reviewer signs (or rejects) their own task, signed in as themselves, as in Tasklist. */
    private void sign(String reviewer, ProcessInstance instance, ReviewDecision decision, String comments) {
        driver.completeOwn(instance, TASK_SIGN_OFF_DRAFT, reviewer, ProcessDriver.decision(decision, comments));
    }

    private List<HistoricTaskInstance> historicTasks(ProcessInstance instance) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list();
    }

    private List<Documents.Review> signatures() {
        return documents.reviews(code, KIND, "").stream().filter(review -> review.kind() == ReviewKind.SIGN_OFF).toList();
    }
}
