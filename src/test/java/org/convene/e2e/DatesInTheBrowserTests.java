package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TasklistBrowser;
import org.convene.TestMeetings;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.Meetings;
import org.convene.meeting.PreparationProcess;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dates are what the person entered, in a real Chromium on Tasklist whose clock reads in New
 * York (UTC-5/-4): form-js 1.8.7's date picker (Tasklist 7.24) moved a date-only value to the
 * day before there, on entry and when a saved draft was re-opened. The forms ask for dates as
 * text YYYY-MM-DD instead, which no time zone touches, and the server stores that day.
 */
@ConveneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatesInTheBrowserTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String AUTHOR = "Prof. Daniel Reyes";

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ProcessDriver process;
    @Autowired Meetings meetings;
    @Autowired JdbcClient jdbc;

    TasklistBrowser browser;

    @BeforeAll
    void openTasklistInNewYork() {
        browser = TasklistBrowser.start(port, NEW_YORK);
        assertThat(browser.timeZone()).isEqualTo("America/New_York");
        browser.signIn("lena");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldKeepTheDueDateOfABackgroundPaperAsEnteredThroughASavedDraftToTheDatabase() {
        String code = TestMeetings.newCode("TZ");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        ProcessInstance preparation = process.startBefore(PreparationProcess.ID, code,
                ExpertMeetings.phaseVariables(runtimeService, meeting), PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER);
        Task task = process.task(preparation, PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER);
        LocalDate due = ExpertMeetings.firstDay().minusWeeks(5);

        browser.openAndClaim(task.getId());
        browser.type(PreparationProcess.PAPER_AUTHOR, AUTHOR);
        browser.type(PreparationProcess.PAPER_BRIEF, "Past cooperative arrangements to share burden and responsibilities.");
        String typed = asTheFieldAsks(PreparationProcess.PAPER_DUE_DATE, due);
        browser.type(PreparationProcess.PAPER_DUE_DATE, typed);
        assertThat(browser.valueOf(PreparationProcess.PAPER_DUE_DATE)).as("shown as typed").isEqualTo(typed);
        browser.save(task.getId());
        browser.reload();
        browser.until(page -> AUTHOR.equals(browser.valueOf(PreparationProcess.PAPER_AUTHOR)));
        browser.within(Duration.ofSeconds(2), page -> typed.equals(browser.valueOf(PreparationProcess.PAPER_DUE_DATE)));
        Path shot = browser.screenshot("commission-background-paper-reopened-in-New-York");
        assertThat(browser.valueOf(PreparationProcess.PAPER_DUE_DATE)).as("the saved draft re-opened in New York (%s)", shot).isEqualTo(typed);

        browser.type(PreparationProcess.PAPER_DUE_DATE, "2027-02-30");
        browser.complete();
        browser.until(page -> page.getPageSource().contains("'Draft due' must be a date that exists"));
        browser.screenshot("commission-background-paper-impossible-date");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("not completed").isEqualTo(1);
        browser.type(PreparationProcess.PAPER_DUE_DATE, typed);
        browser.complete();
        browser.until(page -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(jdbc.sql("select due_date from cv_document where meeting_code = ? and kind = 'BACKGROUND_PAPER'")
                .param(code).query(LocalDate.class).single()).isEqualTo(due);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(preparation.getId())
                .variableName(PreparationProcess.PAPER_DUE_DATE).singleResult().getValue())
                .as("the task's variable (local to the task's activity)").isEqualTo(due.toString());
    }

    @Test
    void shouldStartAMeetingOnTheFirstDayEnteredInTheStartForm() {
        String code = TestMeetings.newCode("TZ");
        LocalDate firstDay = ExpertMeetings.firstDay().plusWeeks(1);

        browser.openStartForm("Expert meeting");
        browser.type(ProcessVariables.MEETING_CODE, code);
        browser.type(ProcessVariables.MEETING_TITLE, ExpertMeetings.TITLE);
        browser.type(ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE);
        browser.choose(ExpertMeetingProcess.MEETING_TIME_ZONE, "Amman (Asia/Amman)");
        String typed = asTheFieldAsks(ExpertMeetingProcess.FIRST_DAY, firstDay);
        browser.type(ExpertMeetingProcess.FIRST_DAY, typed);
        browser.type(ExpertMeetingProcess.NUMBER_OF_DAYS, "2");
        Path shot = browser.screenshot("propose-meeting-in-New-York");
        assertThat(browser.valueOf(ExpertMeetingProcess.FIRST_DAY)).as("shown as typed (%s)", shot).isEqualTo(typed);

        browser.startProcess();
        browser.until(page -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ExpertMeetingProcess.ID).count() == 1);
        assertThat(meetings.get(code).firstDay()).isEqualTo(firstDay);
        ProcessInstance started = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ExpertMeetingProcess.ID).singleResult();
        assertThat(runtimeService.getVariable(started.getId(), ExpertMeetingProcess.FIRST_DAY)).isEqualTo(firstDay.toString());
    }

    /**
     * The date as the field asks for it: form-js's date picker shows (and takes) M/d/yyyy, a text field
     * YYYY-MM-DD. Should a date picker come back, this test types into it as a person would,
     * and fails on the day it moves rather than on the format.
     */
    private String asTheFieldAsks(String key, LocalDate date) {
        String placeholder = browser.field(key).getDomAttribute("placeholder");
        return "mm/dd/yyyy".equals(placeholder)
                ? DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US).format(date)
                : date.toString();
    }
}
