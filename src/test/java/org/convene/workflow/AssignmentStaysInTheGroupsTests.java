package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.document.SignOffPolicy;
import org.convene.document.SignOffProcess;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.workflow.TaskDoors.Answer;
import org.convene.workflow.TaskDoors.Door;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A task is held only inside the groups its process offers it to: what a user might do to
 * another group's work (assign it, delegate it, make someone its owner or candidate, offer it to
 * another group or withdraw it from its own) is refused with 403 and a message naming the user
 * and the groups, through Convene's REST API and Tasklist's own API alike, and nothing changes.
 * Each test starts a concept note waiting at "Draft concept note", offered to convener-staff.
 */
@ConveneIntegrationTest
class AssignmentStaysInTheGroupsTests {

    static final String BACKGROUND = "The international refugee regime is predicated on cooperation.";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Documents documents;

    @Value("${local.server.port}")
    int port;

    TaskDoors doors;
    String code;
    String draft;

    @BeforeEach
    void startAConceptNote() {
        doors = new TaskDoors(rest, port);
        code = TestMeetings.newCode("ASSIGN");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ConceptNoteApprovalProcess.ID, code, Map.of(
                ProcessVariables.MEETING_CODE, code, ProcessVariables.MEETING_TITLE, "Expert meeting on burden sharing",
                ProcessVariables.MEETING_PLACE, "Amman, Jordan", ProcessVariables.MEETING_DATES, "8–9 February 2027"));
        draft = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        taskService.setVariable(draft, ConceptNoteApprovalProcess.BACKGROUND, BACKGROUND);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldRefuseStaffAssigningAStaffTaskToAReviewerOrToGuest(Door door) {
        Answer toReviewer = doors.post(door, "lena", "/task/" + draft + "/assignee", Map.of("userId", "ravi"));
        Answer toGuest = doors.post(door, "lena", "/task/" + draft + "/assignee", Map.of("userId", "guest"));
        Answer claimedForReviewer = doors.post(door, "lena", "/task/" + draft + "/claim", Map.of("userId", "ravi"));

        assertThat(toReviewer.status()).isEqualTo(403);
        assertThat(toReviewer.message())
                .isEqualTo("'Draft concept note' can be assigned to a member of convener-staff only: ravi is not one.");
        assertThat(toGuest.status()).isEqualTo(403);
        assertThat(toGuest.message())
                .isEqualTo("'Draft concept note' can be assigned to a member of convener-staff only: guest is not one.");
        assertThat(claimedForReviewer.status()).isEqualTo(403);
        assertThat(task().getAssignee()).isNull();
        assertThat(doors.call(Door.REST, "ravi", "GET", "/task/" + draft, null).status()).isEqualTo(404);
        assertThat(doors.post(Door.REST, "ravi", "/task/" + draft + "/complete", Map.of()).status()).isEqualTo(403);

        Answer toColleague = doors.post(door, "lena", "/task/" + draft + "/assignee", Map.of("userId", "omar"));
        assertThat(toColleague.status()).as(toColleague.body()).isEqualTo(204);
        assertThat(task().getAssignee()).isEqualTo("omar");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldRefuseAnAssigneeDelegatingToGuestAndLeaveGuestNothingToRead(Door door) {
        assertThat(doors.post(door, "lena", "/task/" + draft + "/claim", Map.of("userId", "lena")).status()).isEqualTo(204);

        Answer delegated = doors.post(door, "lena", "/task/" + draft + "/delegate", Map.of("userId", "guest"));

        assertThat(delegated.status()).isEqualTo(403);
        assertThat(delegated.message())
                .isEqualTo("'Draft concept note' can be delegated to a member of convener-staff only: guest is not one.");
        assertThat(task().getAssignee()).isEqualTo("lena");
        assertThat(task().getOwner()).isNull();
        assertGuestReadsNothing();

        Answer toColleague = doors.post(door, "lena", "/task/" + draft + "/delegate", Map.of("userId", "omar"));
        assertThat(toColleague.status()).as(toColleague.body()).isEqualTo(204);
        assertThat(task().getAssignee()).isEqualTo("omar");
        assertThat(task().getOwner()).isEqualTo("lena");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldRefuseMakingGuestOwnerOrCandidateAndChangingTheGroups(Door door) {
        Answer owner = doors.post(door, "lena", "/task/" + draft + "/identity-links", Map.of("userId", "guest", "type", "owner"));
        Answer candidate = doors.post(door, "lena", "/task/" + draft + "/identity-links",
                Map.of("userId", "guest", "type", "candidate"));
        Answer otherGroup = doors.post(door, "lena", "/task/" + draft + "/identity-links",
                Map.of("groupId", "reviewers", "type", "candidate"));
        Answer withdrawn = doors.post(door, "lena", "/task/" + draft + "/identity-links/delete",
                Map.of("groupId", "convener-staff", "type", "candidate"));
        Answer ownerByUpdate = doors.call(door, "lena", "PUT", "/task/" + draft,
                Map.of("name", "Draft concept note", "owner", "guest", "priority", 50));

        assertThat(List.of(owner, candidate, otherGroup, withdrawn, ownerByUpdate)).extracting(Answer::status)
                .containsOnly(403);
        assertThat(owner.message())
                .isEqualTo("'Draft concept note' can be owned by a member of convener-staff only: guest is not one.");
        assertThat(candidate.message())
                .isEqualTo("'Draft concept note' can be offered to a member of convener-staff only: guest is not one.");
        assertThat(otherGroup.message()).isEqualTo(
                "'Draft concept note' is offered to convener-staff by its process: it cannot be offered to reviewers as well.");
        assertThat(withdrawn.message()).isEqualTo(
                "'Draft concept note' is offered to convener-staff by its process: it cannot be withdrawn from convener-staff.");
        assertThat(ownerByUpdate.message()).isEqualTo(owner.message());
        assertThat(taskService.getIdentityLinksForTask(draft)).extracting(IdentityLink::getType, IdentityLink::getGroupId,
                IdentityLink::getUserId).containsExactly(org.assertj.core.groups.Tuple.tuple("candidate", "convener-staff", null));
        assertGuestReadsNothing();

        Answer colleague = doors.post(door, "lena", "/task/" + draft + "/identity-links",
                Map.of("userId", "omar", "type", "candidate"));
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(204);
    }

    @Test
    void shouldLetAnAdministratorReassignWithinTheGroupsOnly() {
        Answer toHimself = doors.post(Door.REST, "demo", "/task/" + draft + "/assignee", Map.of("userId", "demo"));
        Answer toStaff = doors.post(Door.TASKLIST, "demo", "/task/" + draft + "/assignee", Map.of("userId", "lena"));

        assertThat(toHimself.status()).isEqualTo(403);
        assertThat(toHimself.message())
                .isEqualTo("'Draft concept note' can be assigned to a member of convener-staff only: demo is not one.");
        assertThat(toStaff.status()).as(toStaff.body()).isEqualTo(204);
        assertThat(task().getAssignee()).isEqualTo("lena");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void shouldKeepASignOffWithTheReviewerItNames(Door door) {
        ProcessInstance signOff = runtimeService.startProcessInstanceByKey(SignOffProcess.ID, code, Map.of(
                ProcessVariables.MEETING_CODE, code, DocumentVariables.DOCUMENT_VERSION_ID, backgroundPaperBy("lena"),
                SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS, SignOffProcess.REVIEWER_IDS, "ravi",
                SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString()));
        String sign = taskService.createTaskQuery().processInstanceId(signOff.getId()).singleResult().getId();

        Answer handedOn = doors.post(door, "ravi", "/task/" + sign + "/assignee", Map.of("userId", "kenji"));
        Answer released = doors.post(door, "ravi", "/task/" + sign + "/unclaim", null);

        assertThat(handedOn.status()).isEqualTo(403);
        assertThat(handedOn.message())
                .isEqualTo("'Sign off draft' is given by its process to ravi, not to a group: it cannot be assigned to kenji.");
        assertThat(released.status()).isEqualTo(403);
        assertThat(released.message()).isEqualTo(
                "'Sign off draft' is given by its process to ravi, not to a group: it cannot be released, since no one else could take it.");
        assertThat(taskService.createTaskQuery().taskId(sign).singleResult().getAssignee()).isEqualTo("ravi");
    }

    private void assertGuestReadsNothing() {
        Answer variables = doors.call(Door.REST, "guest", "GET", "/task/" + draft + "/variables", null);
        Answer formVariables = doors.call(Door.REST, "guest", "GET", "/task/" + draft + "/form-variables", null);
        Answer listed = doors.call(Door.REST, "guest", "GET", "/task?processInstanceBusinessKey=" + code, null);
        assertThat(variables.status()).isIn(403, 404);
        assertThat(formVariables.status()).isIn(403, 404);
        assertThat(variables.body() + formVariables.body()).doesNotContain(BACKGROUND);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo("[]");
    }

    private Task task() {
        return taskService.createTaskQuery().taskId(draft).singleResult();
    }

    /** Version 1 of the meeting's background paper, drafted by the user. */
    private long backgroundPaperBy(String author) {
        return documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", "Draft.", author, null).id();
    }
}
