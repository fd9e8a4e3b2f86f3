package org.convene.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.PreparationProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Overdue work, as the periodic check finds it at the engine's clock: a task past its due date
 * reminds its groups (or its assignee), past the grace period the managers; each mail once, however
 * often the check runs; a task done in time tells nobody.
 */
@ConveneIntegrationTest
class OverdueTasksTests {

    @Autowired ProcessDriver driver;
    @Autowired OverdueTasks overdue;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    String code;
    Task draft;

    @BeforeEach
    void agendaToDraft() {
        code = TestMeetings.newCode("OVD");
        Map<String, Object> phase = driver.registerMeeting(code);
        // only the agenda's task: the meeting's own process (its concept note's task) goes
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ExpertMeetingProcess.ID).list()
                .forEach(meeting -> runtimeService.deleteProcessInstance(meeting.getId(), "not part of this test"));
        ProcessInstance preparation = driver.startBefore(PreparationProcess.ID, code, phase, PreparationProcess.TASK_DRAFT_AGENDA);
        draft = driver.task(preparation, PreparationProcess.TASK_DRAFT_AGENDA);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRemindTheGroupAtTheDueDateThenTheManagersPastTheGraceOnce() {
        assertThat(overdue.check(code)).isEqualTo(new OverdueTasks.Checked(0, 0, 0));

        at(draft.getDueDate().toInstant().plus(Duration.ofMinutes(5)));
        OverdueTasks.Checked first = overdue.check(code);
        assertThat(first.overdue()).isEqualTo(1);
        assertThat(recipients("overdue-")).as("every member of convener-staff").containsExactly(
                "lena@convene.example", "omar@convene.example");
        assertThat(overdue.check(code).reminded()).as("once per person and due date").isZero();
        assertThat(body("overdue-" + draft.getId() + "-lena-")).contains("\"Draft agenda\" of the meeting " + code
                + " was due on", "(Asia/Amman time;", "Nobody has claimed it", "/camunda/app/tasklist/default/#/?task="
                + draft.getId());

        at(draft.getDueDate().toInstant().plus(Duration.ofDays(1)).plus(Duration.ofMinutes(5)));
        OverdueTasks.Checked later = overdue.check(code);
        assertThat(later.reminded()).isZero();
        assertThat(later.escalated()).isEqualTo(1);
        assertThat(recipients("overdue-escalated-")).containsExactly("grace@convene.example");
        assertThat(subject("overdue-escalated-")).isEqualTo("Still overdue: Draft agenda (" + code + ")");
        assertThat(overdue.check(code).escalated()).isZero();
    }

    @Test
    void shouldRemindOnlyWhoClaimedTheTaskAndNobodyForATaskNotYetDue() {
        driver.actAs("omar", () -> taskService.claim(draft.getId(), "omar"));

        at(draft.getDueDate().toInstant().minus(Duration.ofMinutes(1)));
        assertThat(overdue.check(code).reminded()).isZero();
        at(draft.getDueDate().toInstant().plus(Duration.ofMinutes(1)));
        assertThat(overdue.check(code).reminded()).isEqualTo(1);

        assertThat(recipients("overdue-")).containsExactly("omar@convene.example");
        assertThat(body("overdue-" + draft.getId() + "-omar-")).contains("It is assigned to you.");
    }

    private static void at(java.time.Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private List<String> recipients(String keyPrefix) {
        return jdbc.sql("select recipient from cv_outbox_mail where meeting_code = ? and message_id like ? order by recipient")
                .params(code, "<" + keyPrefix + draft.getId() + "-%").query(String.class).list();
    }

    private String body(String keyPrefix) {
        return jdbc.sql("select body from cv_outbox_mail where meeting_code = ? and message_id like ?")
                .params(code, "<" + keyPrefix + "%").query(String.class).single();
    }

    private String subject(String keyPrefix) {
        return jdbc.sql("select subject from cv_outbox_mail where meeting_code = ? and message_id like ?")
                .params(code, "<" + keyPrefix + "%").query(String.class).single();
    }
}
