package org.convene.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.BrowserSession;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.MeetingPhase;
import org.convene.meeting.MeetingSchedules;
import org.convene.meeting.MeetingState;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' Meetings dashboard on PostgreSQL: several meetings at different stages, each row
 * kept up to date by the modules' events (a reply arrives, the counts move), the engine's overdue
 * tasks and incidents beside them, the meetings that ended — cancelled, or their process deleted by
 * hand — shown as such here and on {@code /meetings}; {@code GET /api/meetings} for managers and
 * administrators only, with HTTP Basic or in Cockpit's session.
 */
@ConveneIntegrationTest
class MeetingBoardTests {

    @Autowired MeetingBoard board;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Participants participants;
    @Autowired InvitationReplies replies;
    @Autowired MeetingSchedules schedules;
    @Autowired MeetingProgressReplay replay;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    @Test
    void shouldFollowAMeetingThroughItsConceptNoteFromTheEvents() {
        String code = TestMeetings.newCode("BRD");
        LocalDate firstDay = ExpertMeetings.firstDay();
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);

        MeetingBoard.Row started = row(code);
        assertThat(started.phase()).isEqualTo(MeetingPhase.CONCEPT_NOTE);
        assertThat(started.phaseLabel()).isEqualTo("Concept note");
        assertThat(started.state()).isEqualTo(MeetingState.RUNNING);
        assertThat(started.processInstanceId()).as("the link into Cockpit").isEqualTo(meeting.getId());
        assertThat(started.title()).isEqualTo(ExpertMeetings.TITLE);
        assertThat(started.daysToMeeting()).isEqualTo(ChronoUnit.DAYS.between(
                LocalDate.ofInstant(EngineClock.instant(), ExpertMeetings.AMMAN), firstDay));
        assertThat(started.draftsInReview()).isZero();
        assertThat(started.invitations()).isEqualTo(new MeetingBoard.Invitations(0, 0, 0, 0, 0));

        ProcessInstance conceptNote = driver.called(meeting, ConceptNoteApprovalProcess.ID).get(0);
        driver.complete(conceptNote, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE, "lena",
                ConceptNoteDrafts.submission("Background."));
        assertThat(row(code).draftsInReview()).as("the concept note waits for the managers").isEqualTo(1);

        driver.complete(conceptNote, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE, "grace",
                ProcessDriver.decision(ReviewDecision.APPROVE, null));
        MeetingBoard.Row approved = row(code);
        assertThat(approved.draftsInReview()).isZero();
        assertThat(approved.phase()).isEqualTo(MeetingPhase.PREPARATION);
        assertThat(runtimeService.getVariable(meeting.getId(), MeetingPhase.VARIABLE))
                .as("Cockpit's instance view shows the phase").isEqualTo("Preparation");
        assertThat(approved.overdueTasks()).isZero();

