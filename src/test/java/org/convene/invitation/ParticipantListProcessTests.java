package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.invitation.ParticipantListProcess.*;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.BrowserSession;
import org.convene.RestClients;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.ParticipantCategory;
import org.convene.ConveneIntegrationTest;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ParticipantListProcess ("Invite participants", called by the meeting's preparation): staff
 * compile the list, a manager approves it or returns it with comments, then one InvitationProcess
 * per seat on the list, none for the reserve.
 */
@ConveneIntegrationTest
class ParticipantListProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired Participants participants;
    @Autowired InvitationReplies invitationReplies;
    @Autowired ParticipantListReviews participantListReviews;
    @Autowired AnnouncedEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired ConceptNotes conceptNotes;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    Invitees.Meeting meeting;
    String code;

    @BeforeEach
    void registerAMeetingWithAnInviteeAndAReserve() {
        BpmnAwareTests.init(engine);
        meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "PL");
        code = meeting.code();
    }

    @Test
    void shouldReturnTheParticipantListThenInviteEveryoneOnTheApprovedListButNotTheReserve() {
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        Task compile = driver.task(instance, TASK_COMPILE_PARTICIPANT_LIST);
        assertThat(compile).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(compile, REVIEW_COMMENTS)).isEqualTo("");
        driver.complete(compile, "lena", Map.of(LIST_READY, true));
        Task approve = driver.task(instance, TASK_APPROVE_PARTICIPANT_LIST);
        assertThat(approve).hasCandidateGroup(ConveneGroups.MANAGERS);
        assertThat((String) driver.taskVariable(approve, PARTICIPANT_SUMMARY))
                .contains("**1** invitees in all, 1 in reserve");

        driver.complete(approve, "grace", Map.of(DECISION, "return",
                COMMENTS, "Invite an international organisation and an academic."));

        assertThat(instance).isWaitingAt(TASK_COMPILE_PARTICIPANT_LIST);
        assertThat(driver.historicVariable(instance, PARTICIPANT_LIST_APPROVED)).isEqualTo(false);
        assertThat(driver.called(instance, InvitationProcess.ID)).isEmpty();
        assertThat(driver.taskVariable(driver.task(instance, TASK_COMPILE_PARTICIPANT_LIST), REVIEW_COMMENTS))
                .isEqualTo("Invite an international organisation and an academic.");
        long peter = Invitees.peter(participants, code);
        long daniel = Invitees.daniel(participants, code);
        driver.complete(instance, TASK_COMPILE_PARTICIPANT_LIST, "lena", Map.of(LIST_READY, true));
        assertThat((String) driver.taskVariable(driver.task(instance, TASK_APPROVE_PARTICIPANT_LIST), PARTICIPANT_SUMMARY))
                .contains("**3** invitees in all, 1 in reserve");
        driver.complete(instance, TASK_APPROVE_PARTICIPANT_LIST, "grace", Map.of(DECISION, "approve"));

        assertThat(instance).isWaitingAt(CALL_ACTIVITY_INVITE_PARTICIPANT).hasPassed(GATEWAY_PARTICIPANT_LIST_MERGE);
        List<ProcessInstance> seats = driver.called(instance, InvitationProcess.ID);
        assertThat(seats).allSatisfy(seat -> assertThat(seat).hasBusinessKey(code));
        assertThat(seats).extracting(seat -> runtimeService.getVariable(seat.getId(), InvitationProcess.PARTICIPANT_ID))
                .containsExactlyInAnyOrder(String.valueOf(meeting.amira()), String.valueOf(peter), String.valueOf(daniel));
        assertThat(runtimeService.getVariables(seats.get(0).getId())).containsAllEntriesOf(meeting.phase());
        seats.forEach(driver::runAsyncJobs);
        assertThat(participants.list(code)).filteredOn(Participants.Participant::invited)
                .extracting(Participants.Participant::id).containsExactlyInAnyOrder(meeting.amira(), peter, daniel)
                .doesNotContain(meeting.grace());
        assertThat(jdbc.sql("select recipient from cv_outbox_mail where meeting_code = ? order by recipient").param(code)
                .query(String.class).list())
                .containsExactly("a.khalil@gov.example", "d.reyes@ox.example", "p.mwangi@iom.example");
        assertThat(participantListReviews.history(code)).extracting(ParticipantListReviews.ListReview::decision, ParticipantListReviews.ListReview::reviewer)
                .containsExactly(tuple("return", "grace"), tuple("approve", "grace"));
        assertThat(events.of(ParticipantListReturned.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ParticipantListReturned(code,
                        "Invite an international organisation and an academic.", null, "grace"));
        assertThat(events.of(ParticipantListApproved.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ParticipantListApproved(code, 3, 1, null, null, "grace"));
    }

    @Test
    void shouldEndOnceEverySeatIsSettled() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        driver.complete(instance, TASK_COMPILE_PARTICIPANT_LIST, "lena", Map.of(LIST_READY, true));
        driver.complete(instance, TASK_APPROVE_PARTICIPANT_LIST, "grace", Map.of(DECISION, "approve", COMMENTS, "Balanced."));

        List<ProcessInstance> seats = driver.called(instance, InvitationProcess.ID);
        assertThat(seats).hasSize(2);
        for (ProcessInstance seat : seats) {
            driver.runAsyncJobs(seat);
            assertThat(driver.tasks(seat, InvitationProcess.TASK_INVITE_REPLACEMENT)).as("no task while it waits").isEmpty();
            invitationReplies.receive(code, Long.parseLong((String) runtimeService.getVariable(seat.getId(),
                    InvitationProcess.PARTICIPANT_ID)), InvitationReply.ACCEPT, ReplyChannel.EMAIL, null, null, "lena");
            assertThat(seat).isEnded();
        }

        assertThat(instance).isEnded().hasPassedInOrder(TASK_APPROVE_PARTICIPANT_LIST, GATEWAY_PARTICIPANT_LIST_APPROVED,
                CALL_ACTIVITY_INVITE_PARTICIPANT, END_EVENT_PARTICIPANTS_INVITED);
        assertThat(participants.list(code)).extracting(Participants.Participant::id, Participants.Participant::invitationStatus)
                .containsExactlyInAnyOrder(tuple(meeting.amira(), InvitationStatus.ACCEPTED), tuple(peter, InvitationStatus.ACCEPTED),
                        tuple(meeting.grace(), null));
        assertThat(events.of(ParticipantListApproved.class, code)).extracting(ParticipantListApproved::comments)
                .containsExactly("Balanced.");
    }

    @Test
    void shouldRefuseToSendAnEmptyListToTheManagerThroughTheRestApi() {
        participants.remove(code, meeting.amira());
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        Task compile = driver.task(instance, TASK_COMPILE_PARTICIPANT_LIST);
        assertThat((String) driver.taskVariable(compile, PARTICIPANT_SUMMARY))
                .contains("**0** invitees in all, 1 in reserve", "**Nobody is on the participant list yet**");

        ResponseEntity<Map<String, Object>> refused = new RestClients(rest).post("lena",
                "/engine-rest/task/" + compile.getId() + "/submit-form", Map.of("variables", RestClients.variables(LIST_READY, true)));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).extracting(body -> body.get("message")).asString()
                .contains("'Compile participant list' was not completed: nobody is on the participant list "
                        + "(those in reserve are not invited): add the invitees on the participant list page, "
                        + "or import the secretariat's spreadsheet there, then complete this task.");
        assertThat(instance).isWaitingAt(TASK_COMPILE_PARTICIPANT_LIST);

        Invitees.peter(participants, code);
        driver.complete(compile, "lena", Map.of(LIST_READY, true));
        assertThat(instance).isWaitingAt(TASK_APPROVE_PARTICIPANT_LIST);
    }

    @Test
    void shouldRefuseAManagerApprovingAListEmptiedSinceItWasCompiledInTasklist() {
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        driver.complete(instance, TASK_COMPILE_PARTICIPANT_LIST, "lena", Map.of(LIST_READY, true));
        participants.remove(code, meeting.amira());
        Task approve = driver.task(instance, TASK_APPROVE_PARTICIPANT_LIST);
        BrowserSession grace = BrowserSession.signedIn(port, "grace");

        HttpResponse<String> refused = grace.webappApi("POST", "/camunda/api/engine/engine/default/task/" + approve.getId()
                + "/submit-form", "{\"variables\": {\"" + DECISION + "\": {\"value\": \"approve\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'Approve participant list' was not completed: nobody is on the participant "
                + "list (those in reserve are not invited): an empty list cannot be approved, since there is nobody to "
                + "invite. Return it to staff with comments instead.");
        assertThat(instance).isWaitingAt(TASK_APPROVE_PARTICIPANT_LIST);
        assertThat(participantListReviews.history(code)).isEmpty();
        assertThat(events.of(ParticipantListApproved.class, code)).isEmpty();

        driver.complete(approve, "grace", Map.of(DECISION, "return", COMMENTS, "The list is empty: add the invitees."));
        assertThat(instance).isWaitingAt(TASK_COMPILE_PARTICIPANT_LIST);
    }

    @Test
    void shouldShowTheCountsAgainstTheConceptNotesTargetsToTheManager() {
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, "Background", "Objectives", "UNHCR", 25,
                List.of(ParticipantCategory.GOV, ParticipantCategory.IO, ParticipantCategory.NGO), "Amman", "", "lena",
                Map.of(ParticipantCategory.GOV, 10, ParticipantCategory.IO, 5)));
        Invitees.peter(participants, code);
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        driver.complete(instance, TASK_COMPILE_PARTICIPANT_LIST, "lena", Map.of(LIST_READY, true));

        assertThat((String) driver.taskVariable(driver.task(instance, TASK_APPROVE_PARTICIPANT_LIST), PARTICIPANT_SUMMARY))
                .contains("- Senior government representatives: **1** of 10 on the list, 0 in reserve\n",
                        "- International organizations: **1** of 5 on the list, 0 in reserve\n",
                        "- Non-governmental organizations: **0** on the list (no target), 1 in reserve\n",
                        "**2** of 25 invitees in all, 1 in reserve.")
                .doesNotContain("Nobody");
    }

    @Test
    void shouldRefuseToReturnTheListWithoutComments() {
        ProcessInstance instance = driver.start(ID, code, meeting.phase());
        driver.complete(instance, TASK_COMPILE_PARTICIPANT_LIST, "lena", Map.of(LIST_READY, true));

        assertThatThrownBy(() -> driver.complete(instance, TASK_APPROVE_PARTICIPANT_LIST, "grace",
                Map.of(DECISION, "return")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Comments");
        assertThat(instance).isWaitingAt(TASK_APPROVE_PARTICIPANT_LIST);
        assertThat(participantListReviews.history(code)).isEmpty();
        assertThat(events.of(ParticipantListReturned.class, code)).isEmpty();
        assertThat(runtimeService.getVariable(instance.getId(), ProcessVariables.MEETING_CODE)).isEqualTo(code);
    }
}
