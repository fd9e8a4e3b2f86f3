package org.convene.meeting;

import org.convene.Offers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.convene.ExpertMeetings.AMMAN;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.DocumentRows;
import org.convene.DocumentRows.ReviewRow;
import org.convene.DocumentRows.VersionRow;
import org.convene.ExpertMeetings;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MeetingProcess ("Hold meeting"): a timer waits for each day's first session, then
 * attendance, the day's working groups in parallel (draft, chair's validation, plenary) and
 * the day summary. The meeting is registered by ExpertMeetingProcess with the seed's agenda.
 */
@ConveneIntegrationTest
class MeetingProcessTests {

    static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final String DRAFT = "Task_DraftWorkingGroupReport";
    static final String VALIDATE = "Task_ValidateWorkingGroupReport";
    static final String PLENARY = "Task_RecordPlenaryDiscussion";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Agendas agendas;
    @Autowired JdbcClient jdbc;

    DocumentRows documents;
    String code;
    LocalDate firstDay;
    ProcessInstance instance;

    @BeforeEach
    void registerMeeting() {
        BpmnAwareTests.init(engine);
        documents = new DocumentRows(jdbc);
        code = TestMeetings.newCode("MP");
        firstDay = ExpertMeetings.firstDay();
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);
        instance = runtimeService.startProcessInstanceByKey("MeetingProcess", code,
                ExpertMeetings.phaseVariables(runtimeService, meeting));
    }

    @Test
    void shouldHoldBothDaysWithAttendanceWorkingGroupReportsAndADaySummaryEach() {
        holdDay(1, 24, List.of("WG1", "WG2"));
        holdDay(2, 22, List.of("WG3", "WG4"));

        assertThat(instance).isEnded().hasPassed("EndEvent_MeetingHeld");
        assertThat(attendance()).containsExactly(
                new AttendanceRow(1, 24, "Attendance of day 1", "lena"),
                new AttendanceRow(2, 22, "Attendance of day 2", "lena"));
        for (String group : List.of("WG1", "WG2", "WG3", "WG4")) {
            assertThat(documents.versions(code, "WG_REPORT", group))
                    .containsExactly(new VersionRow(1, "Report of " + group, "lena"));
            assertThat(documents.reviews(code, "WG_REPORT", group))
                    .containsExactly(new ReviewRow(1, "REVIEW", "approve", null, "grace"));
            assertThat(documents.versions(code, "PLENARY_NOTES", group))
                    .containsExactly(new VersionRow(1, "Plenary discussion of " + group, "omar"));
        }
        assertThat(documents.versions(code, "DAY_SUMMARY", "1")).containsExactly(new VersionRow(1, "Summary of day 1", "lena"));
        assertThat(documents.versions(code, "DAY_SUMMARY", "2")).containsExactly(new VersionRow(1, "Summary of day 2", "lena"));
    }

    @Test
    void shouldSendAReportReturnedByItsChairBackToItsOwnDraftingTaskOnly() {
        agendas.assignWorkingGroup(code, "WG1", "Ravi Menon", "ravi", "Sofia Ortega");
        startDay(1);
        complete(tasksOfGroups(DRAFT).get("WG1"), "lena", Map.of("draftText", "WG1, first draft"));
        complete(tasksOfGroups(DRAFT).get("WG2"), "omar", Map.of("draftText", "WG2, first draft"));
        Task wg2Validation = tasksOfGroups(VALIDATE).get("WG2");

        complete(tasksOfGroups(VALIDATE).get("WG1"), "ravi",
                Map.of("decision", "return", "comments", "Name the host States of each example."));

        assertThat(tasksOfGroups(DRAFT)).containsOnlyKeys("WG1");
        assertThat(tasksOfGroups(VALIDATE)).containsOnlyKeys("WG2");
        assertThat(tasksOfGroups(VALIDATE).get("WG2").getId()).isEqualTo(wg2Validation.getId());
        Task redraft = tasksOfGroups(DRAFT).get("WG1");
        assertThat(redraft).as("back to its author").isAssignedTo("lena");
        assertThat(Offers.candidateGroups(taskService, redraft)).containsExactly("convener-staff");
        assertThat(taskService.getVariable(redraft.getId(), "reviewComments"))
                .isEqualTo("**ravi**: Name the host States of each example.");
        assertThat(taskService.getVariable(redraft.getId(), "draftText")).isEqualTo("WG1, first draft");
        complete(redraft, "lena", Map.of("draftText", "WG1, second draft"));
        Task revalidation = tasksOfGroups(VALIDATE).get("WG1");
        assertThat(revalidation).isAssignedTo("ravi");
        assertThat(taskService.getVariable(revalidation.getId(), "draftText")).isEqualTo("WG1, second draft");
        complete(revalidation, "ravi", Map.of("decision", "approve"));

        assertThat(tasksOfGroups(PLENARY)).containsOnlyKeys("WG1");
        assertThat(tasksOfGroups(VALIDATE)).containsOnlyKeys("WG2");
        assertThat(documents.versions(code, "WG_REPORT", "WG1")).containsExactly(
                new VersionRow(1, "WG1, first draft", "lena"), new VersionRow(2, "WG1, second draft", "lena"));
        assertThat(documents.reviews(code, "WG_REPORT", "WG1")).containsExactly(
                new ReviewRow(1, "REVIEW", "return", "Name the host States of each example.", "ravi"),
                new ReviewRow(2, "REVIEW", "approve", null, "ravi"));
        assertThat(documents.versions(code, "WG_REPORT", "WG2")).containsExactly(new VersionRow(1, "WG2, first draft", "omar"));
        assertThat(documents.reviews(code, "WG_REPORT", "WG2")).isEmpty();
    }

    @Test
    void shouldGiveTheValidationToTheChairsAccountOrElseToTheManagers() {
        agendas.assignWorkingGroup(code, "WG1", "Ravi Menon", "ravi", "Sofia Ortega");
        agendas.assignWorkingGroup(code, "WG2", "Amina Yusuf", null, "Daniel Reyes");
        startDay(1);
        complete(tasksOfGroups(DRAFT).get("WG1"), "lena", Map.of("draftText", "WG1 report"));
        complete(tasksOfGroups(DRAFT).get("WG2"), "lena", Map.of("draftText", "WG2 report"));

        Task byChair = tasksOfGroups(VALIDATE).get("WG1");
        Task byManagers = tasksOfGroups(VALIDATE).get("WG2");
        assertThat(byChair).isAssignedTo("ravi");
        assertThat(candidateGroups(byChair)).isEmpty();
        assertThat(byManagers).isNotAssigned().hasCandidateGroup("managers");
        assertThat(candidateGroups(byManagers)).containsExactly("managers");

        complete(byChair, "ravi", Map.of("decision", "approve", "comments", "Validated for the plenary."));
        assertThat(documents.reviews(code, "WG_REPORT", "WG1"))
                .containsExactly(new ReviewRow(1, "REVIEW", "approve", "Validated for the plenary.", "ravi"));
    }

    @Test
    void shouldRefuseAnAttendanceAboveTheFormsMaximumAndRecordNothing() {
        fireDayTimer(1);
        Task attendanceTask = task("Task_RecordAttendance", instance);
        taskService.claim(attendanceTask.getId(), "lena");

        assertThatThrownBy(() -> taskService.complete(attendanceTask.getId(), Map.of("attendanceCount", 600)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be at most 500");
        assertThat(instance).isWaitingAt("Task_RecordAttendance");
        assertThat(attendance()).isEmpty();
    }

    /** One meeting day from its timer to its summary, every working group validated at the first attempt. */
    private void holdDay(int day, int attendees, List<String> groups) {
        startDay(day, attendees);
        assertThat(tasksOfGroups(DRAFT)).containsOnlyKeys(groups);
        for (String group : groups) {
            Task draft = tasksOfGroups(DRAFT).get(group);
            assertThat(draft).hasCandidateGroup("convener-staff");
            assertThat((String) taskService.getVariable(draft.getId(), "documentTitle"))
                    .startsWith("Report of Working Group " + group.substring(2) + " — Cooperative arrangements");
            assertThat((String) taskService.getVariable(draft.getId(), "questions")).contains("3. What worked well?");
            complete(draft, "lena", Map.of("draftText", "Report of " + group));
        }
        for (String group : groups) {
            Task validation = tasksOfGroups(VALIDATE).get(group);
            assertThat(validation).isNotAssigned().hasCandidateGroup("managers");
            assertThat(Duration.between(validation.getCreateTime().toInstant(), validation.getDueDate().toInstant()))
                    .isEqualTo(Duration.ofHours(4));
            assertThat(taskService.getVariable(validation.getId(), "draftText")).isEqualTo("Report of " + group);
            complete(validation, "grace", Map.of("decision", "approve"));
        }
        for (String group : groups) {
            Task plenary = tasksOfGroups(PLENARY).get(group);
            assertThat(plenary).hasCandidateGroup("convener-staff");
            complete(plenary, "omar", Map.of("draftText", "Plenary discussion of " + group));
        }
        assertThat(instance).isWaitingAt("Task_WriteDaySummary");
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys("meetingCode", "meetingTitle", "meetingPlace", "meetingDates");
        Task summary = task("Task_WriteDaySummary", instance);
        assertThat(summary).hasCandidateGroup("convener-staff");
        assertThat(taskService.getVariable(summary.getId(), "documentTitle")).isEqualTo("Summary of Day " + day);
        complete(summary, "lena", Map.of("draftText", "Summary of day " + day));
    }

    private void startDay(int day) {
        startDay(day, 20);
    }

    /** Fires the day's timer (checked against the agenda) and records the day's attendance. */
    private void startDay(int day, int attendees) {
        fireDayTimer(day);
        assertThat(instance).isWaitingAt("Task_RecordAttendance");
        Task attendanceTask = task("Task_RecordAttendance", instance);
        assertThat(attendanceTask).hasCandidateGroup("convener-staff");
        assertThat(taskService.getVariable(attendanceTask.getId(), "dayLabel"))
                .isEqualTo("Day " + day + " — " + DAY_LABEL.format(firstDay.plusDays(day - 1L)));
        complete(attendanceTask, "lena", Map.of("attendanceCount", attendees, "attendanceNote", "Attendance of day " + day));
    }

    /** The day's timer is due at its first session on the agenda: 09:00 in Amman. */
    private void fireDayTimer(int day) {
        assertThat(instance).isWaitingAt("TimerEvent_DayStarted");
        Job timer = job("TimerEvent_DayStarted", instance);
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(firstDay.plusDays(day - 1L).atTime(LocalTime.of(9, 0)).atZone(AMMAN).toInstant());
        execute(timer);
    }

    /** The open tasks of one kind, by the working group each belongs to. */
    private Map<String, Task> tasksOfGroups(String taskKey) {
        Map<String, Task> byGroup = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list()) {
            byGroup.put((String) taskService.getVariable(task.getId(), "workingGroupCode"), task);
        }
        return byGroup;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    /** Claims the task as a person of its group would in Tasklist (unless it is theirs already), then completes it. */
    private void complete(Task task, String user, Map<String, Object> values) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), values);
    }

    record AttendanceRow(int day, int count, String note, String recordedBy) {
    }

    private List<AttendanceRow> attendance() {
        return jdbc.sql("select day_number, attendance_count, note, recorded_by from cv_attendance where meeting_code = ? order by day_number")
                .param(code)
                .query((rs, n) -> new AttendanceRow(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }
}
