package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.ExpertMeetings.AMMAN;
import static org.convene.meeting.MeetingProcess.*;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.DocumentRows;
import org.convene.DocumentRows.ReviewRow;
import org.convene.DocumentRows.VersionRow;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.report.ReportDraft;
import org.convene.report.ReportStage;
import org.convene.report.WorkingGroupReportProcess;
import org.convene.report.WorkingGroupReports;
import org.camunda.bpm.engine.TaskService;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MeetingProcess ("Hold meeting"): a two-day meeting with two rounds of two parallel working
 * groups. A timer waits for each day's first session, then attendance, the day's working groups in
 * parallel (each in the report module's WorkingGroupReportProcess: draft, chair's validation,
 * plenary) and the day summary. The meeting is registered by ExpertMeetingProcess with the seed's agenda.
 */
@ConveneIntegrationTest
class MeetingProcessTests {

    static final DateTimeFormatter DAY_LABEL_FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired Agendas agendas;
    @Autowired Attendance attendance;
    @Autowired AttendanceRegister register;
    @Autowired AnnouncedEvents events;
    @Autowired Documents documentModule;
    @Autowired WorkingGroupReports reports;
    @Autowired TaskService taskService;

    DocumentRows documents;
    String code;
    LocalDate firstDay;
    ProcessInstance instance;

    @BeforeEach
    void registerMeeting() {
        BpmnAwareTests.init(engine);
        documents = new DocumentRows(documentModule);
        code = TestMeetings.newCode("MP");
        firstDay = ExpertMeetings.firstDay();
        instance = driver.start(ID, code, driver.registerMeeting(code));
    }

    @Test
    void shouldHoldBothDaysWithAttendanceWorkingGroupReportsAndADaySummaryEach() {
        holdDay(1, 24, List.of("WG1", "WG2"));
        holdDay(2, 22, List.of("WG3", "WG4"));
        Task closing = driver.task(instance, TASK_RECORD_CLOSING_SESSION_NOTES);
        assertThat(closing).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(closing, DOCUMENT_TITLE)).isEqualTo("Notes of the closing session");
        driver.complete(closing, "lena", Map.of(DRAFT_TEXT, "The chair closed the meeting."));

