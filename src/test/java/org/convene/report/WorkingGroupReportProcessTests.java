package org.convene.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.report.WorkingGroupReportProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.Agendas;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * WorkingGroupReportProcess ("Report working group"): staff enter the report and send it to the
 * chair, whose validation goes through SignOffProcess; a return comes back to its author with the
 * chair's comments; a validated report takes the plenary's findings and is presented.
 */
@ConveneIntegrationTest
class WorkingGroupReportProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired WorkingGroupReports reports;
    @Autowired Documents documents;
    @Autowired Agendas agendas;
    @Autowired LateReports lateReports;
    @Autowired org.convene.Mailbox mailbox;

    String code;
    ProcessInstance instance;

    @BeforeEach
    void startReport() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("WGP");
        Map<String, Object> variables = new HashMap<>(driver.registerMeeting(code));
        agendas.assignWorkingGroup(code, "WG1", "Ravi Menon", "ravi", "M. Ortega");
        variables.put(WORKING_GROUP_CODE, "WG1");
        variables.put(MEETING_DAY, 1);
        instance = driver.start(ID, code, variables);
    }

    @Test
    void shouldSendTheReportToTheChairBackToItsAuthorOnReturnThenToPlenaryAndPresentIt() {
        Task draft = driver.task(instance, TASK_DRAFT_WORKING_GROUP_REPORT);
        assertThat(draft).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(draft, REPORT_SUMMARY)).isEqualTo("Nothing entered yet.");
        assertThat((String) driver.taskVariable(draft, QUESTIONS)).contains("3. What worked well?");
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        driver.complete(draft, "lena", Map.of(REPORT_READY, true));

        assertThat(reports.get(code, "WG1").stage()).isEqualTo(ReportStage.SUBMITTED);
        ProcessInstance signOff = signOff();
        Task byChair = driver.task(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT);
        assertThat(byChair).isAssignedTo("ravi");
        driver.complete(byChair, "ravi", ProcessDriver.decision(ReviewDecision.REJECT, "Name the host States."));

        Task redraft = driver.task(instance, TASK_DRAFT_WORKING_GROUP_REPORT);
        assertThat(redraft).as("back to its author").isAssignedTo("lena");
        assertThat(driver.taskVariable(redraft, REVIEW_COMMENTS)).isEqualTo("**ravi**: Name the host States.");
        assertThat(driver.taskVariable(redraft, REPORT_SUMMARY)).isEqualTo("2 arrangements and 3 findings");
        assertThat(reports.get(code, "WG1").stage()).isEqualTo(ReportStage.DRAFTING);
        ReportDraft changed = ReportForms.draftOf(reports.get(code, "WG1"));
        List<ReportDraft.FindingDraft> findings = new java.util.ArrayList<>(changed.findings());
        findings.set(0, ReportSamples.finding("WG1-F1", 3, "Costa Rica, Honduras and Mexico linked aid to development.",
                "WG1-A1"));
        reports.save(code, "WG1", new ReportDraft(null, changed.arrangements(), findings), "lena");
        driver.complete(redraft, "lena", Map.of(REPORT_READY, true));
        driver.complete(driver.task(signOff(), SignOffProcess.TASK_SIGN_OFF_DRAFT), "ravi",
                ProcessDriver.decision(ReviewDecision.APPROVE, null));

        Task plenary = driver.task(instance, TASK_RECORD_PLENARY_DISCUSSION);
        assertThat(plenary).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(reports.get(code, "WG1").stage()).isEqualTo(ReportStage.VALIDATED);
        ReportDraft validated = ReportForms.draftOf(reports.get(code, "WG1"));
        List<ReportDraft.FindingDraft> withPlenary = new java.util.ArrayList<>(validated.findings());
        withPlenary.add(ReportSamples.finding(null, 5, "The plenary asked for standby arrangements."));
        reports.save(code, "WG1", new ReportDraft(null, validated.arrangements(), withPlenary), "omar");
        driver.complete(plenary, "omar", Map.of(DRAFT_TEXT, "The plenary welcomed the report."));

        assertThat(instance).isEnded().hasPassed(GATEWAY_REPORT_DRAFT_MERGE, CALL_ACTIVITY_VALIDATE_WORKING_GROUP_REPORT,
                GATEWAY_REPORT_VALIDATED, END_EVENT_REPORT_PRESENTED);
        assertThat(reports.versions(code, "WG1")).extracting(WorkingGroupReports.Version::version,
                WorkingGroupReports.Version::stage, v -> v.report().findings().size()).containsExactly(
                tuple(1, ReportStage.SUBMITTED, 3), tuple(2, ReportStage.SUBMITTED, 3), tuple(3, ReportStage.PRESENTED, 4));
        assertThat(reports.validatedVersion(code, "WG1")).get().extracting(WorkingGroupReports.Version::version).isEqualTo(2);
        assertThat(reports.get(code, "WG1").findings()).extracting(WorkingGroupReport.Finding::id,
                WorkingGroupReport.Finding::fromPlenary).containsExactly(tuple("WG1-F1", false), tuple("WG1-F2", false),
                tuple("WG1-F3", false), tuple("WG1-F4", true));
        assertThat(documents.reviews(code, DocumentKind.WG_REPORT, "WG1")).extracting(Documents.Review::version,
                r -> r.decision().formValue(), Documents.Review::reviewer).containsExactly(
                tuple(1, "reject", "ravi"), tuple(2, "approve", "ravi"));
        assertThat(documents.latestText(code, DocumentKind.PLENARY_NOTES, "WG1")).isEqualTo("The plenary welcomed the report.");
    }

    @Test
    void shouldRefuseToSendAnEmptyReportToTheChairAndKeepTheTaskOpen() {
        Task draft = driver.task(instance, TASK_DRAFT_WORKING_GROUP_REPORT);

        assertThatThrownBy(() -> driver.complete(draft, "lena", Map.of(REPORT_READY, true)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Draft working group report' was not completed: The report of WG1 has no "
                        + "arrangement and no finding yet");
        assertThat(instance).isWaitingAt(TASK_DRAFT_WORKING_GROUP_REPORT);
        assertThat(documents.versions(code, DocumentKind.WG_REPORT, "WG1")).isEmpty();
    }

    @Test
    void shouldGiveTheValidationToAManagerWhenTheChairHasNoAccount() {
        agendas.assignWorkingGroup(code, "WG1", "Amina Yusuf", null, "M. Ortega");
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        driver.complete(driver.task(instance, TASK_DRAFT_WORKING_GROUP_REPORT), "lena", Map.of(REPORT_READY, true));

        assertThat(driver.task(signOff(), SignOffProcess.TASK_SIGN_OFF_DRAFT)).isAssignedTo("grace");
    }

    @Test
    void shouldRemindTheStaffMemberAtTheEndOfTheDayThenTellTheChairAndAManager() throws Exception {
        Task draft = driver.task(instance, TASK_DRAFT_WORKING_GROUP_REPORT);
        java.time.ZonedDateTime due = lateReports.due(code, "WG1");
        assertThat(due.getZone()).isEqualTo(org.convene.ExpertMeetings.AMMAN);
        assertThat(due.toLocalDate()).isEqualTo(org.convene.ExpertMeetings.firstDay());
        assertThat(due.toLocalTime()).as("the end of day 1's last session on the agenda")
                .isEqualTo(agendas.sessions(code).stream().filter(s -> s.day() == 1).map(Agendas.Session::endsAt)
                        .max(java.time.LocalTime::compareTo).orElseThrow());
        assertThat(draft.getDueDate().toInstant()).isEqualTo(due.toInstant());
        driver.actAs("lena", () -> taskService.claim(draft.getId(), "lena"));

        assertThat(driver.fireTimer(instance, BOUNDARY_EVENT_REPORT_OVERDUE).toInstant()).isEqualTo(due.toInstant());
        driver.runAsyncJob(instance, SERVICE_TASK_REMIND_STAFF);
        assertThat(driver.fireTimer(instance, BOUNDARY_EVENT_REPORT_ESCALATION_DUE).toInstant())
                .isEqualTo(due.plus(LateReports.ESCALATION_DELAY).toInstant());
        driver.runAsyncJob(instance, SERVICE_TASK_ESCALATE_LATE_REPORT);
        mailbox.deliver(code);

        List<jakarta.mail.internet.MimeMessage> mails = mailbox.received(code);
        List<org.assertj.core.groups.Tuple> received = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage mail : mails) {
            received.add(tuple(mail.getAllRecipients()[0].toString(), mail.getSubject()));
        }
        assertThat(received).containsExactlyInAnyOrder(
                tuple("Lena Haddad <lena@convene.example>", "Overdue: Draft working group report (" + code + ")"),
                tuple("Ravi Menon <ravi@convene.example>", "Late report: Working Group 1 has not reported (" + code + ")"),
                tuple("Grace Novak <grace@convene.example>", "Still overdue: Draft working group report (" + code + ")"));
        assertThat(instance).isWaitingAt(TASK_DRAFT_WORKING_GROUP_REPORT)
                .hasPassed(END_EVENT_STAFF_REMINDED, END_EVENT_LATE_REPORT_ESCALATED);
    }

    private ProcessInstance signOff() {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey(SignOffProcess.ID).singleResult();
    }
}
