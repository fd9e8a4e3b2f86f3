package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.PreparationProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Date-only fields (the meeting's first day, a background paper's due date) take the day as
 * text YYYY-MM-DD and store that day: through the REST doors Tasklist uses, a day that does
 * not exist, a date with a time, a Date (an instant, which some time zone would move) or a
 * past day is refused with 400 naming the field, and nothing is stored.
 */
@ConveneIntegrationTest
class DateFieldSubmissionTests {

    static final String START_FORM = "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/submit-form";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessDriver process;

    RestClients api;
    String code;
    Task commission;

    @BeforeEach
    void commissionABackgroundPaper() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("DATE");
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        ProcessInstance preparation = process.startBefore(PreparationProcess.ID, code,
                ExpertMeetings.phaseVariables(runtimeService, meeting), PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER);
        commission = process.task(preparation, PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER);
    }

    @Test
    void shouldStoreTheDueDateAsEntered() {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusWeeks(6);

        ResponseEntity<Map<String, Object>> response = submitCommission(due.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(204);
        assertThat(dueDate()).isEqualTo(due);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "2027-13-01", "2027-3-15", "15/03/2027", "2027-03-15T00:00:00", "2027-03-15Z"})
    void shouldRefuseADueDateThatIsNotADayAsYyyyMmDd(String text) {
        ResponseEntity<Map<String, Object>> response = submitCommission(text);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(message(response)).contains("'Draft due' must be a date that exists, as YYYY-MM-DD (got '" + text + "')");
        assertNothingStored();
    }

    @Test
    void shouldRefuseADueDateSentAsADateBecauseATimeZoneWouldMoveIt() {
        Map<String, Object> values = commissionValues("unused");
        values.put(PreparationProcess.PAPER_DUE_DATE, Map.of("type", "Date", "value", "2027-03-15T00:00:00.000-0500"));

        ResponseEntity<Map<String, Object>> response = api.post("lena", "/engine-rest/task/" + commission.getId() + "/submit-form",
                Map.of("variables", values));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(message(response)).contains("'Draft due' must be a date as text YYYY-MM-DD, not a Date");
        assertNothingStored();
    }

    @Test
    void shouldRefuseADueDateInThePast() {
        String past = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

        ResponseEntity<Map<String, Object>> response = submitCommission(past);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(message(response)).contains("'Draft due' must not be in the past (got " + past + ")");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "2027-02-08T00:00:00"})
    void shouldRefuseAFirstDayThatIsNotADayAsYyyyMmDdFromTasklistsStartForm(String text) {
        String newCode = TestMeetings.newCode("DATE");
        Map<String, Object> values = variables(ProcessVariables.MEETING_CODE, newCode, ProcessVariables.MEETING_TITLE, ExpertMeetings.TITLE,
                ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE, ExpertMeetingProcess.MEETING_TIME_ZONE, "Asia/Amman",
                ExpertMeetingProcess.FIRST_DAY, text, ExpertMeetingProcess.NUMBER_OF_DAYS, 2);

        ResponseEntity<Map<String, Object>> response = api.post("lena", START_FORM, Map.of("variables", values));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        // the start form is checked as task forms are, before the registration reads the day
        assertThat(message(response)).contains("'First day' must be a date that exists, as YYYY-MM-DD (got '" + text + "')");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(newCode).count()).isZero();
    }

    private ResponseEntity<Map<String, Object>> submitCommission(String due) {
        return api.post("lena", "/engine-rest/task/" + commission.getId() + "/submit-form",
                Map.of("variables", commissionValues(due)));
    }

    private static Map<String, Object> commissionValues(String due) {
        return new HashMap<>(variables(PreparationProcess.PAPER_AUTHOR, "Prof. Daniel Reyes",
                PreparationProcess.PAPER_BRIEF, "Past cooperative arrangements to share burden and responsibilities.",
                PreparationProcess.PAPER_DUE_DATE, due));
    }

    private LocalDate dueDate() {
        return jdbc.sql("select due_date from cv_document where meeting_code = ? and kind = 'BACKGROUND_PAPER'")
                .param(code).query(LocalDate.class).optional().orElse(null);
    }

    private void assertNothingStored() {
        assertThat(taskService.createTaskQuery().taskId(commission.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(dueDate()).as("no due date stored").isNull();
    }

    private static String message(ResponseEntity<Map<String, Object>> response) {
        return String.valueOf(response.getBody().get("message"));
    }
}
