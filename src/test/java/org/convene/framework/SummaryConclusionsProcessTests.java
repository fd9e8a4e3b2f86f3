package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.ProcessDriver.decision;
import static org.convene.framework.SummaryConclusionsProcess.COMMENT_DEADLINE;
import static org.convene.framework.SummaryConclusionsProcess.CONCLUSIONS_ACCEPTED;
import static org.convene.framework.SummaryConclusionsProcess.CONCLUSIONS_APPROVED;
import static org.convene.framework.SummaryConclusionsProcess.END_EVENT_CONCLUSIONS_PUBLISHED;
import static org.convene.framework.SummaryConclusionsProcess.PARTICIPANT_COMMENTS;
import static org.convene.framework.SummaryConclusionsProcess.SERVICE_TASK_OPEN_COMMENT_ROUND;
import static org.convene.framework.SummaryConclusionsProcess.SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_APPROVE_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_REVIEW_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_REVISE_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TIMER_EVENT_COMMENT_DEADLINE_PASSED;
import static org.convene.workflow.ReviewDecision.APPROVE;
import static org.convene.workflow.ReviewDecision.RETURN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.DocumentRows;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentApproved;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentPublished;
import org.convene.document.DocumentReturned;
import org.convene.document.DocumentVariables;
import org.convene.document.DocumentVersionSubmitted;
import org.convene.document.Documents;
import org.convene.document.ReviewKind;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * SummaryConclusionsProcess ("Draw up summary conclusions"): drafted by staff, reviewed by the chair,
 * sent to the participants for comment until a deadline two weeks ahead, revised, approved
 * by a manager and published.
 */
@ConveneIntegrationTest
@RecordApplicationEvents
class SummaryConclusionsProcessTests {

