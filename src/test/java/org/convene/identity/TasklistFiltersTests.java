package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's two lists, which every user of a group finds on signing in: "My groups' tasks" (the
 * tasks offered to the user's groups, assigned or not) and "My tasks" (the tasks assigned to the
 * user), each evaluated for whoever opens it.
 */
@ConveneIntegrationTest
class TasklistFiltersTests {

    @Autowired FilterService filterService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ProcessDriver driver;

    @Test
    void shouldListTheTasksOfTheUsersGroupsAndThoseAssignedToTheUser() {
        String code = TestMeetings.newCode("FLT");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        Task draft = driver.called(meeting, ConceptNoteApprovalProcess.ID).stream()
                .map(instance -> driver.task(instance, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE))
                .findFirst().orElseThrow();

        assertThat(listed("My groups' tasks", "lena")).contains(draft.getId());
        assertThat(listed("My groups' tasks", "ravi")).doesNotContain(draft.getId());
        assertThat(listed("My tasks", "lena")).doesNotContain(draft.getId());

        driver.actAs("lena", () -> taskService.claim(draft.getId(), "lena"));

        assertThat(listed("My tasks", "lena")).contains(draft.getId());
        assertThat(listed("My tasks", "omar")).doesNotContain(draft.getId());
        assertThat(listed("My groups' tasks", "omar")).as("assigned tasks stay in the group's list").contains(draft.getId());
    }

    private List<String> listed(String filterName, String user) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        assertThat(filter).as(filterName).isNotNull();
        List<String> ids = new ArrayList<>();
        driver.actAs(user, () -> filterService.<Task>list(filter.getId()).forEach(task -> ids.add(task.getId())));
        return ids;
    }
}
