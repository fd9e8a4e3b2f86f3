package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
 * SummaryConclusionsProcess ("Conclude meeting"): drafted by staff, reviewed by the chair,
 * sent to the participants for comment until a deadline two weeks ahead, revised, approved
 * by a manager and published.
 */
@ConveneIntegrationTest
class SummaryConclusionsProcessTests {

    static final String KIND = "SUMMARY_CONCLUSIONS";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    DocumentRows documents;
    String code;
    Map<String, Object> meetingVariables;
    ProcessInstance instance;

    @BeforeEach
    void registerMeeting() {
        BpmnAwareTests.init(engine);
        documents = new DocumentRows(jdbc);
        code = TestMeetings.newCode("SC");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        meetingVariables = ExpertMeetings.phaseVariables(runtimeService, meeting);
    }

    @Test
    void shouldTakeTheDraftThroughChairCommentRoundRevisionAndApprovalToPublication() {
        instance = runtimeService.startProcessInstanceByKey("SummaryConclusionsProcess", code, meetingVariables);

        assertThat(instance).isWaitingAt("Task_DraftSummaryConclusions");
        assertThat(task(instance)).hasCandidateGroup("convener-staff");
        assertThat(variable("documentTitle")).isEqualTo("Summary conclusions");
        complete("lena", Map.of("draftText", "The meeting concluded that cooperation is needed."));

        assertThat(instance).isWaitingAt("Task_ReviewSummaryConclusions");
        assertThat(task(instance)).hasCandidateGroup("managers");
        assertThat(variable("draftText")).isEqualTo("The meeting concluded that cooperation is needed.");
        complete("grace", Map.of("decision", "approve"));

        Date deadline = openCommentRound();
        fireCommentDeadline(deadline);

        assertThat(instance).isWaitingAt("Task_ReviseSummaryConclusions");
        assertThat(task(instance)).hasCandidateGroup("convener-staff");
        assertThat(variable("participantComments")).isEqualTo("No comments were received: silence means no objection.");
        assertThat(variable("draftText")).isEqualTo("The meeting concluded that cooperation is needed.");
        complete("lena", Map.of("draftText", "The meeting concluded that cooperation is needed, and how."));

        assertThat(instance).isWaitingAt("Task_ApproveSummaryConclusions");
        assertThat(task(instance)).hasCandidateGroup("managers");
        complete("grace", Map.of("decision", "approve", "comments", "Ready for publication."));

        assertThat(instance).isWaitingAt("ServiceTask_PublishSummaryConclusions");
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys("meetingCode", "meetingTitle", "meetingPlace", "meetingDates",
                        "conclusionsAccepted", "commentDeadline", "conclusionsApproved");
        assertThat(documents.publishedAt(code, KIND)).isEmpty();
        execute(job("ServiceTask_PublishSummaryConclusions", instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_ConclusionsPublished");
        assertThat(documents.publishedAt(code, KIND)).isPresent();
        assertThat(documents.versions(code, KIND, "")).containsExactly(
                new VersionRow(1, "The meeting concluded that cooperation is needed.", "lena"),
                new VersionRow(2, "The meeting concluded that cooperation is needed, and how.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "REVIEW", "approve", null, "grace"),
                new ReviewRow(2, "REVIEW", "approve", "Ready for publication.", "grace"));
    }

    @Test
    void shouldSendTheDraftBackWhenTheChairReturnsItThenOpenTheCommentRoundOnAcceptance() {
        instance = runtimeService.startProcessInstanceByKey("SummaryConclusionsProcess", code, meetingVariables);
        complete("lena", Map.of("draftText", "First draft."));
        complete("grace", Map.of("decision", "return", "comments", "Reflect the lessons of Working Group 3."));

        assertThat(instance).isWaitingAt("Task_DraftSummaryConclusions");
        assertThat(runtimeService.getVariable(instance.getId(), "conclusionsAccepted")).isEqualTo(false);
        assertThat(variable("reviewComments")).isEqualTo("**grace**: Reflect the lessons of Working Group 3.");
        assertThat(variable("draftText")).isEqualTo("First draft.");
        complete("lena", Map.of("draftText", "Second draft, with Working Group 3."));

        assertThat(instance).isWaitingAt("Task_ReviewSummaryConclusions");
        assertThat(variable("draftText")).isEqualTo("Second draft, with Working Group 3.");
        complete("grace", Map.of("decision", "approve"));

        assertThat(instance).isWaitingAt("ServiceTask_OpenCommentRound");
        assertThat(runtimeService.getVariable(instance.getId(), "conclusionsAccepted")).isEqualTo(true);
        assertThat(documents.versions(code, KIND, "")).extracting(VersionRow::body)
                .containsExactly("First draft.", "Second draft, with Working Group 3.");
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "REVIEW", "return", "Reflect the lessons of Working Group 3.", "grace"),
                new ReviewRow(2, "REVIEW", "approve", null, "grace"));
    }

    @Test
    void shouldShowTheParticipantsCommentsToTheReviser() {
        instance = startAt("ServiceTask_OpenCommentRound");
        Date deadline = openCommentRound();
        long round = jdbc.sql("select id from cv_comment_round where process_instance_id = ?")
                .param(instance.getId()).query(Long.class).single();
        comment(round, "Amira Khalil", "Name the Ministry of Interior as host.");
        comment(round, "Peter Mwangi", "IOM supports the conclusions.");

        fireCommentDeadline(deadline);

        assertThat(variable("participantComments")).isEqualTo(
                "**Amira Khalil**: Name the Ministry of Interior as host.\n\n**Peter Mwangi**: IOM supports the conclusions.");
    }

    @Test
    void shouldReturnToRevisionWhenTheManagerReturnsItOnceThenApprove() {
        instance = startAt("Task_ReviseSummaryConclusions");
        complete("lena", Map.of("draftText", "Revised after the comment round."));
        complete("grace", Map.of("decision", "return", "comments", "Shorten the second section."));

        assertThat(instance).isWaitingAt("Task_ReviseSummaryConclusions");
        assertThat(runtimeService.getVariable(instance.getId(), "conclusionsApproved")).isEqualTo(false);
        assertThat(variable("reviewComments")).isEqualTo("**grace**: Shorten the second section.");
        assertThat(variable("draftText")).isEqualTo("Revised after the comment round.");
        assertThat(task(instance)).as("back to its author").isAssignedTo("lena");
        complete("lena", Map.of("draftText", "Revised and shortened."));

        assertThat(instance).isWaitingAt("Task_ApproveSummaryConclusions");
        complete("grace", Map.of("decision", "approve"));

        assertThat(instance).isWaitingAt("ServiceTask_PublishSummaryConclusions");
        assertThat(documents.versions(code, KIND, "")).containsExactly(
                new VersionRow(1, "Revised after the comment round.", "lena"),
                new VersionRow(2, "Revised and shortened.", "lena"));
        assertThat(documents.reviews(code, KIND, "")).containsExactly(
                new ReviewRow(1, "REVIEW", "return", "Shorten the second section.", "grace"),
                new ReviewRow(2, "REVIEW", "approve", null, "grace"));
    }

    /** Jobs run at least once: a second run of the publishing job (here a second token before it) changes nothing. */
    @Test
    void shouldMarkThePublicationOnceEvenWhenItsJobIsExecutedTwice() {
        instance = startAt("Task_ReviseSummaryConclusions");
        complete("lena", Map.of("draftText", "Final text."));
        complete("grace", Map.of("decision", "approve"));
        runtimeService.createProcessInstanceModification(instance.getId())
                .startBeforeActivity("ServiceTask_PublishSummaryConclusions").execute();
        assertThat(jobQuery().processInstanceId(instance.getId()).activityId("ServiceTask_PublishSummaryConclusions").count())
                .isEqualTo(2);

        execute(jobQuery().processInstanceId(instance.getId()).list().get(0));
        OffsetDateTime published = documents.publishedAt(code, KIND).orElseThrow();
        assertThat(instance).isNotEnded();
        execute(job("ServiceTask_PublishSummaryConclusions", instance));

        assertThat(instance).isEnded();
        assertThat(documents.publishedAt(code, KIND)).contains(published);
    }

    /** Runs the asynchronous "Open comment round" and checks the deadline it sets: 14 days from now. */
    private Date openCommentRound() {
        assertThat(instance).isWaitingAt("ServiceTask_OpenCommentRound");
        assertThat(runtimeService.getVariable(instance.getId(), "commentDeadline")).isNull();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        execute(job("ServiceTask_OpenCommentRound", instance));
        Instant after = Instant.now();

        Date deadline = (Date) runtimeService.getVariable(instance.getId(), "commentDeadline");
        assertThat(deadline.toInstant()).isBetween(before.plus(Duration.ofDays(14)), after.plus(Duration.ofDays(14)));
        assertThat(jdbc.sql("select meeting_code, deadline from cv_comment_round where process_instance_id = ?")
                .param(instance.getId())
                .query((rs, n) -> Map.of("meetingCode", rs.getString(1),
                        "deadline", rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single())
                .containsEntry("meetingCode", code).containsEntry("deadline", deadline.toInstant());
        return deadline;
    }

    /** The timer waits for the comment deadline exactly; fired here as a manager would in Cockpit. */
    private void fireCommentDeadline(Date deadline) {
        assertThat(instance).isWaitingAt("TimerEvent_CommentDeadlinePassed");
        Job timer = job("TimerEvent_CommentDeadlinePassed", instance);
        assertThat(timer.getDuedate()).isEqualTo(deadline);
        execute(timer);
    }

    private ProcessInstance startAt(String activityId) {
        return runtimeService.createProcessInstanceByKey("SummaryConclusionsProcess").businessKey(code)
                .setVariables(meetingVariables).startBeforeActivity(activityId).execute();
    }

    private void comment(long round, String participant, String comments) {
        jdbc.sql("insert into cv_participant_comment (comment_round_id, participant_name, comments, received_at) values (?, ?, ?, ?)")
                .params(round, participant, comments, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private Object variable(String name) {
        return taskService.getVariable(task(instance).getId(), name);
    }

    /** Claims the instance's open task as the given user (as in Tasklist) and completes it. */
    private void complete(String user, Map<String, Object> values) {
        Task task = task(instance);
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), values);
    }
}
