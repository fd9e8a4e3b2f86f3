package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.document.SignOffPolicy;
import org.convene.document.SignOffProcess;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.Participants;
import org.convene.meeting.Agendas;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.PreparationProcess;
import org.convene.workflow.TaskDoors.Answer;
import org.convene.workflow.TaskDoors.Door;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Four eyes: whoever drafted a version cannot claim, be given or complete the task that approves
 * it, whatever their groups; the task says who drafted it. The tests' own users: `hanna`, in
 * convener-staff and managers (she drafts, and could approve were it not her own draft), and
 * `pia`, in convener-staff and reviewers; both are removed after each test.
 */
@ConveneIntegrationTest
class FourEyesTests {

    @Autowired Participants participants;
    @Autowired Agendas agendas;
    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ConceptNotes conceptNotes;
    @Autowired Documents documents;

    @Value("${local.server.port}")
    int port;

    TaskDoors doors;
    String code;
    String hanna;
    String pia;

    @BeforeEach
    void createTheTestsUsers() {
        doors = new TaskDoors(rest, port);
        code = TestMeetings.newCode("EYES");
        String suffix = code.replace("-", "").substring("EYES".length()).toLowerCase();
        hanna = user("hanna" + suffix, "convener-staff", "managers");
        pia = user("pia" + suffix, "convener-staff", "reviewers");
    }

