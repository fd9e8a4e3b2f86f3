package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.meeting.ParticipantCategory;
import org.convene.tracking.AuditTrail;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Staff's door to the invitations while they wait without a task: the API ({@code /api/meetings/
 * {code}/participants/{id}/reply}, correction, withdrawal, the confirmed list, the reminder
 * schedule) and the participants page's forms, as a program and a browser use them.
 */
@ConveneIntegrationTest
class InvitationRepliesWebTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired Participants participants;
    @Autowired InvitationReplies replies;
    @Autowired AnnouncedEvents events;
    @Autowired AuditTrail auditTrail;

    RestClients api;
    Invitees.Meeting meeting;
    String code;

    @BeforeEach
    void registerAMeeting() {
        BpmnAwareTests.init(engine);
        api = new RestClients(rest);
        meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "RPL");
        code = meeting.code();
    }

    @Test
    void shouldGiveStaffNoTaskWhileTwentyFiveInvitationsWaitAndOneOnlyAfterADecline() {
        for (int i = 1; i <= 24; i++) {
            participants.add(code, "Invitee " + i, "Organisation " + i,
                    ParticipantCategory.values()[i % ParticipantCategory.values().length], "invitee" + i + "@example.org", false);
        }
        ProcessInstance list = driver.start(ParticipantListProcess.ID, code, meeting.phase());
        driver.complete(list, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST, "lena",
                Map.of(ParticipantListProcess.LIST_READY, true));
        driver.complete(list, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST, "grace",
                Map.of(ProcessVariables.DECISION, "approve"));
        List<ProcessInstance> seats = driver.called(list, InvitationProcess.ID);
        seats.forEach(driver::runAsyncJobs);

        assertThat(seats).hasSize(25).allSatisfy(seat -> assertThat(seat).isWaitingAt(InvitationProcess.GATEWAY_AWAIT_REPLY));
        assertThat(staffTasks()).as("25 invitees waiting: no task in lena's Tasklist").isZero();

        ResponseEntity<Map<String, Object>> declined = api.post("lena", reply(meeting.amira()),
                Map.of("reply", "decline", "channel", "letter", "note", "Ministerial visit."));

        assertThat(declined.getStatusCode().value()).isEqualTo(200);
        assertThat(declined.getBody()).containsEntry("status", "DECLINED").containsEntry("outcome", "RECORDED");
        assertThat(staffTasks()).as("a decline: staff must act").isEqualTo(1);
        assertThat(list("lena", "/engine-rest/task?processDefinitionKey=" + InvitationProcess.ID
                + "&processInstanceBusinessKey=" + code)).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("taskDefinitionKey", InvitationProcess.TASK_INVITE_REPLACEMENT));
    }

    @Test
    void shouldRecordAReplyThroughTheApiOnceAndRefuseWhoMayNot() {
        ProcessInstance seat = invite(meeting.amira());

        assertThat(api.anonymous().exchange(reply(meeting.amira()), HttpMethod.POST,
                RestClients.json(Map.of("reply", "accept", "channel", "phone")), String.class).getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<Map<String, Object>> reviewer = api.post("ravi", reply(meeting.amira()),
                Map.of("reply", "accept", "channel", "phone"));
        assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
        assertThat((String) reviewer.getBody().get("message")).contains("staff and administrators only");
        ResponseEntity<Map<String, Object>> bad = api.post("lena", reply(meeting.amira()),
                Map.of("reply", "maybe", "channel", "link"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat((Map<String, String>) bad.getBody().get("errors")).containsOnlyKeys("reply", "channel");
        assertThat(api.post("lena", reply(999_999_999L), Map.of("reply", "accept", "channel", "phone"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("lena", "/api/meetings/NO-SUCH-MEETING/participants/1/reply",
                Map.of("reply", "accept", "channel", "phone")).getStatusCode().value()).isEqualTo(404);
        assertThat(seat).as("nothing was recorded").isWaitingAt(InvitationProcess.GATEWAY_AWAIT_REPLY);

        ResponseEntity<Map<String, Object>> accepted = api.post("lena", reply(meeting.amira()), Map.of("reply", "accept",
                "channel", "email", "needs", Map.of("visaLetter", true, "dietary", "Vegetarian")));
        ResponseEntity<Map<String, Object>> again = api.post("omar", reply(meeting.amira()),
                Map.of("reply", "decline", "channel", "phone"));

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(seat).isEnded().hasPassed(InvitationProcess.MESSAGE_EVENT_REPLY_RECEIVED,
                InvitationProcess.END_EVENT_SEAT_CONFIRMED);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) again.getBody().get("message")).contains("already recorded", "correct the reply");
        assertThat(replies.history(code)).singleElement().satisfies(r -> {
            assertThat(r.reply()).isEqualTo("accept");
            assertThat(r.recordedBy()).isEqualTo("lena");
        });
        ResponseEntity<Map<String, Object>> confirmed = api.as("grace").exchange("/api/meetings/" + code
                + "/participants/confirmed", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(confirmed.getBody()).containsEntry("count", 1);
        assertThat((List<Map<String, Object>>) confirmed.getBody().get("confirmed")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("name", "Amira Khalil").containsEntry("organisation", "Ministry of Interior")
                    .containsEntry("category", "GOV");
            assertThat((Map<String, Object>) p.get("needs")).containsEntry("visaLetter", true)
                    .containsEntry("travelSupport", false).containsEntry("dietary", "Vegetarian");
        });
        assertThat(api.as("ravi").exchange("/api/meetings/" + code + "/participants/confirmed", HttpMethod.GET, null,
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void shouldCorrectAndWithdrawThroughTheApiWithTheCorrectionInTheAuditTrail() {
        long peter = Invitees.peter(participants, code);
        invite(meeting.amira());
        ProcessInstance petersSeat = invite(peter);
        api.post("lena", reply(meeting.amira()), Map.of("reply", "accept", "channel", "phone"));

        ResponseEntity<Map<String, Object>> corrected = api.post("lena", path(meeting.amira(), "correction"),
                Map.of("reply", "decline", "channel", "phone", "note", "Phoned back: cannot come after all."));
        ResponseEntity<Map<String, Object>> withdrawn = api.post("lena", path(peter, "withdrawal"),
                Map.of("reason", "Duplicate of the IOM delegation."));
        ResponseEntity<Map<String, Object>> withdrawnAgain = api.post("lena", path(peter, "withdrawal"), Map.of());

        assertThat(corrected.getStatusCode().value()).isEqualTo(200);
        assertThat(corrected.getBody()).containsEntry("status", "DECLINED");
        assertThat(staffTasks()).as("the correction brings the replacement decision").isEqualTo(1);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
        assertThat(petersSeat).isEnded().hasPassed(InvitationProcess.END_EVENT_SEAT_WITHDRAWN);
        assertThat(withdrawnAgain.getStatusCode().value()).isEqualTo(409);
        assertThat(events.of(InvitationWithdrawn.class, code)).singleElement()
                .extracting(InvitationWithdrawn::participantId).isEqualTo(peter);
        assertThat(auditTrail.of(code)).extracting(e -> e.what() + " | " + e.decision() + " | " + e.comments())
                .contains("Invitation reply corrected (by phone) | accepted → declined | Phoned back: cannot come after all.",
                        "Invitation withdrawn | withdrawn before a reply | Duplicate of the IOM delegation.");
    }

    @Test
    void shouldSetTheReminderScheduleThroughTheApiInWholeDaysBeforeTheDeadline() {
        String settings = "/api/meetings/" + code + "/invitation-settings";
        assertThat(api.as("ravi").getForObject(settings, Map.class)).containsEntry("reminderDaysBeforeDeadline", List.of(14, 7));

        ResponseEntity<Map<String, Object>> set = put("lena", settings, Map.of("reminderDaysBeforeDeadline", List.of(5, 12)));
        ResponseEntity<Map<String, Object>> fraction = put("lena", settings, Map.of("reminderDaysBeforeDeadline", List.of(1.5)));
        ResponseEntity<Map<String, Object>> zero = put("lena", settings, Map.of("reminderDaysBeforeDeadline", List.of(0)));
        ResponseEntity<Map<String, Object>> reviewer = put("ravi", settings, Map.of("reminderDaysBeforeDeadline", List.of(3)));

        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(set.getBody()).containsEntry("reminderDaysBeforeDeadline", List.of(12, 5));
        assertThat(fraction.getStatusCode().value()).isEqualTo(400);
        assertThat((String) fraction.getBody().get("message")).contains("whole numbers of days");
        assertThat(zero.getStatusCode().value()).isEqualTo(400);
        assertThat((String) zero.getBody().get("message")).contains("from 1 to 180");
        assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
        assertThat(api.as("lena").getForObject(settings, Map.class)).containsEntry("reminderDaysBeforeDeadline", List.of(12, 5));
    }

    @Test
    void shouldRecordAReplyFromTheParticipantsPageAndShowWhyASecondIsRefused() {
        ProcessInstance seat = invite(meeting.amira());
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        String page = "/meetings/" + code + "/participants";
        assertThat(lena.get(page).body()).contains("Record reply", "Withdraw", "Confirmed (0)", "Reminders", "14, 7");

        Map<String, String> form = new HashMap<>(Map.of("reply", "accept", "channel", "in-person",
                "note", "Met her at the ministry.", "travelSupport", "true", "accessibility", "Step-free access"));
        HttpResponse<String> recorded = lena.post(page + "/" + meeting.amira() + "/reply", form);

        assertThat(recorded.statusCode()).isEqualTo(302);
        String shown = lena.follow(recorded).body();
        assertThat(shown).contains("Amira Khalil&#39;s reply is recorded.", "accepted in person", "Confirmed (1)",
                "travel support; accessibility: Step-free access", "Correct reply");
        assertThat(seat).isEnded().hasPassed(InvitationProcess.END_EVENT_SEAT_CONFIRMED);

        HttpResponse<String> twice = lena.post(page + "/" + meeting.amira() + "/reply", form);
        assertThat(lena.follow(twice).body()).contains("Nothing was recorded: Amira Khalil&#39;s reply is already recorded");
        assertThat(replies.history(code)).hasSize(1);

        HttpResponse<String> schedule = lena.post(page.replace("/participants", "/invitation-settings"),
                Map.of("reminderDays", "ten"));
        assertThat(lena.follow(schedule).body()).contains("The reminders were not changed", "whole numbers of days");
    }

    private ProcessInstance invite(long participantId) {
        Map<String, Object> variables = new HashMap<>(meeting.phase());
        variables.put(InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId));
        ProcessInstance seat = driver.start(InvitationProcess.ID, code, variables);
        driver.runAsyncJobs(seat);
        return seat;
    }

    /** The open tasks of the meeting's seats that staff see in Tasklist (through the engine's REST API, as lena). */
    private long staffTasks() {
        return list("lena", "/engine-rest/task?processDefinitionKey=" + InvitationProcess.ID
                + "&processInstanceBusinessKey=" + code).size();
    }

    private String reply(long participantId) {
        return path(participantId, "reply");
    }

    private String path(long participantId, String what) {
        return "/api/meetings/" + code + "/participants/" + participantId + "/" + what;
    }

    private ResponseEntity<Map<String, Object>> put(String user, String path, Object body) {
        return api.as(user).exchange(path, HttpMethod.PUT, RestClients.json(body), new ParameterizedTypeReference<>() { });
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = api.as(user).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }
}