    static final DocumentKind KIND = DocumentKind.SUMMARY_CONCLUSIONS;

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Documents documents;
    @Autowired ApplicationEvents events;
    @Autowired JdbcClient jdbc;

    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void registerMeeting() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("SC");
        meetingVariables = driver.registerMeeting(code);
    }

    @Test
    void shouldTakeTheDraftThroughChairCommentRoundRevisionAndApprovalToPublication() {
        instance = driver.start(SummaryConclusionsProcess.ID, code, meetingVariables);

        assertThat(instance).isWaitingAt(TASK_DRAFT_SUMMARY_CONCLUSIONS);
        assertThat(driver.task(instance, TASK_DRAFT_SUMMARY_CONCLUSIONS)).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(variable(TASK_DRAFT_SUMMARY_CONCLUSIONS, DocumentVariables.DOCUMENT_TITLE)).isEqualTo("Summary conclusions");
        draft(TASK_DRAFT_SUMMARY_CONCLUSIONS, "The meeting concluded that cooperation is needed.");

        assertThat(instance).isWaitingAt(TASK_REVIEW_SUMMARY_CONCLUSIONS);
        assertThat(driver.task(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS)).hasCandidateGroup(ConveneGroups.MANAGERS);
        assertThat(variable(TASK_REVIEW_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT))
                .isEqualTo("The meeting concluded that cooperation is needed.");
        Documents.Version draft = documents.latest(code, DocumentKind.SUMMARY_CONCLUSIONS, "").orElseThrow();
        assertThat(variable(TASK_REVIEW_SUMMARY_CONCLUSIONS, DocumentVariables.DOCUMENT_ID))
                .as("for the link to what changed").isEqualTo(draft.documentId());
        assertThat(variable(TASK_REVIEW_SUMMARY_CONCLUSIONS, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(1);
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));

        Date deadline = openCommentRound();
        fireCommentDeadline(deadline);

        assertThat(instance).isWaitingAt(TASK_REVISE_SUMMARY_CONCLUSIONS);
        assertThat(driver.task(instance, TASK_REVISE_SUMMARY_CONCLUSIONS)).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(variable(TASK_REVISE_SUMMARY_CONCLUSIONS, PARTICIPANT_COMMENTS))
                .isEqualTo("No comments were received: silence means no objection.");
        assertThat(variable(TASK_REVISE_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT))
                .isEqualTo("The meeting concluded that cooperation is needed.");
        draft(TASK_REVISE_SUMMARY_CONCLUSIONS, "The meeting concluded that cooperation is needed, and how.");

        assertThat(instance).isWaitingAt(TASK_APPROVE_SUMMARY_CONCLUSIONS);
        assertThat(driver.task(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS)).hasCandidateGroup(ConveneGroups.MANAGERS);
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, "Ready for publication."));

        assertThat(instance).isWaitingAt(SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS);
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys(ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                        ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES,
                        CONCLUSIONS_ACCEPTED, COMMENT_DEADLINE, CONCLUSIONS_APPROVED);
        assertThat(publishedAt()).isNull();
        assertThat(driver.runAsyncJobs(instance)).isEqualTo(1);

        assertThat(instance).isEnded().hasPassed(END_EVENT_CONCLUSIONS_PUBLISHED);
        assertThat(publishedAt()).isNotNull();
        assertThat(documents.versions(code, KIND, "")).extracting(DocumentRows::version)
                .containsExactly(tuple(1, "The meeting concluded that cooperation is needed.", "lena"),
                        tuple(2, "The meeting concluded that cooperation is needed, and how.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review)
                .containsExactly(tuple(1, ReviewKind.REVIEW, APPROVE, null, "grace"),
                        tuple(2, ReviewKind.REVIEW, APPROVE, "Ready for publication.", "grace"));
    }

    @Test
    void shouldAnnounceEachVersionReviewTheCommentRoundAndThePublication() {
        instance = driver.start(SummaryConclusionsProcess.ID, code, meetingVariables);
        draft(TASK_DRAFT_SUMMARY_CONCLUSIONS, "First draft.");
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace", decision(RETURN, "Add Working Group 3."));
        draft(TASK_DRAFT_SUMMARY_CONCLUSIONS, "Second draft.");
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        Date deadline = openCommentRound();
        fireCommentDeadline(deadline);
        draft(TASK_REVISE_SUMMARY_CONCLUSIONS, "Revised draft.");
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        driver.runAsyncJobs(instance);

        assertThat(events.stream(DocumentVersionSubmitted.class))
                .extracting(DocumentVersionSubmitted::meetingCode, DocumentVersionSubmitted::kind,
                        DocumentVersionSubmitted::title, DocumentVersionSubmitted::version, DocumentVersionSubmitted::actor)
                .containsExactly(tuple(code, KIND, "Summary conclusions", 1, "lena"),
                        tuple(code, KIND, "Summary conclusions", 2, "lena"),
                        tuple(code, KIND, "Summary conclusions", 3, "lena"));
        assertThat(events.stream(DocumentVersionSubmitted.class).map(DocumentVersionSubmitted::versionId))
                .containsExactlyElementsOf(documents.versions(code, KIND, "").stream().map(Documents.Version::id).toList());
        assertThat(events.stream(DocumentReturned.class)).singleElement()
                .extracting(DocumentReturned::version, DocumentReturned::comments, DocumentReturned::actor)
                .containsExactly(1, "Add Working Group 3.", "grace");
        assertThat(events.stream(DocumentApproved.class)).extracting(DocumentApproved::version, DocumentApproved::actor)
                .containsExactly(tuple(2, "grace"), tuple(3, "grace"));
        assertThat(events.stream(CommentRoundOpened.class)).singleElement().satisfies(opened -> {
            assertThat(opened.meetingCode()).isEqualTo(code);
            assertThat(opened.deadline()).isEqualTo(deadline.toInstant());
            assertThat(opened.actor()).isNull();
        });
        assertThat(events.stream(DocumentPublished.class)).singleElement().satisfies(published -> {
            assertThat(published.meetingCode()).isEqualTo(code);
            assertThat(published.kind()).isEqualTo(KIND);
            assertThat(published.occurredAt()).isEqualTo(publishedAt().toInstant());
        });
    }

    @Test
    void shouldSendTheDraftBackWhenTheChairReturnsItThenOpenTheCommentRoundOnAcceptance() {
        instance = driver.start(SummaryConclusionsProcess.ID, code, meetingVariables);
        draft(TASK_DRAFT_SUMMARY_CONCLUSIONS, "First draft.");
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace",
                decision(RETURN, "Reflect the lessons of Working Group 3."));

        assertThat(instance).isWaitingAt(TASK_DRAFT_SUMMARY_CONCLUSIONS);
        assertThat(runtimeService.getVariable(instance.getId(), CONCLUSIONS_ACCEPTED)).isEqualTo(false);
        assertThat(variable(TASK_DRAFT_SUMMARY_CONCLUSIONS, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**grace**: Reflect the lessons of Working Group 3.");
        assertThat(variable(TASK_DRAFT_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT)).isEqualTo("First draft.");
        draft(TASK_DRAFT_SUMMARY_CONCLUSIONS, "Second draft, with Working Group 3.");

        assertThat(instance).isWaitingAt(TASK_REVIEW_SUMMARY_CONCLUSIONS);
        assertThat(variable(TASK_REVIEW_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT))
                .isEqualTo("Second draft, with Working Group 3.");
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));

        assertThat(instance).isWaitingAt(SERVICE_TASK_OPEN_COMMENT_ROUND);
        assertThat(runtimeService.getVariable(instance.getId(), CONCLUSIONS_ACCEPTED)).isEqualTo(true);
        assertThat(documents.versions(code, KIND, "")).extracting(Documents.Version::body)
                .containsExactly("First draft.", "Second draft, with Working Group 3.");
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review)
                .containsExactly(tuple(1, ReviewKind.REVIEW, RETURN, "Reflect the lessons of Working Group 3.", "grace"),
                        tuple(2, ReviewKind.REVIEW, APPROVE, null, "grace"));
    }

    @Test
    void shouldShowTheParticipantsCommentsToTheReviser() {
        instance = driver.startBefore(SummaryConclusionsProcess.ID, code, meetingVariables, SERVICE_TASK_OPEN_COMMENT_ROUND);
        Date deadline = openCommentRound();
        long round = jdbc.sql("select id from cv_comment_round where process_instance_id = ?")
                .param(instance.getId()).query(Long.class).single();
        comment(round, "Amira Khalil", "Name the Ministry of Interior as host.");
        comment(round, "Peter Mwangi", "IOM supports the conclusions.");

        fireCommentDeadline(deadline);

        assertThat(variable(TASK_REVISE_SUMMARY_CONCLUSIONS, PARTICIPANT_COMMENTS)).isEqualTo(
                "**Amira Khalil**: Name the Ministry of Interior as host.\n\n**Peter Mwangi**: IOM supports the conclusions.");
    }

    @Test
    void shouldReturnToRevisionWhenTheManagerReturnsItOnceThenApprove() {
        instance = driver.startBefore(SummaryConclusionsProcess.ID, code, meetingVariables, TASK_REVISE_SUMMARY_CONCLUSIONS);
        draft(TASK_REVISE_SUMMARY_CONCLUSIONS, "Revised after the comment round.");
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(RETURN, "Shorten the second section."));

        assertThat(instance).isWaitingAt(TASK_REVISE_SUMMARY_CONCLUSIONS);
        assertThat(runtimeService.getVariable(instance.getId(), CONCLUSIONS_APPROVED)).isEqualTo(false);
        assertThat(variable(TASK_REVISE_SUMMARY_CONCLUSIONS, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**grace**: Shorten the second section.");
        assertThat(variable(TASK_REVISE_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT))
                .isEqualTo("Revised after the comment round.");
        assertThat(driver.task(instance, TASK_REVISE_SUMMARY_CONCLUSIONS)).as("back to its author").isAssignedTo("lena");
        draft(TASK_REVISE_SUMMARY_CONCLUSIONS, "Revised and shortened.");

        assertThat(instance).isWaitingAt(TASK_APPROVE_SUMMARY_CONCLUSIONS);
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));

        assertThat(instance).isWaitingAt(SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS);
        assertThat(documents.versions(code, KIND, "")).extracting(DocumentRows::version)
                .containsExactly(tuple(1, "Revised after the comment round.", "lena"),
                        tuple(2, "Revised and shortened.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).extracting(DocumentRows::review)
                .containsExactly(tuple(1, ReviewKind.REVIEW, RETURN, "Shorten the second section.", "grace"),
                        tuple(2, ReviewKind.REVIEW, APPROVE, null, "grace"));
    }

    /** Jobs run at least once: a second run of the publishing job (here a second token before it) changes nothing. */
    @Test
    void shouldMarkThePublicationOnceEvenWhenItsJobIsExecutedTwice() {
        instance = driver.startBefore(SummaryConclusionsProcess.ID, code, meetingVariables, TASK_REVISE_SUMMARY_CONCLUSIONS);
        draft(TASK_REVISE_SUMMARY_CONCLUSIONS, "Final text.");
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        runtimeService.createProcessInstanceModification(instance.getId())
                .startBeforeActivity(SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS).execute();
        assertThat(publishingJobs()).isEqualTo(2);

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS).list().get(0).getId());
        OffsetDateTime published = publishedAt();
        assertThat(published).isNotNull();
        assertThat(instance).isNotEnded();
        assertThat(driver.runAsyncJobs(instance)).isEqualTo(1);

        assertThat(instance).isEnded();
        assertThat(publishedAt()).isEqualTo(published);
        assertThat(events.stream(DocumentPublished.class)).as("announced once").hasSize(1);
    }

    /**
     * Runs the asynchronous "Open comment round" and checks the deadline it sets: the end of the 14th
     * calendar day after the day it opened, in the venue's time zone (Amman).
     */
    private Date openCommentRound() {
        assertThat(instance).isWaitingAt(SERVICE_TASK_OPEN_COMMENT_ROUND);
        assertThat(runtimeService.getVariable(instance.getId(), COMMENT_DEADLINE)).isNull();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(driver.runAsyncJobs(instance)).isEqualTo(1);
        Instant after = Instant.now();

        Date deadline = (Date) runtimeService.getVariable(instance.getId(), COMMENT_DEADLINE);
        var round = jdbc.sql("select meeting_code, opened_at, deadline, time_zone from cv_comment_round where process_instance_id = ?")
                .param(instance.getId())
                .query((rs, n) -> tuple(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .single().toList();
        Instant opened = (Instant) round.get(1);
        assertThat(opened).isBetween(before, after);
        assertThat(round).containsExactly(code, opened, deadline.toInstant(), "Asia/Amman");
        assertThat(deadline.toInstant()).isEqualTo(opened.atZone(ExpertMeetings.AMMAN).toLocalDate().plusDays(15)
                .atStartOfDay(ExpertMeetings.AMMAN).toInstant());
        return deadline;
    }

    /** The timer waits for the comment deadline exactly; fired here as a manager would in Cockpit. */
    private void fireCommentDeadline(Date deadline) {
        assertThat(instance).isWaitingAt(TIMER_EVENT_COMMENT_DEADLINE_PASSED);
        Job timer = driver.timer(instance, TIMER_EVENT_COMMENT_DEADLINE_PASSED);
        assertThat(timer.getDuedate()).isEqualTo(deadline);
        driver.fireTimer(instance, TIMER_EVENT_COMMENT_DEADLINE_PASSED);
    }

    /** Staff (lena) submit the draft in a drafting or revising task. */
    private void draft(String activityId, String text) {
        driver.complete(instance, activityId, "lena", Map.of(DocumentVariables.DRAFT_TEXT, text));
    }

    private long publishingJobs() {
        return managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(SERVICE_TASK_PUBLISH_SUMMARY_CONCLUSIONS).count();
    }

    private OffsetDateTime publishedAt() {
        return documents.find(code, KIND, "").map(Documents.Document::publishedAt).orElse(null);
    }

    private void comment(long round, String participant, String comments) {
        jdbc.sql("""
                insert into cv_participant_comment (comment_round_id, participant_name, comments, received_at)
                values (?, ?, ?, ?)""")
                .params(round, participant, comments, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private Object variable(String activityId, String name) {
        return driver.taskVariable(driver.task(instance, activityId), name);
    }
}
