package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.TasklistBrowser;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.workflow.TaskDoors.Answer;
import org.convene.workflow.TaskDoors.Door;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The assignment and four-eyes refusals as a person meets them in Tasklist, in a real Chromium:
 * Tasklist's own controls (the assignee field, the Claim button) call the engine, the engine
 * refuses, and Tasklist shows the refusal's message in its red notification. The REST-level
 * rules are tested door by door in {@link AssignmentStaysInTheGroupsTests} and {@link FourEyesTests};
 * screenshots: {@code target/browser/tasklist-assignment-refused.png},
 * {@code target/browser/tasklist-four-eyes-refused.png}.
 */
@ConveneIntegrationTest
class RefusalsInTasklistTests {

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldShowAStaffMemberWhyTheDraftCannotBeAssignedToAReviewer() {
        String draft = task(conceptNoteApproval(TestMeetings.newCode("SEEN")), ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE);

        try (TasklistBrowser browser = TasklistBrowser.start(port, ZoneId.of("UTC"))) {
            browser.signIn("lena");
            browser.openAndClaim(draft);
            browser.click(By.cssSelector("li.assignee .view-value"));
            WebElement assignee = browser.until(d -> d.findElement(By.cssSelector("li.assignee input")));
            assignee.clear();
            assignee.sendKeys("ravi");
            browser.until(d -> d.findElements(By.cssSelector("li.assignee .validating")).isEmpty());
            assignee.sendKeys(Keys.ENTER);

            String refusal = "'Draft concept note' can be assigned to a member of convener-staff only: ravi is not one.";
            browser.until(d -> browser.text().contains(refusal));
            browser.screenshot("tasklist-assignment-refused");
            assertThat(browser.text()).contains("An error happened while assigning the task.");
        }
        assertThat(taskService.createTaskQuery().taskId(draft).singleResult().getAssignee()).isEqualTo("lena");
    }

    @Test
    void shouldShowTheAuthorThatAnotherManagerMustApproveHerDraft() {
        String hanna = "hanna" + Long.toString(System.nanoTime() % 1_000_000, 36);
        createUser(hanna, ConveneGroups.STAFF, ConveneGroups.MANAGERS);
        try {
            ProcessInstance approval = conceptNoteApproval(TestMeetings.newCode("SEEN"));
            Answer drafted = new TaskDoors(rest, port).post(Door.REST, hanna,
                    "/task/" + task(approval, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE) + "/complete",
                    Map.of("variables", ConceptNoteDrafts.restVariables("Background of the meeting.")));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(204);
            String review = task(approval, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE);

            try (TasklistBrowser browser = TasklistBrowser.start(port, ZoneId.of("UTC"))) {
                browser.signIn(hanna);
                browser.openTask(review);
                browser.click(By.cssSelector("button.claim"));

                String refusal = hanna + " drafted version 1 of the concept note; another member of managers must approve it.";
                browser.until(d -> browser.text().contains(refusal));
                browser.click(By.linkText("Description"));
                browser.until(d -> browser.text().contains("Drafted by " + hanna + " — another member of the group must approve it."));
                browser.screenshot("tasklist-four-eyes-refused");
            }
            assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
        } finally {
            identityService.deleteUser(hanna);
        }
    }

    private ProcessInstance conceptNoteApproval(String code) {
        return runtimeService.startProcessInstanceByKey(ConceptNoteApprovalProcess.ID, code, Map.of(
                ProcessVariables.MEETING_CODE, code, ProcessVariables.MEETING_TITLE, "Expert meeting on burden sharing",
                ProcessVariables.MEETING_PLACE, "Amman, Jordan", ProcessVariables.MEETING_DATES, "8–9 February 2027"));
    }

    private String task(ProcessInstance instance, String activityId) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult().getId();
    }

    private void createUser(String id, String... groups) {
        User user = identityService.newUser(id);
        user.setFirstName("Hanna");
        user.setLastName("Tester");
        user.setEmail(id + "@convene.example");
        user.setPassword(id);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }
}