    @AfterEach
    void removeTheTestsUsers() {
        identityService.deleteUser(hanna);
        identityService.deleteUser(pia);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldNotLetAManagerHandTheConceptNoteReviewToItsAuthor(Door door) {
        String review = draftConceptNoteAs("lena");

        Answer handed = doors.post(door, "grace", "/task/" + review + "/assignee", Map.of("userId", "lena"));

        assertThat(handed.status()).isEqualTo(403);
        assertThat(handed.message()).isEqualTo("lena drafted version 1 of the concept note; another member of managers must approve it.");
        assertThat(task(review).getAssignee()).isNull();
        assertThat(task(review).getDescription()).isEqualTo("Drafted by lena — another member of the group must approve it.");
        Answer author = doors.call(door, "grace", "GET",
                "/task/" + review + "/localVariables/" + TaskAssignmentGuard.DRAFT_AUTHOR_VARIABLE, null);
        assertThat(author.body()).contains("\"value\":\"lena\"");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldNotLetTheAuthorClaimOrCompleteTheReviewOfHerOwnVersionThoughSheIsAManager(Door door) {
        String review = draftConceptNoteAs(hanna);
        String refusal = hanna + " drafted version 1 of the concept note; another member of managers must approve it.";

        Answer claimed = doors.post(door, hanna, "/task/" + review + "/claim", Map.of("userId", hanna));
        Answer completed = doors.post(door, hanna, "/task/" + review + (door == Door.TASKLIST ? "/submit-form" : "/complete"),
                Map.of("variables", RestClients.variables(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue())));
        Answer delegatedToHer = delegateAsGrace(door, review);

        assertThat(List.of(claimed, completed, delegatedToHer)).extracting(Answer::status).containsOnly(403);
        assertThat(List.of(claimed, completed, delegatedToHer)).extracting(Answer::message).containsOnly(refusal);
        assertThat(task(review)).as("still open").isNotNull();
        assertThat(task(review).getDescription()).isEqualTo("Drafted by " + hanna + " — another member of the group must approve it.");
        assertThat(conceptNoteReviewers()).isEmpty();

        assertThat(doors.post(door, "grace", "/task/" + review + "/assignee", Map.of("userId", "grace")).status()).isEqualTo(204);
        Answer approved = doors.post(door, "grace", "/task/" + review + (door == Door.TASKLIST ? "/submit-form" : "/complete"),
                Map.of("variables", RestClients.variables(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue())));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(conceptNoteReviewers()).containsExactly("grace");
    }

    @Test
    void shouldLeaveTheReviewWaitingAndSaySoWhenTheAuthorIsTheOnlyManager() {
        List<String> otherManagers = identityService.createUserQuery().memberOfGroup("managers").list().stream()
                .map(User::getId).filter(id -> !id.equals(hanna)).toList();
        otherManagers.forEach(id -> identityService.deleteMembership(id, "managers"));
        String review;
        try {
            review = draftConceptNoteAs(hanna);
        } finally {
            otherManagers.forEach(id -> identityService.createMembership(id, "managers"));
        }

        assertThat(task(review).getDescription()).isEqualTo("Drafted by " + hanna + " — another member of the group must "
                + "approve it. " + hanna + " is the only member of managers: an administrator must add another.");
        assertThat(doors.post(Door.REST, hanna, "/task/" + review + "/claim", Map.of("userId", hanna)).status()).isEqualTo(403);
        assertThat(doors.post(Door.REST, "grace", "/task/" + review + "/claim", Map.of("userId", "grace")).status())
                .as("once another manager is back").isEqualTo(204);
    }

    @Test
    void shouldNotLetTheAuthorApproveTheAgendaOrTheParticipantList() {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        Map<String, Object> variables = ExpertMeetings.phaseVariables(runtimeService, meeting);
        ProcessInstance agendaPhase = startBefore(PreparationProcess.TASK_DRAFT_AGENDA, variables);
        ProcessInstance listPhase = startBefore(ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST, variables);
        Invitees.amira(participants, code); // an empty list cannot go to approval
        ExpertMeetings.nameRapporteurs(agendas, code);
        complete(hanna, task(agendaPhase, PreparationProcess.TASK_DRAFT_AGENDA), Map.of(PreparationProcess.AGENDA_READY, true));
        complete(hanna, task(listPhase, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST),
                Map.of(ParticipantListProcess.LIST_READY, true));
        String agenda = task(agendaPhase, PreparationProcess.TASK_APPROVE_AGENDA);
        String list = task(listPhase, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST);

        Answer agendaClaim = doors.post(Door.TASKLIST, hanna, "/task/" + agenda + "/claim", Map.of("userId", hanna));
        Answer listClaim = doors.post(Door.REST, hanna, "/task/" + list + "/claim", Map.of("userId", hanna));

        assertThat(agendaClaim.status()).isEqualTo(403);
        assertThat(agendaClaim.message()).isEqualTo(hanna + " drafted the agenda; another member of managers must approve it.");
        assertThat(listClaim.status()).isEqualTo(403);
        assertThat(listClaim.message()).isEqualTo(hanna + " drafted the participant list; another member of managers must approve it.");
        assertThat(task(agenda).getDescription()).startsWith("Drafted by " + hanna);
        assertThat(task(list).getDescription()).startsWith("Drafted by " + hanna);
        assertThat(doors.post(Door.REST, "grace", "/task/" + agenda + "/claim", Map.of("userId", "grace")).status()).isEqualTo(204);
    }

    @Test
    void shouldNotAskAReviewerToSignTheVersionSheDrafted() {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        ProcessInstance preparation = runtimeService.createProcessInstanceByKey(PreparationProcess.ID).businessKey(code)
                .setVariables(ExpertMeetings.phaseVariables(runtimeService, meeting))
                .startBeforeActivity(PreparationProcess.TASK_SUBMIT_BACKGROUND_PAPER_DRAFT).execute();
        String submit = task(preparation, PreparationProcess.TASK_SUBMIT_BACKGROUND_PAPER_DRAFT);

        Answer submitted = doors.post(Door.REST, pia, "/task/" + submit + "/complete",
                Map.of("variables", RestClients.variables(PreparationProcess.DRAFT_TEXT, "## Background paper\n\nPia's draft.")));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
        ProcessInstance signOff = runtimeService.createProcessInstanceQuery().superProcessInstanceId(preparation.getId())
                .processDefinitionKey(SignOffProcess.ID).singleResult();
        List<Task> signatures = taskService.createTaskQuery().processInstanceId(signOff.getId()).list();
        assertThat(signatures).extracting(Task::getAssignee).contains("ravi", "sofia", "kenji").doesNotContain(pia);
        assertThat(signatures).allSatisfy(sign -> assertThat(sign.getDescription())
                .isEqualTo("Drafted by " + pia + " — its author may not approve it."));
        String ravis = signatures.stream().filter(t -> t.getAssignee().equals("ravi")).findFirst().orElseThrow().getId();
        Answer handedToHer = doors.post(Door.TASKLIST, "ravi", "/task/" + ravis + "/assignee", Map.of("userId", pia));
        assertThat(handedToHer.status()).isEqualTo(403);
        assertThat(handedToHer.message()).isEqualTo(pia + " drafted Background paper (version 1); someone else must approve it.");
    }

    @Test
    void shouldRefuseASignOffWhoseOnlyReviewerIsTheAuthor() {
        long version = backgroundPaperBy(pia);
        Map<String, Object> variables = Map.of(ProcessVariables.MEETING_CODE, code,
                DocumentVariables.DOCUMENT_VERSION_ID, version, SignOffProcess.REVIEWER_GROUP, "reviewers",
                SignOffProcess.REVIEWER_IDS, pia, SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString());

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(SignOffProcess.ID, code, variables))
                .isInstanceOf(TaskRefused.class)
                .hasMessage(pia + " drafted Background paper (version 1) and is its only reviewer; someone else must "
                        + "sign it off: an administrator must add another reviewer.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

        ProcessInstance named = runtimeService.startProcessInstanceByKey(SignOffProcess.ID, code, Map.of(
                ProcessVariables.MEETING_CODE, code, DocumentVariables.DOCUMENT_VERSION_ID, version,
                SignOffProcess.REVIEWER_GROUP, "reviewers", SignOffProcess.REVIEWER_IDS, pia + ", kenji",
                SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString()));
        assertThat(taskService.createTaskQuery().processInstanceId(named.getId()).list()).extracting(Task::getAssignee)
                .containsExactly("kenji");
    }

    /** The user completes "Draft concept note" through the REST API; returns the review task it leads to. */
    private String draftConceptNoteAs(String author) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ConceptNoteApprovalProcess.ID, code, Map.of(
                ProcessVariables.MEETING_CODE, code, ProcessVariables.MEETING_TITLE, "Expert meeting on burden sharing",
                ProcessVariables.MEETING_PLACE, "Amman, Jordan", ProcessVariables.MEETING_DATES, "8–9 February 2027"));
        String draft = task(instance, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE);
        Answer drafted = doors.post(Door.REST, author, "/task/" + draft + "/complete", Map.of("variables", ConceptNoteDrafts.restVariables("Background of the meeting.")));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(204);
        return task(instance, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE);
    }

