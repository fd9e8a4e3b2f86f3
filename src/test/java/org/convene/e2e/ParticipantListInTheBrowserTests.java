package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.TasklistBrowser;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.Participants;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.ParticipantCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participant list's tasks as staff see them in a real Chromium on Tasklist: the concept
 * note's targets per category typed into "Draft concept note", and "Compile participant list"
 * refused while nobody is on the list, with the reason shown on the form.
 */
@ConveneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantListInTheBrowserTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired ProcessDriver process;
    @Autowired Participants participants;
    @Autowired ConceptNotes conceptNotes;

    TasklistBrowser browser;

    @BeforeAll
    void openTasklist() {
        browser = TasklistBrowser.start(port, ZoneId.of("Asia/Amman"));
        browser.signIn("lena");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowWhyAnEmptyListCannotBeSentToTheManager() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(process, participants, "BR");
        participants.remove(meeting.code(), meeting.amira());
        ProcessInstance phase = process.start(ParticipantListProcess.ID, meeting.code(), meeting.phase());
        Task compile = process.task(phase, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST);

        browser.openAndClaim(compile.getId());
        browser.until(page -> page.getPageSource().contains("Nobody is on the participant list yet"));
        browser.field(ParticipantListProcess.LIST_READY).click();
        browser.complete();

        browser.until(page -> page.getPageSource().contains("nobody is on the participant list (those in reserve are not invited)"));
        Path shot = browser.screenshot("compile-participant-list-empty");
        assertThat(taskService.createTaskQuery().taskId(compile.getId()).count()).as("not completed (%s)", shot).isEqualTo(1);
    }

    @Test
    void shouldKeepTheTargetsPerCategoryTypedIntoTheConceptNote() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(process, participants, "BR");
        conceptNotes.save(meeting.code(), new ConceptNotes.ConceptNote(0, "Background.", "Objectives.", "UNHCR", 25,
                List.of(ParticipantCategory.GOV, ParticipantCategory.IO, ParticipantCategory.ACA), "Amman", "A paper.", "lena",
                Map.of(ParticipantCategory.GOV, 10)));
        ProcessInstance phase = process.start(ConceptNoteApprovalProcess.ID, meeting.code(), meeting.phase());
        Task draft = process.task(phase, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE);

        browser.openAndClaim(draft.getId());
        browser.until(page -> "10".equals(browser.valueOf(ConceptNoteApprovalProcess.TARGET_GOV)));
        browser.type(ConceptNoteApprovalProcess.TARGET_IO, "6");
        browser.type(ConceptNoteApprovalProcess.TARGET_ACA, "4");
        Path shot = browser.screenshot("draft-concept-note-targets");
        browser.complete();

        browser.until(page -> taskService.createTaskQuery().taskId(draft.getId()).count() == 0);
        assertThat(conceptNotes.latest(meeting.code())).get().as("(%s)", shot).satisfies(note -> {
            assertThat(note.version()).isEqualTo(2);
            assertThat(note.categoryTargets()).containsExactly(Map.entry(ParticipantCategory.GOV, 10),
                    Map.entry(ParticipantCategory.IO, 6), Map.entry(ParticipantCategory.ACA, 4));
        });
    }
}
