package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.MeetingSchedules;
import org.convene.framework.SummaryConclusionsProcess;
import org.convene.workflow.EngineClock;
import org.convene.workflow.FormValidationPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's lists, which every user of a group finds on signing in: "My groups' tasks" (the
 * tasks offered to the user's groups, assigned or not), "My tasks" (the tasks assigned to the
 * user), "Overdue" and "Due this week" (of the user's groups), and one per running meeting, each
 * evaluated for whoever opens it.
 */
@ConveneIntegrationTest
class TasklistFiltersTests {

    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ProcessDriver driver;
    @Autowired MeetingSchedules schedules;

    @Test
    void shouldListTheTasksOfTheUsersGroupsAndThoseAssignedToTheUser() {
        String code = TestMeetings.newCode("FLT");
        Task draft = newMeetingsDraft(code);

        assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName).as("created at start-up")
                .contains(GroupAuthorizations.MY_GROUPS_TASKS, GroupAuthorizations.MY_TASKS, GroupAuthorizations.OVERDUE,
                        GroupAuthorizations.DUE_THIS_WEEK);
        assertThat(listed("My groups' tasks", "lena")).contains(draft.getId());
        assertThat(listed("My groups' tasks", "ravi")).doesNotContain(draft.getId());
        assertThat(listed("My tasks", "lena")).doesNotContain(draft.getId());

        driver.actAs("lena", () -> taskService.claim(draft.getId(), "lena"));

        assertThat(listed("My tasks", "lena")).contains(draft.getId());
        assertThat(listed("My tasks", "omar")).doesNotContain(draft.getId());
        assertThat(listed("My groups' tasks", "omar")).as("assigned tasks stay in the group's list").contains(draft.getId());
    }

    @Test
    void shouldListOverdueTasksAndThoseDueThisWeekOfTheUsersGroups() {
        String code = TestMeetings.newCode("FLD");
        Task draft = newMeetingsDraft(code);

        taskService.setDueDate(draft.getId(), Date.from(EngineClock.instant().minus(1, ChronoUnit.DAYS)));
        assertThat(listed(GroupAuthorizations.OVERDUE, "lena")).contains(draft.getId());
        assertThat(listed(GroupAuthorizations.OVERDUE, "ravi")).doesNotContain(draft.getId());
        assertThat(listed(GroupAuthorizations.OVERDUE, "grace")).as("managers read it, but it is not their work")
                .doesNotContain(draft.getId());
        assertThat(listed(GroupAuthorizations.DUE_THIS_WEEK, "lena")).doesNotContain(draft.getId());

        taskService.setDueDate(draft.getId(), Date.from(EngineClock.instant().plus(3, ChronoUnit.DAYS)));
        assertThat(listed(GroupAuthorizations.OVERDUE, "lena")).doesNotContain(draft.getId());
        assertThat(listed(GroupAuthorizations.DUE_THIS_WEEK, "lena")).contains(draft.getId());

        taskService.setDueDate(draft.getId(), Date.from(EngineClock.instant().plus(8, ChronoUnit.DAYS)));
        assertThat(listed(GroupAuthorizations.DUE_THIS_WEEK, "lena")).doesNotContain(draft.getId());
    }

    /**
     * Convene grants only, but an administrator may take one person's sight of a task away in Admin (a
     * REVOKE authorization): the engine checks revokes (authorization-check-revokes: always, which is
     * also what keeps these lists fast on PostgreSQL; README: Performance), so the list obeys it.
     */
    @Test
    void shouldLeaveOutATaskWhoseSightAnAdministratorRevoked() {
        String code = TestMeetings.newCode("FLR");
        Task draft = newMeetingsDraft(code);
        assertThat(listed(GroupAuthorizations.MY_GROUPS_TASKS, "omar")).contains(draft.getId());

        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("omar");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(draft.getId());
        revoke.removePermission(Permissions.READ);
        authorizationService.saveAuthorization(revoke);
        try {
            assertThat(listed(GroupAuthorizations.MY_GROUPS_TASKS, "omar")).as("revoked for omar")
                    .doesNotContain(draft.getId());
            assertThat(listed(GroupAuthorizations.MY_GROUPS_TASKS, "lena")).as("the rest of his group still sees it")
                    .contains(draft.getId());
        } finally {
            authorizationService.deleteAuthorization(revoke.getId());
        }
        assertThat(listed(GroupAuthorizations.MY_GROUPS_TASKS, "omar")).as("the revoke removed").contains(draft.getId());
    }

    @Test
    void shouldKeepAListPerRunningMeetingShowingTheMeetingAndTheDocument() {
        String code = TestMeetings.newCode("FLM");
        Task draft = newMeetingsDraft(code);
        String other = TestMeetings.newCode("FLO");
        ExpertMeetings.propose(runtimeService, other, ExpertMeetings.firstDay());

        Filter list = meetingList(code);
        assertThat(list).as("the meeting's list").isNotNull();
        assertThat(list.getName()).as("code and title, shortened to 80 characters")
                .isEqualTo((code + " · " + ExpertMeetings.TITLE).substring(0, 79) + "…");
        assertThat(list.getProperties()).containsEntry("variables", GroupAuthorizations.LIST_VARIABLES);
        assertThat(listed(list.getName(), "lena")).containsExactly(draft.getId());
        assertThat(listed(list.getName(), "ravi")).isEmpty();
        assertThat(taskService.getVariablesLocal(draft.getId())).as("what each task of a list shows")
                .containsEntry(FormValidationPlugin.TASK_MEETING_VARIABLE, code)
                .containsEntry(FormValidationPlugin.TASK_MEETING_TITLE_VARIABLE, ExpertMeetings.TITLE);

        schedules.cancel(code, "Postponed to next year.", "grace");
        assertThat(meetingList(code)).as("removed when the meeting ends").isNull();
        assertThat(meetingList(other)).isNotNull();
    }

    @Test
    void shouldShowTheDocumentTitleOnADocumentsTask() {
        String code = TestMeetings.newCode("FLS");
        ProcessInstance conclusions = driver.startBefore(SummaryConclusionsProcess.ID, code,
                ExpertMeetings.phaseVariables(runtimeService, ExpertMeetings.propose(runtimeService, code,
                        ExpertMeetings.firstDay())), SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS);
        Task draft = driver.task(conclusions, SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS);
        assertThat(taskService.getVariableLocal(draft.getId(), FormValidationPlugin.TASK_DOCUMENT_VARIABLE))
                .isEqualTo("Summary conclusions");
    }

    /** A new meeting's first task, "Draft concept note" (offered to convener-staff). */
    private Task newMeetingsDraft(String code) {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        return driver.task(driver.called(meeting, ConceptNoteApprovalProcess.ID).get(0),
                ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE);
    }

    private Filter meetingList(String code) {
        return filterService.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && code.equals(f.getProperties().get("meetingCode")))
                .findFirst().orElse(null);
    }

    private List<String> listed(String filterName, String user) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        assertThat(filter).as(filterName).isNotNull();
        List<String> ids = new ArrayList<>();
        driver.actAs(user, () -> filterService.<Task>list(filter.getId()).forEach(task -> ids.add(task.getId())));
        return ids;
    }
}