        assertThat(instance).isEnded().hasPassed(END_EVENT_MEETING_HELD);
        assertThat(attendance.records(code)).extracting(Attendance.DayRecord::day, Attendance.DayRecord::count,
                Attendance.DayRecord::note, Attendance.DayRecord::recordedBy).containsExactly(
                tuple(1, 24, "Attendance of day 1", "lena"),
                tuple(2, 22, "Attendance of day 2", "lena"));
        assertThat(events.of(AttendanceRecorded.class, code))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("occurredAt").containsExactly(
                        new AttendanceRecorded(code, 1, 24, "Attendance of day 1", null, "lena"),
                        new AttendanceRecorded(code, 2, 22, "Attendance of day 2", null, "lena"));
        assertThat(events.of(AttendanceRecorded.class, code)).extracting(AttendanceRecorded::occurredAt)
                .as("the rows' times").containsExactlyElementsOf(attendance.records(code).stream()
                        .map(r -> r.recordedAt().toInstant()).toList());
        for (String group : List.of("WG1", "WG2", "WG3", "WG4")) {
            assertThat(reports.get(code, group).stage()).isEqualTo(ReportStage.PRESENTED);
            assertThat(documents.versions(code, "WG_REPORT", group)).extracting(VersionRow::author).containsExactly("lena");
            assertThat(documents.versions(code, "WG_REPORT", group).get(0).body())
                    .contains("- **" + group + "-F1** What worked in " + group + ".");
            assertThat(documents.reviews(code, "WG_REPORT", group))
                    .containsExactly(new ReviewRow(1, "SIGN_OFF", "approve", null, "grace"));
            assertThat(documents.versions(code, "PLENARY_NOTES", group))
                    .containsExactly(new VersionRow(1, "Plenary discussion of " + group, "omar"));
        }
        assertThat(documents.versions(code, "DAY_SUMMARY", "1")).containsExactly(new VersionRow(1, "Summary of day 1", "lena"));
        assertThat(documents.versions(code, "DAY_SUMMARY", "2")).containsExactly(new VersionRow(1, "Summary of day 2", "lena"));
        assertThat(documents.versions(code, "CLOSING_NOTES", "")).containsExactly(
                new VersionRow(1, "The chair closed the meeting.", "lena"));
    }

    @Test
    void shouldRefuseToRecordADayWithNobodyOnItsRegisterAndRecordNothing() {
        fireDayTimer(1);
        Task attendanceTask = driver.task(instance, TASK_RECORD_ATTENDANCE);

        assertThatThrownBy(() -> driver.complete(attendanceTask, "lena", Map.of(ATTENDANCE_RECORDED, true)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Record attendance' was not completed: nobody is present on the register of day 1.");
        assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);
        assertThat(attendance.records(code)).isEmpty();
        assertThat(events.of(AttendanceRecorded.class, code)).isEmpty();
    }

    /**
     * One meeting day from its timer to its summary: the day's working groups report in parallel, each
     * in its own WorkingGroupReportProcess (report entered, sent to the chair, validated at the first
     * attempt by the manager standing in for a chair without an account, plenary recorded).
     */
    private void holdDay(int day, int attendees, List<String> groups) {
        startDay(day, attendees);
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_REPORT_WORKING_GROUP);
        assertThat(tasksOfGroups(WorkingGroupReportProcess.TASK_DRAFT_WORKING_GROUP_REPORT)).containsOnlyKeys(groups);
        for (String group : groups) {
            Task draft = tasksOfGroups(WorkingGroupReportProcess.TASK_DRAFT_WORKING_GROUP_REPORT).get(group);
            assertThat(draft).hasCandidateGroup(ConveneGroups.STAFF);
            assertThat((String) driver.taskVariable(draft, DOCUMENT_TITLE))
                    .startsWith("Report of Working Group " + group.substring(2) + " — Cooperative arrangements");
            assertThat(driver.taskVariable(draft, WorkingGroupReportProcess.MEETING_DAY)).isEqualTo(day);
            reports.save(code, group, new ReportDraft(null, null, List.of(new ReportDraft.FindingDraft(null, 3,
                    "What worked in " + group + ".", null, false))), "lena");
            driver.complete(draft, "lena", Map.of(WorkingGroupReportProcess.REPORT_READY, true));
        }
        for (String group : groups) {
            Task validation = tasksOfGroups(SignOffProcess.TASK_SIGN_OFF_DRAFT).get(group);
            assertThat(validation).isAssignedTo("grace");
            driver.complete(validation, "grace", Map.of(DECISION, "approve"));
        }
        for (String group : groups) {
            Task plenary = tasksOfGroups(WorkingGroupReportProcess.TASK_RECORD_PLENARY_DISCUSSION).get(group);
            assertThat(plenary).hasCandidateGroup(ConveneGroups.STAFF);
            driver.complete(plenary, "omar", Map.of(DRAFT_TEXT, "Plenary discussion of " + group));
        }
        assertThat(instance).isWaitingAt(TASK_WRITE_DAY_SUMMARY);
        assertThat(runtimeService.getVariablesLocal(instance.getId())).as("form fields stay in their tasks")
                .containsOnlyKeys(ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                        ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES);
        Task summary = driver.task(instance, TASK_WRITE_DAY_SUMMARY);
        assertThat(summary).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(summary, DOCUMENT_TITLE)).isEqualTo("Summary of Day " + day);
        driver.complete(summary, "lena", Map.of(DRAFT_TEXT, "Summary of day " + day));
    }

    private void startDay(int day) {
        startDay(day, 20);
    }

    /** Fires the day's timer (checked against the agenda) and records the day's attendance. */
    private void startDay(int day, int attendees) {
        fireDayTimer(day);
        assertThat(instance).isWaitingAt(TASK_RECORD_ATTENDANCE);
        Task attendanceTask = driver.task(instance, TASK_RECORD_ATTENDANCE);
        assertThat(attendanceTask).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(attendanceTask, DAY_LABEL))
                .isEqualTo("Day " + day + " — " + DAY_LABEL_FORMAT.format(firstDay.plusDays(day - 1L)));
        for (int i = 1; i <= attendees; i++) {
            register.addWalkIn(code, day, "Guest " + i + " of day " + day, null, "lena");
        }
        driver.complete(attendanceTask, "lena", Map.of(ATTENDANCE_RECORDED, true, ATTENDANCE_NOTE, "Attendance of day " + day));
    }

    /** The day's timer is due at its first session on the agenda: 09:00 in Amman. */
    private void fireDayTimer(int day) {
        assertThat(instance).isWaitingAt(TIMER_EVENT_DAY_STARTED);
        Date due = driver.fireTimer(instance, TIMER_EVENT_DAY_STARTED);
        assertThat(due.toInstant()).isEqualTo(firstDay.plusDays(day - 1L).atTime(LocalTime.of(9, 0)).atZone(AMMAN).toInstant());
    }

    /** The open tasks of one kind in the meeting's processes (called ones included), by the working group each belongs to. */
    private Map<String, Task> tasksOfGroups(String taskKey) {
        Map<String, Task> byGroup = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list()) {
            Object group = driver.taskVariable(task, WORKING_GROUP_CODE);
            if (group == null) {
                // a sign-off task: its process was called by the group's report process
                ProcessInstance report = runtimeService.createProcessInstanceQuery()
                        .subProcessInstanceId(task.getProcessInstanceId()).singleResult();
                group = runtimeService.getVariable(report.getId(), WORKING_GROUP_CODE);
            }
            byGroup.put((String) group, task);
        }
        return byGroup;
    }
}
