package org.convene.meeting;

import org.convene.Offers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.TestMeetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.invitation.Participants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PreparationProcess: agenda, participant list with the invitations, and background paper
 * with its sign-off, in parallel until all three have joined.
 */
@ConveneIntegrationTest
class PreparationProcessTests {

    static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    static final String TITLE = ExpertMeetings.TITLE;
    static final List<String> REVIEWERS = List.of("ravi", "sofia", "kenji");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired Participants participants;
    @Autowired Agendas agendas;
    @Autowired JdbcClient jdbc;

    String code;
    LocalDate firstDay;
    String meetingDates;
    long amira;
    long grace;

    @BeforeEach
    void registerAMeeting() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("PREP");
        firstDay = ExpertMeetings.firstDay();
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);
        meetingDates = (String) runtimeService.getVariable(meeting.getId(), "meetingDates");
        amira = participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "a.khalil@gov.example", false);
        grace = participants.add(code, "Grace Otieno", "Refugee Law Project", ParticipantCategory.NGO,
                "g.otieno@ngo.example", true);
    }

    @Test
    void shouldPrepareTheMeetingOnThreeParallelBranchesThatJoinAtTheEnd() {
        long peter = participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("PreparationProcess", code, phaseVariables());

        assertThat(instance).isWaitingAtExactly("Task_DraftAgenda", "Task_CompileParticipantList",
                "Task_CommissionBackgroundPaper");

        // background paper
        commissionBackgroundPaper(instance);
        submitBackgroundPaperDraft(instance, "## Background paper\n\nFirst and only draft.");
        signOffBackgroundPaper(instance, "approve", "approve", "approve");
        assertThat(processVariable(instance, "backgroundPaperSignedOff")).isEqualTo(true);
        circulateDocumentationPack(instance);
        assertThat(instance).isNotEnded().isWaitingAt("Gateway_PreparationJoin");

        // agenda
        Task draftAgenda = task("Task_DraftAgenda", instance);
        assertThat(draftAgenda).hasCandidateGroup("convener-staff");
        assertThat((String) taskService.getVariable(draftAgenda.getId(), "agendaSummary"))
                .contains("Day 1 — " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(firstDay),
                        "Welcome", "Working Group 1");
        complete("lena", draftAgenda, Map.of("agendaReady", true));
        assertThat(task("Task_ApproveAgenda", instance)).hasCandidateGroup("managers");
        complete("grace", task("Task_ApproveAgenda", instance), Map.of("decision", "approve"));
        assertThat(instance).isNotEnded();

        // participants and invitations
        complete("lena", task("Task_CompileParticipantList", instance), Map.of("listReady", true));
        complete("grace", task("Task_ApproveParticipantList", instance), Map.of("decision", "approve", "comments", "Balanced."));
        List<ProcessInstance> invitations = invitations(instance);
        assertThat(invitations).hasSize(2);
        invitations.forEach(this::sendAndAccept);

        assertThat(instance).isEnded().hasPassed("Gateway_PreparationJoin", "EndEvent_MeetingPrepared");
        assertThat(invitationStatuses()).containsOnly(
                Map.entry(amira, "ACCEPTED"), Map.entry(peter, "ACCEPTED"));
        assertThat(agendas.reviewHistory(code)).extracting(ConceptNotes.Review::decision, ConceptNotes.Review::reviewer)
                .containsExactly(tuple("approve", "grace"));
        assertThat(listReviews()).extracting(r -> r.get("decision")).containsExactly("approve");
        assertThat(backgroundPaper()).satisfies(doc -> assertThat(doc.get("circulated_at")).isNotNull());
    }

    @Test
    void shouldReturnTheAgendaOnceWithCommentsThenApproveIt() {
        ProcessInstance instance = startBefore("Task_DraftAgenda");
        Task firstDraft = task(instance);
        assertThat(taskService.getVariable(firstDraft.getId(), "reviewComments")).isEqualTo("");
        complete("lena", firstDraft, Map.of("agendaReady", true));

        complete("grace", task(instance), Map.of("decision", "return", "comments", "Move the reception to the first evening."));

        assertThat(instance).isWaitingAt("Task_DraftAgenda");
        assertThat(processVariable(instance, "agendaApproved")).isEqualTo(false);
        assertThat(taskService.getVariable(task(instance).getId(), "reviewComments"))
                .isEqualTo("Move the reception to the first evening.");
        complete("lena", task(instance), Map.of("agendaReady", true));
        assertThat(instance).isWaitingAt("Task_ApproveAgenda");
        complete("grace", task(instance), Map.of("decision", "approve"));

        assertThat(instance).isWaitingAt("Gateway_PreparationJoin").hasPassed("Gateway_AgendaApproved");
        assertThat(processVariable(instance, "agendaApproved")).isEqualTo(true);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(agendas.reviewHistory(code)).extracting(ConceptNotes.Review::decision, ConceptNotes.Review::comments,
                        ConceptNotes.Review::reviewer)
                .containsExactly(tuple("return", "Move the reception to the first evening.", "grace"),
                        tuple("approve", null, "grace"));
    }

    @Test
    void shouldReturnTheParticipantListThenInviteEveryoneOnTheApprovedListButNotTheReserve() {
        ProcessInstance instance = startBefore("Task_CompileParticipantList");
        complete("lena", task(instance), Map.of("listReady", true));
        Task approve = task(instance);
        assertThat(approve).hasCandidateGroup("managers");
        assertThat((String) taskService.getVariable(approve.getId(), "participantSummary"))
                .contains("**1** invitees in all, 1 in reserve");

        complete("grace", approve, Map.of("decision", "return", "comments", "Invite an international organisation and an academic."));

        assertThat(instance).isWaitingAt("Task_CompileParticipantList");
        assertThat(invitations(instance)).isEmpty();
        assertThat(taskService.getVariable(task(instance).getId(), "reviewComments"))
                .isEqualTo("Invite an international organisation and an academic.");
        long peter = participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        long daniel = participants.add(code, "Daniel Reyes", "University of Oxford", ParticipantCategory.ACA, "d.reyes@ox.example", false);
        complete("lena", task(instance), Map.of("listReady", true));
        assertThat((String) taskService.getVariable(task(instance).getId(), "participantSummary"))
                .contains("**3** invitees in all, 1 in reserve");
        complete("grace", task(instance), Map.of("decision", "approve"));

        assertThat(instance).isWaitingAt("CallActivity_InviteParticipants");
        List<ProcessInstance> invitations = invitations(instance);
        assertThat(invitations).allSatisfy(seat -> assertThat(seat).hasBusinessKey(code));
        assertThat(invitations).extracting(seat -> runtimeService.getVariable(seat.getId(), "participantId"))
                .containsExactlyInAnyOrder(String.valueOf(amira), String.valueOf(peter), String.valueOf(daniel));
        assertThat(runtimeService.getVariables(invitations.get(0).getId())).containsEntry("meetingCode", code)
                .containsEntry("meetingTitle", TITLE).containsEntry("meetingDates", meetingDates);
        invitations.forEach(seat -> {
            execute(job("ServiceTask_SendInvitation", seat));
            execute(job("ServiceTask_SendInvitation", seat));
        });
        assertThat(invitationStatuses()).containsOnlyKeys(amira, peter, daniel).doesNotContainKey(grace);
        assertThat(jdbc.sql("select recipient from cv_outbox_mail where meeting_code = ? order by recipient").param(code)
                .query(String.class).list())
                .containsExactly("a.khalil@gov.example", "d.reyes@ox.example", "p.mwangi@iom.example");
        assertThat(listReviews()).extracting(r -> r.get("decision"), r -> r.get("reviewer"))
                .containsExactly(tuple("return", "grace"), tuple("approve", "grace"));
    }

    @Test
    void shouldSendARejectedBackgroundPaperBackToItsAuthorWithTheReviewersComments() {
        ProcessInstance instance = startBefore("Task_CommissionBackgroundPaper");
        commissionBackgroundPaper(instance);
        assertThat(backgroundPaper()).containsEntry("author_name", "Prof. Daniel Reyes")
                .containsEntry("due_date", java.sql.Date.valueOf(firstDay.minusWeeks(5)));
        long first = submitBackgroundPaperDraft(instance, "## Background paper\n\nFirst draft.");

        signOffBackgroundPaper(instance, "reject", null, null);

        assertThat(instance).isWaitingAt("Task_SubmitBackgroundPaperDraft");
        assertThat(processVariable(instance, "backgroundPaperSignedOff")).isEqualTo(false);
        Task resubmit = task(instance);
        assertThat(resubmit).as("back to its author").isAssignedTo("omar");
        assertThat(taskService.getVariable(resubmit.getId(), "reviewComments"))
                .isEqualTo("**ravi**: Cite the conclusions of the 2011 Amman meeting.");
        assertThat(taskService.getVariable(resubmit.getId(), "draftText")).isEqualTo("## Background paper\n\nFirst draft.");
        long second = submitBackgroundPaperDraft(instance, "## Background paper\n\nSecond draft, citing Amman 2011.");
        assertThat(second).isNotEqualTo(first);
        assertThat(runtimeService.getVariable(calledProcessInstance("SignOffProcess", instance).getId(), "documentVersionId"))
                .isEqualTo(second);
        signOffBackgroundPaper(instance, "approve", "approve", "approve");

        assertThat(instance).isWaitingAt("Task_CirculateDocumentationPack");
        assertThat(processVariable(instance, "backgroundPaperSignedOff")).isEqualTo(true);
        circulateDocumentationPack(instance);
        assertThat(instance).isWaitingAt("Gateway_PreparationJoin");
        assertThat(signatures(first)).extracting(r -> r.get("reviewer"), r -> r.get("decision"))
                .containsExactly(tuple("ravi", "reject"));
        assertThat(signatures(second)).extracting(r -> r.get("reviewer"), r -> r.get("decision"))
                .containsExactlyInAnyOrder(tuple("ravi", "approve"), tuple("sofia", "approve"), tuple("kenji", "approve"));
        assertThat(backgroundPaper().get("circulated_at")).isNotNull();
    }

    @Test
    void shouldNotRecordThePackAsCirculatedUntilStaffConfirmItWent() {
        ProcessInstance instance = startBefore("Task_CommissionBackgroundPaper");
        commissionBackgroundPaper(instance);
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity("Task_SubmitBackgroundPaperDraft")
                .startBeforeActivity("Task_CirculateDocumentationPack")
                .execute();
        Task circulate = task(instance);

        assertThatThrownBy(() -> complete("lena", circulate, Map.of("packCirculated", false, "packNote", "Not yet.")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'The pack has gone to everyone who accepted' is required");
        assertThatThrownBy(() -> complete("lena", circulate, Map.of("packNote", "Not yet.")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'The pack has gone to everyone who accepted' is required");

        assertThat(instance).isWaitingAt("Task_CirculateDocumentationPack");
        assertThat(backgroundPaper().get("circulated_at")).isNull();
        complete("lena", circulate, Map.of("packCirculated", true));
        assertThat(instance).isWaitingAt("Gateway_PreparationJoin");
        assertThat(backgroundPaper().get("circulated_at")).isNotNull();
    }

    private ProcessInstance startBefore(String activityId) {
        return runtimeService.createProcessInstanceByKey("PreparationProcess").businessKey(code)
                .setVariables(phaseVariables()).startBeforeActivity(activityId).execute();
    }

    private Map<String, Object> phaseVariables() {
        return Map.of("meetingCode", code, "meetingTitle", TITLE, "meetingPlace", "Amman, Jordan", "meetingDates", meetingDates);
    }

    private void commissionBackgroundPaper(ProcessInstance instance) {
        Task commission = task("Task_CommissionBackgroundPaper", instance);
        assertThat(commission).hasCandidateGroup("convener-staff");
        complete("lena", commission, Map.of("paperAuthor", "Prof. Daniel Reyes",
                "paperBrief", "Past cooperative arrangements to share burden and responsibilities.",
                "paperDueDate", firstDay.minusWeeks(5).toString()));
    }

    /** Submits a draft; returns the id of the version it became. */
    private long submitBackgroundPaperDraft(ProcessInstance instance, String text) {
        Task submit = task("Task_SubmitBackgroundPaperDraft", instance);
        assertThat(Offers.candidateGroups(taskService, submit)).containsExactly("convener-staff");
        assertThat(submit).hasDueDate(beforeFirstSession(28));
        assertThat(taskService.getVariable(submit.getId(), "documentTitle")).isEqualTo("Background paper");
        complete("omar", submit, Map.of("draftText", text));
        return jdbc.sql("""
                select v.id from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = 'BACKGROUND_PAPER' and v.body = ?""")
                .params(code, text.strip()).query(Long.class).single();
    }

    /** The reviewers ravi, sofia and kenji decide in that order; null: the sign-off ended before their turn. */
    private void signOffBackgroundPaper(ProcessInstance instance, String... decisions) {
        assertThat(instance).isWaitingAt("CallActivity_SignOffBackgroundPaper");
        ProcessInstance signOff = calledProcessInstance("SignOffProcess", instance);
        assertThat(signOff).hasBusinessKey(code);
        assertThat(taskService.createTaskQuery().processInstanceId(signOff.getId()).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(REVIEWERS);
        for (int i = 0; i < decisions.length; i++) {
            String reviewer = REVIEWERS.get(i);
            Task task = taskService.createTaskQuery().processInstanceId(signOff.getId()).taskAssignee(reviewer).singleResult();
            if (decisions[i] == null) {
                assertThat(task).as("%s's task after the sign-off was decided", reviewer).isNull();
                continue;
            }
            complete(reviewer, task, Map.of("decision", decisions[i],
                    "comments", decisions[i].equals("reject") ? "Cite the conclusions of the 2011 Amman meeting." : ""));
        }
        assertThat(signOff).isEnded();
    }

    private void circulateDocumentationPack(ProcessInstance instance) {
        Task circulate = task("Task_CirculateDocumentationPack", instance);
        assertThat(circulate).as("14 days before the first session").hasCandidateGroup("convener-staff")
                .hasDueDate(beforeFirstSession(14));
        complete("lena", circulate, Map.of("packCirculated", true, "packNote", "Sent with the agenda."));
    }

    private void sendAndAccept(ProcessInstance seat) {
        execute(job("ServiceTask_SendInvitation", seat));
        execute(job("ServiceTask_SendInvitation", seat));
        complete("lena", task(seat), Map.of("reply", "accept", "replyChannel", "email"));
        assertThat(seat).isEnded();
    }

    /** The seed's agenda starts each day at 09:00 in Amman. */
    private Date beforeFirstSession(int days) {
        return Date.from(firstDay.atTime(LocalTime.of(9, 0)).atZone(AMMAN).minusDays(days).toInstant());
    }

    private void complete(String user, Task task, Map<String, Object> values) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<ProcessInstance> invitations(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("InvitationProcess").list();
    }

    private Object processVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                .map(v -> v.getValue()).findFirst().orElse(null);
    }

    private Map<Long, String> invitationStatuses() {
        return jdbc.sql("select participant_id, status from cv_invitation where meeting_code = ?").param(code)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<Map<String, Object>> listReviews() {
        return jdbc.sql("select decision, comments, reviewer from cv_participant_list_review where meeting_code = ? order by id")
                .param(code).query().listOfRows();
    }

    private Map<String, Object> backgroundPaper() {
        return jdbc.sql("select author_name, brief, due_date, circulated_at from cv_document where meeting_code = ? and kind = 'BACKGROUND_PAPER'")
                .param(code).query().singleRow();
    }

    private List<Map<String, Object>> signatures(long versionId) {
        return jdbc.sql("select reviewer, decision, comments from cv_document_review where document_version_id = ? and kind = 'SIGN_OFF' order by id")
                .param(versionId).query().listOfRows();
    }
}