        Task open = taskService.createTaskQuery().processInstanceBusinessKey(code).list().get(0);
        taskService.setDueDate(open.getId(), Date.from(EngineClock.instant().minus(1, ChronoUnit.DAYS)));
        runtimeService.createIncident("failedJob", open.getExecutionId(), "test", "The mail server refused the connection");
        MeetingBoard.Row late = row(code);
        assertThat(late.overdueTasks()).isEqualTo(1);
        assertThat(late.incidents()).as("counted once, not again in each calling process").isEqualTo(1);
    }

    @Test
    void shouldCountInvitationsAsRepliesArrive() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "BRI");
        long peter = Invitees.peter(participants, meeting.code());
        invite(meeting, meeting.amira());
        invite(meeting, peter);
        assertThat(row(meeting.code()).invitations()).isEqualTo(new MeetingBoard.Invitations(2, 0, 0, 2, 0));

        replies.receive(meeting.code(), meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.PHONE, null, null, "lena");
        assertThat(row(meeting.code()).invitations()).isEqualTo(new MeetingBoard.Invitations(2, 1, 0, 1, 0));

        replies.receive(meeting.code(), peter, InvitationReply.DECLINE, ReplyChannel.EMAIL, null, null, "lena");
        assertThat(row(meeting.code()).invitations()).isEqualTo(new MeetingBoard.Invitations(2, 1, 1, 0, 0));
    }

    @Test
    void shouldBuildTheRowOfAMeetingRecordedBeforeTheReadModelFromItsRecord() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "BRR");
        invite(meeting, meeting.amira());
        replies.receive(meeting.code(), meeting.amira(), InvitationReply.DECLINE, ReplyChannel.PHONE, null, null, "lena");
        MeetingBoard.Row before = row(meeting.code());

        // as in a database made by an earlier release: the meeting is in tracking's record, not in the read model
        for (String table : List.of("cv_meeting_progress", "cv_meeting_progress_invitation", "cv_meeting_progress_draft")) {
            jdbc.sql("delete from " + table + " where meeting_code = ?").param(meeting.code()).update();
        }
        assertThat(board.rows()).extracting(MeetingBoard.Row::code).doesNotContain(meeting.code());

        replay.buildMissingMeetings();
        assertThat(row(meeting.code())).isEqualTo(before);
    }

    @Test
    void shouldShowCancelledAndStoppedMeetingsAsEndedEverywhere() {
        String cancelled = TestMeetings.newCode("BRC");
        ExpertMeetings.propose(runtimeService, cancelled, ExpertMeetings.firstDay());
        schedules.cancel(cancelled, "The venue is no longer available.", "grace");

        String stopped = TestMeetings.newCode("BRS");
        ProcessInstance deleted = ExpertMeetings.propose(runtimeService, stopped, ExpertMeetings.firstDay());
        // as Cockpit deletes an instance: its custom listeners skipped
        ResponseEntity<String> delete = new RestClients(rest).as("demo").exchange("/engine-rest/process-instance/"
                + deleted.getId() + "?skipCustomListeners=true", HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode().value()).isEqualTo(204);

        assertThat(row(cancelled)).satisfies(r -> {
            assertThat(r.state()).isEqualTo(MeetingState.CANCELLED);
            assertThat(r.endReason()).isEqualTo("The venue is no longer available.");
            assertThat(r.endedAt()).isNotNull();
        });
        assertThat(row(stopped)).satisfies(r -> {
            assertThat(r.state()).isEqualTo(MeetingState.STOPPED);
            assertThat(r.phase()).isEqualTo(MeetingPhase.CONCEPT_NOTE);
        });
        assertThat(board.rows()).extracting(MeetingBoard.Row::state).as("running meetings first")
                .isSortedAccordingTo((a, b) -> Boolean.compare(a != MeetingState.RUNNING, b != MeetingState.RUNNING));

        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        String list = lena.get("/meetings").body();
        assertThat(rowOf(list, cancelled)).contains("Cancelled");
        assertThat(rowOf(list, stopped)).contains("Stopped");
        String page = lena.get("/meetings/" + stopped).body();
        assertThat(page).contains("id=\"stopped\"", "by <span>demo</span>", "the invitees have not been told");
        assertThat(page).as("it can still be cancelled, which tells the invitees").contains("id=\"cancel\"");
    }

    @Test
    void shouldServeTheDashboardToManagersAndAdministratorsOnly() {
        String code = TestMeetings.newCode("BRA");
        ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        RestClients api = new RestClients(rest);

        assertThat(api.anonymous().getForEntity("/api/meetings", String.class).getStatusCode().value()).isEqualTo(401);
        for (String refused : List.of("lena", "ravi", "guest")) {
            ResponseEntity<Map<String, Object>> answer = api.as(refused).exchange("/api/meetings", HttpMethod.GET, null,
                    new ParameterizedTypeReference<>() { });
            assertThat(answer.getStatusCode().value()).as(refused).isEqualTo(403);
            assertThat(answer.getBody()).containsEntry("message",
                    "The meetings dashboard is open to managers and administrators only.");
        }
        for (String allowed : List.of("grace", "demo")) {
            assertThat(codes(api.as(allowed).getForEntity("/api/meetings", Map.class).getBody())).as(allowed).contains(code);
        }

        HttpResponse<String> inCockpit = BrowserSession.signedIn(port, "grace", "cockpit")
                .webappApi("GET", "/api/meetings", null);
        assertThat(inCockpit.statusCode()).as("Cockpit's session: %s", inCockpit.body()).isEqualTo(200);
        assertThat(inCockpit.body()).contains("\"code\":\"" + code + "\"", "\"phase\":\"CONCEPT_NOTE\"");
        assertThat(BrowserSession.signedIn(port, "lena").webappApi("GET", "/api/meetings", null).statusCode())
                .as("staff in Tasklist's session").isEqualTo(403);
        assertThat(BrowserSession.signedIn(port, "grace", "cockpit").webappApi("POST",
                "/api/meetings/" + code + "/cancellation", "{\"reason\":\"no\"}").statusCode())
                .as("the session reads, never changes, through the API").isEqualTo(401);
    }

    private void invite(Invitees.Meeting meeting, long participantId) {
        Map<String, Object> variables = new HashMap<>(meeting.phase());
        variables.put(InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId));
        ProcessInstance invitation = driver.start(InvitationProcess.ID, meeting.code(), variables);
        driver.runAsyncJob(invitation, InvitationProcess.SERVICE_TASK_SEND_INVITATION);
        driver.runAsyncJob(invitation, InvitationProcess.SERVICE_TASK_SEND_INVITATION);
    }

    private MeetingBoard.Row row(String code) {
        return board.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("meetings")).stream().map(m -> m.get("code")).toList();
    }

    /** The table row of the meetings list that names the code. */
    private static String rowOf(String html, String code) {
        int at = html.indexOf("data-code=\"" + code + "\"");
        assertThat(at).as("row of %s", code).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