    /** Starts the process that has the activity (whichever phase holds it) right before it. */
    private ProcessInstance startBefore(String activityId, Map<String, Object> variables) {
        String definition = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> repositoryService.getBpmnModelInstance(d.getId()).getModelElementById(activityId) != null)
                .findFirst().orElseThrow().getKey();
        return runtimeService.createProcessInstanceByKey(definition).businessKey(code).setVariables(variables)
                .startBeforeActivity(activityId).execute();
    }

    private Answer delegateAsGrace(Door door, String review) {
        assertThat(doors.post(door, "grace", "/task/" + review + "/claim", Map.of("userId", "grace")).status()).isEqualTo(204);
        Answer delegated = doors.post(door, "grace", "/task/" + review + "/delegate", Map.of("userId", hanna));
        assertThat(doors.post(door, "grace", "/task/" + review + "/unclaim", null).status()).isEqualTo(204);
        return delegated;
    }

    private void complete(String user, String taskId, Map<String, Object> values) {
        Answer done = doors.post(Door.REST, user, "/task/" + taskId + "/complete", Map.of("variables",
                RestClients.variables(values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray())));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private String user(String id, String... groups) {
        User user = identityService.newUser(id);
        user.setFirstName(id.substring(0, 1).toUpperCase() + id.substring(1));
        user.setLastName("Tester");
        user.setEmail(id + "@convene.example");
        user.setPassword(id);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return id;
    }

    private Task task(String id) {
        return taskService.createTaskQuery().taskId(id).singleResult();
    }

    private String task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId();
    }

    private List<String> conceptNoteReviewers() {
        return conceptNotes.reviewHistory(code).stream().map(ConceptNotes.Review::reviewer).toList();
    }

    /** Version 1 of the meeting's background paper, drafted by the user. */
    private long backgroundPaperBy(String author) {
        return documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", "Draft.", author, null).id();
    }
}
