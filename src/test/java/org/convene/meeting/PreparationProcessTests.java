package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.convene.meeting.PreparationProcess.*;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.document.ReviewKind;
import org.convene.document.SignOffProcess;
import org.convene.identity.ConveneGroups;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.InvitationStatus;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.ParticipantListReviews;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PreparationProcess: agenda, participants (the invitation module's ParticipantListProcess, with
 * the invitations) and background paper with its sign-off, in parallel until all three have joined.
 */
@ConveneIntegrationTest
class PreparationProcessTests {

    static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    static final List<String> REVIEWERS = List.of("ravi", "sofia", "kenji");

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Participants participants;
    @Autowired InvitationReplies invitationReplies;
    @Autowired ParticipantListReviews participantListReviews;
    @Autowired AgendaReviews agendaReviews;
    @Autowired AnnouncedEvents events;
    @Autowired Documents documents;
    @Autowired Agendas agendas;
    @Autowired TestRestTemplate rest;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    Invitees.Meeting meeting;
    String code;

    @BeforeEach
    void registerAMeeting() {
        BpmnAwareTests.init(engine);
        meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "PREP");
        code = meeting.code();
    }

    @Test
    void shouldPrepareTheMeetingOnThreeParallelBranchesThatJoinAtTheEnd() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance instance = driver.start(ID, code, meeting.phase());

        assertThat(instance).isWaitingAtExactly(TASK_DRAFT_AGENDA, CALL_ACTIVITY_INVITE_PARTICIPANTS,
                TASK_COMMISSION_BACKGROUND_PAPER);

        // background paper
        commissionBackgroundPaper(instance);
        submitBackgroundPaperDraft(instance, "## Background paper\n\nFirst and only draft.");
        signOffBackgroundPaper(instance, "approve", "approve", "approve");
        assertThat(driver.historicVariable(instance, BACKGROUND_PAPER_SIGNED_OFF)).isEqualTo(true);
        circulateDocumentationPack(instance);
        assertThat(instance).isNotEnded().isWaitingAt(GATEWAY_PREPARATION_JOIN);

        // agenda
        Task draftAgenda = driver.task(instance, TASK_DRAFT_AGENDA);
        assertThat(draftAgenda).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat((String) driver.taskVariable(draftAgenda, AGENDA_SUMMARY))
                .contains("Day 1 — " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(meeting.firstDay()),
                        "Welcome", "Working Group 1");
        ExpertMeetings.nameRapporteurs(agendas, code);
        driver.complete(draftAgenda, "lena", Map.of(AGENDA_READY, true));
        assertThat(driver.task(instance, TASK_APPROVE_AGENDA)).hasCandidateGroup(ConveneGroups.MANAGERS);
        driver.complete(instance, TASK_APPROVE_AGENDA, "grace", Map.of(DECISION, "approve"));
        assertThat(instance).isNotEnded();

        // participants and invitations: the invitation module's process
        ProcessInstance participantList = calledProcessInstance(ParticipantListProcess.ID, instance);
        driver.complete(participantList, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST, "lena",
                Map.of(ParticipantListProcess.LIST_READY, true));
        driver.complete(participantList, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST, "grace",
                Map.of(DECISION, "approve", COMMENTS, "Balanced."));
        List<ProcessInstance> invitations = driver.called(participantList, InvitationProcess.ID);
        assertThat(invitations).hasSize(2);
        invitations.forEach(this::sendAndAccept);

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_INVITE_PARTICIPANTS, GATEWAY_PREPARATION_JOIN,
                END_EVENT_MEETING_PREPARED);
        assertThat(participants.list(code)).filteredOn(Participants.Participant::invited)
                .extracting(Participants.Participant::id, Participants.Participant::invitationStatus)
                .containsOnly(tuple(meeting.amira(), InvitationStatus.ACCEPTED), tuple(peter, InvitationStatus.ACCEPTED));
        assertThat(agendaReviews.history(code)).extracting(ConceptNotes.Review::decision, ConceptNotes.Review::reviewer)
                .containsExactly(tuple("approve", "grace"));
        assertThat(participantListReviews.history(code)).extracting(ParticipantListReviews.ListReview::decision).containsExactly("approve");
        assertThat(backgroundPaper().circulatedAt()).isNotNull();
        assertThat(events.of(AgendaApproved.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new AgendaApproved(code, null, null, "grace"));
    }

    @Test
    void shouldRefuseToSubmitAnAgendaWithAWorkingGroupWithoutARapporteurThroughTheRestApi() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_DRAFT_AGENDA);
        Task draft = driver.task(instance, TASK_DRAFT_AGENDA);
        ExpertMeetings.nameRapporteurs(agendas, code);
        agendas.assignWorkingGroup(code, "WG2", "Amina Yusuf", null, null);
        agendas.assignWorkingGroup(code, "WG4", null, null, null);

        ResponseEntity<Map<String, Object>> refused = new RestClients(rest).post("lena",
                "/engine-rest/task/" + draft.getId() + "/submit-form", Map.of("variables", RestClients.variables(AGENDA_READY, true)));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).extracting(body -> body.get("message")).asString()
                .contains("'Draft agenda' was not completed: working groups WG2, WG4 have no rapporteur. Name the "
                        + "rapporteurs on the agenda page, then complete this task.");
        assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA);

        ExpertMeetings.nameRapporteurs(agendas, code);
        driver.complete(draft, "lena", Map.of(AGENDA_READY, true));
        assertThat(instance).isWaitingAt(TASK_APPROVE_AGENDA);
    }

    @Test
    void shouldRefuseToApproveAnAgendaThatLostARapporteurSinceItWasSubmitted() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_DRAFT_AGENDA);
        ExpertMeetings.nameRapporteurs(agendas, code);
        driver.complete(instance, TASK_DRAFT_AGENDA, "lena", Map.of(AGENDA_READY, true));
        agendas.assignWorkingGroup(code, "WG3", null, null, null);
        Task approve = driver.task(instance, TASK_APPROVE_AGENDA);

        assertThatThrownBy(() -> driver.complete(approve, "grace", Map.of(DECISION, "approve")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Approve agenda' was not completed: working group WG3 has no rapporteur. Return "
                        + "the agenda to staff with comments instead.");
        assertThat(instance).isWaitingAt(TASK_APPROVE_AGENDA);
        assertThat(agendaReviews.history(code)).isEmpty();

        driver.complete(approve, "grace", Map.of(DECISION, "return", COMMENTS, "WG3 needs a rapporteur."));
        assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA);
    }

    @Test
    void shouldPassTheMeetingDownToTheParticipantList() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), CALL_ACTIVITY_INVITE_PARTICIPANTS);

        ProcessInstance participantList = calledProcessInstance(ParticipantListProcess.ID, instance);
        assertThat(participantList).hasBusinessKey(code).isWaitingAt(ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST);
        assertThat(runtimeService.getVariables(participantList.getId())).containsAllEntriesOf(meeting.phase());
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_INVITE_PARTICIPANTS);
    }

    @Test
    void shouldReturnTheAgendaOnceWithCommentsThenApproveIt() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_DRAFT_AGENDA);
        Task firstDraft = driver.task(instance, TASK_DRAFT_AGENDA);
        assertThat(driver.taskVariable(firstDraft, REVIEW_COMMENTS)).isEqualTo("");
        ExpertMeetings.nameRapporteurs(agendas, code);
        driver.complete(firstDraft, "lena", Map.of(AGENDA_READY, true));

        driver.complete(instance, TASK_APPROVE_AGENDA, "grace",
                Map.of(DECISION, "return", COMMENTS, "Move the reception to the first evening."));

        assertThat(instance).isWaitingAt(TASK_DRAFT_AGENDA);
        assertThat(driver.historicVariable(instance, AGENDA_APPROVED)).isEqualTo(false);
        assertThat(driver.taskVariable(driver.task(instance, TASK_DRAFT_AGENDA), REVIEW_COMMENTS))
                .isEqualTo("Move the reception to the first evening.");
        driver.complete(instance, TASK_DRAFT_AGENDA, "lena", Map.of(AGENDA_READY, true));
        assertThat(instance).isWaitingAt(TASK_APPROVE_AGENDA);
        driver.complete(instance, TASK_APPROVE_AGENDA, "grace", Map.of(DECISION, "approve"));

        assertThat(instance).isWaitingAt(GATEWAY_PREPARATION_JOIN).hasPassed(GATEWAY_AGENDA_MERGE, GATEWAY_AGENDA_APPROVED);
        assertThat(driver.historicVariable(instance, AGENDA_APPROVED)).isEqualTo(true);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(agendaReviews.history(code)).extracting(ConceptNotes.Review::decision, ConceptNotes.Review::comments,
                        ConceptNotes.Review::reviewer)
                .containsExactly(tuple("return", "Move the reception to the first evening.", "grace"),
                        tuple("approve", null, "grace"));
        assertThat(events.of(AgendaReturned.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new AgendaReturned(code, "Move the reception to the first evening.",
                        null, "grace"));
        assertThat(events.of(AgendaApproved.class, code)).hasSize(1);
    }

    @Test
    void shouldSendARejectedBackgroundPaperBackToItsAuthorWithTheReviewersComments() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_COMMISSION_BACKGROUND_PAPER);
        commissionBackgroundPaper(instance);
        assertThat(backgroundPaper()).extracting(Documents.Document::authorName, Documents.Document::dueDate)
                .containsExactly("Prof. Daniel Reyes", meeting.firstDay().minusWeeks(5));
        long first = submitBackgroundPaperDraft(instance, "## Background paper\n\nFirst draft.");

        signOffBackgroundPaper(instance, "reject", null, null);

        assertThat(instance).isWaitingAt(TASK_SUBMIT_BACKGROUND_PAPER_DRAFT);
        assertThat(driver.historicVariable(instance, BACKGROUND_PAPER_SIGNED_OFF)).isEqualTo(false);
        Task resubmit = driver.task(instance, TASK_SUBMIT_BACKGROUND_PAPER_DRAFT);
        assertThat(resubmit).as("back to its author").isAssignedTo("omar");
        assertThat(driver.taskVariable(resubmit, REVIEW_COMMENTS))
                .isEqualTo("**ravi**: Cite the conclusions of the 2011 Amman meeting.");
        assertThat(driver.taskVariable(resubmit, DRAFT_TEXT)).isEqualTo("## Background paper\n\nFirst draft.");
        long second = submitBackgroundPaperDraft(instance, "## Background paper\n\nSecond draft, citing Amman 2011.");
        assertThat(second).isNotEqualTo(first);
        assertThat(runtimeService.getVariable(calledProcessInstance(SignOffProcess.ID, instance).getId(),
                DocumentVariables.DOCUMENT_VERSION_ID)).isEqualTo(second);
        signOffBackgroundPaper(instance, "approve", "approve", "approve");

        assertThat(instance).isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK).hasPassed(GATEWAY_BACKGROUND_PAPER_MERGE);
        assertThat(driver.historicVariable(instance, BACKGROUND_PAPER_SIGNED_OFF)).isEqualTo(true);
        circulateDocumentationPack(instance);
        assertThat(instance).isWaitingAt(GATEWAY_PREPARATION_JOIN);
        assertThat(signatures(1)).extracting(Documents.Review::reviewer, Documents.Review::decision)
                .containsExactly(tuple("ravi", ReviewDecision.REJECT));
        assertThat(signatures(2)).extracting(Documents.Review::reviewer, Documents.Review::decision)
                .containsExactlyInAnyOrder(tuple("ravi", ReviewDecision.APPROVE), tuple("sofia", ReviewDecision.APPROVE),
                        tuple("kenji", ReviewDecision.APPROVE));
        assertThat(backgroundPaper().circulatedAt()).isNotNull();
    }

    @Test
    void shouldNotRecordThePackAsCirculatedUntilStaffConfirmItWent() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_COMMISSION_BACKGROUND_PAPER);
        commissionBackgroundPaper(instance);
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity(TASK_SUBMIT_BACKGROUND_PAPER_DRAFT)
                .startBeforeActivity(TASK_CIRCULATE_DOCUMENTATION_PACK)
                .execute();
        Task circulate = driver.task(instance, TASK_CIRCULATE_DOCUMENTATION_PACK);

        assertThatThrownBy(() -> driver.complete(circulate, "lena", Map.of(PACK_CIRCULATED, false, PACK_NOTE, "Not yet.")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Send the background paper to everyone who has accepted' is required");
        assertThatThrownBy(() -> driver.complete(circulate, "lena", Map.of(PACK_NOTE, "Not yet.")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Send the background paper to everyone who has accepted' is required");

        assertThat(instance).isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK);
        assertThat(backgroundPaper().circulatedAt()).isNull();
        driver.complete(circulate, "lena", Map.of(PACK_CIRCULATED, true));
        assertThat(instance).isWaitingAt(GATEWAY_PREPARATION_JOIN);
        assertThat(backgroundPaper().circulatedAt()).isNotNull();
    }

    @Test
    void shouldRemindEveryStaffMemberOnceWhenThePackIsOverdueAndNobodyHasClaimedIt() {
        ProcessInstance instance = waitingToCirculate();
        Task circulate = driver.task(instance, TASK_CIRCULATE_DOCUMENTATION_PACK);

        Date due = driver.fireTimer(instance, BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE);
        assertThat(due).as("the task's due date").isEqualTo(circulate.getDueDate()).isEqualTo(beforeFirstSession(21));
        assertThat(instance).isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK, SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK);
        driver.runAsyncJob(instance, SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK);

        assertThat(instance).hasPassed(SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK, END_EVENT_STAFF_REMINDED)
                .isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK);
        List<Map<String, Object>> reminders = overdueMails();
        assertThat(reminders).extracting(mail -> mail.get("recipient"))
                .contains("lena@convene.example", "omar@convene.example")
                .doesNotContain("grace@convene.example", "ravi@convene.example");
        assertThat(reminders).allSatisfy(mail -> assertThat((String) mail.get("body"))
                .contains("\"Circulate documentation pack\" (Background paper) of the meeting " + code + " was due on "
                                + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy', 09:00 (Asia/Amman time; '", Locale.ENGLISH)
                                        .format(meeting.firstDay().minusDays(21)) + "06:00 UTC)",
                        "/camunda/app/tasklist/default/#/?task=" + circulate.getId()));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE).count()).as("fires once").isZero();

        // the reminder's job run again (a retry after a crash): nothing is written twice
        runtimeService.createProcessInstanceModification(instance.getId())
                .startBeforeActivity(SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK).execute();
        driver.runAsyncJob(instance, SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK);
        assertThat(overdueMails()).hasSameSizeAs(reminders);

        circulateDocumentationPack(instance);
        assertThat(instance).isWaitingAt(GATEWAY_PREPARATION_JOIN);
    }

    @Test
    void shouldRemindOnlyTheStaffMemberWhoClaimedTheOverduePack() {
        ProcessInstance instance = waitingToCirculate();
        taskService.claim(driver.task(instance, TASK_CIRCULATE_DOCUMENTATION_PACK).getId(), "omar");

        driver.fireTimer(instance, BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE);
        driver.runAsyncJob(instance, SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK);

        assertThat(overdueMails()).extracting(mail -> mail.get("recipient")).containsExactly("omar@convene.example");
    }

    @Test
    void shouldRemindNobodyWhenThePackWentOutBeforeTheReminderRan() {
        ProcessInstance instance = waitingToCirculate();
        driver.fireTimer(instance, BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE);
        circulateDocumentationPack(instance);

        driver.runAsyncJob(instance, SERVICE_TASK_REMIND_STAFF_OF_OVERDUE_PACK);

        assertThat(instance).hasPassed(END_EVENT_STAFF_REMINDED);
        assertThat(overdueMails()).isEmpty();
    }

    /** A signed-off background paper waiting at "Circulate documentation pack". */
    private ProcessInstance waitingToCirculate() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_COMMISSION_BACKGROUND_PAPER);
        commissionBackgroundPaper(instance);
        submitBackgroundPaperDraft(instance, "## Background paper\n\nThe only draft.");
        signOffBackgroundPaper(instance, "approve", "approve", "approve");
        assertThat(instance).isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK);
        return instance;
    }

    /** The overdue reminders the meeting's outbox holds, in the order written. */
    private List<Map<String, Object>> overdueMails() {
        return jdbc.sql("select recipient, body from cv_outbox_mail where meeting_code = ? and message_id like '<overdue-%' order by id")
                .param(code).query().listOfRows();
    }

    private void commissionBackgroundPaper(ProcessInstance instance) {
        Task commission = driver.task(instance, TASK_COMMISSION_BACKGROUND_PAPER);
        assertThat(commission).hasCandidateGroup(ConveneGroups.STAFF);
        driver.complete(commission, "lena", Map.of(PAPER_AUTHOR, "Prof. Daniel Reyes",
                PAPER_BRIEF, "Past cooperative arrangements to share burden and responsibilities.",
                PAPER_DUE_DATE, meeting.firstDay().minusWeeks(5).toString()));
    }

    /** Submits a draft; returns the id of the version it became. */
    private long submitBackgroundPaperDraft(ProcessInstance instance, String text) {
        Task submit = driver.task(instance, TASK_SUBMIT_BACKGROUND_PAPER_DRAFT);
        assertThat(driver.candidateGroups(submit)).containsExactly(ConveneGroups.STAFF);
        assertThat(submit).hasDueDate(beforeFirstSession(28));
        assertThat(driver.taskVariable(submit, DOCUMENT_TITLE)).isEqualTo("Background paper");
        driver.complete(submit, "omar", Map.of(DRAFT_TEXT, text));
        Documents.Version latest = documents.latest(code, DocumentKind.BACKGROUND_PAPER, "").orElseThrow();
        assertThat(latest.body()).isEqualTo(text.strip());
        return latest.id();
    }

    /** The reviewers ravi, sofia and kenji decide in that order; null: the sign-off ended before their turn. */
    private void signOffBackgroundPaper(ProcessInstance instance, String... decisions) {
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_SIGN_OFF_BACKGROUND_PAPER);
        ProcessInstance signOff = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(driver.tasks(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrderElementsOf(REVIEWERS);
        for (int i = 0; i < decisions.length; i++) {
            String reviewer = REVIEWERS.get(i);
            List<Task> own = driver.tasks(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT).stream()
                    .filter(t -> reviewer.equals(t.getAssignee())).toList();
            if (decisions[i] == null) {
                assertThat(own).as("%s's task after the sign-off was decided", reviewer).isEmpty();
                continue;
            }
            assertThat(own).hasSize(1);
            driver.complete(own.get(0), reviewer, Map.of(DECISION, decisions[i],
                    COMMENTS, decisions[i].equals("reject") ? "Cite the conclusions of the 2011 Amman meeting." : ""));
        }
        assertThat(signOff).isEnded();
    }

    private void circulateDocumentationPack(ProcessInstance instance) {
        Task circulate = driver.task(instance, TASK_CIRCULATE_DOCUMENTATION_PACK);
        assertThat(circulate).as("three weeks before the first session").hasCandidateGroup(ConveneGroups.STAFF)
                .hasDueDate(beforeFirstSession(21));
        driver.complete(circulate, "lena", Map.of(PACK_CIRCULATED, true, PACK_NOTE, "Sent with the agenda."));
    }

    private void sendAndAccept(ProcessInstance seat) {
        driver.runAsyncJobs(seat);
        invitationReplies.receive(code, Long.parseLong((String) runtimeService.getVariable(seat.getId(),
                InvitationProcess.PARTICIPANT_ID)), InvitationReply.ACCEPT, ReplyChannel.EMAIL, null, null, "lena");
        assertThat(seat).isEnded();
    }

    /** The seed's agenda starts each day at 09:00 in Amman. */
    private Date beforeFirstSession(int days) {
        return Date.from(meeting.firstDay().atTime(LocalTime.of(9, 0)).atZone(AMMAN).minusDays(days).toInstant());
    }

    /** The background paper as the document module records it. */
    private Documents.Document backgroundPaper() {
        return documents.find(code, DocumentKind.BACKGROUND_PAPER, "").orElseThrow();
    }

    /** The signatures of one version of the background paper, in the order given. */
    private List<Documents.Review> signatures(int version) {
        return documents.reviews(code, DocumentKind.BACKGROUND_PAPER, "").stream()
                .filter(r -> r.version() == version && r.kind() == ReviewKind.SIGN_OFF).toList();
    }
}
