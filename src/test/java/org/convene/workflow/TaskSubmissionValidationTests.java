package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.ConceptNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What a user submits with a task is checked on the server against the task's form, through
 * the REST API as through Tasklist's submit-form: 400 naming the field and the reason, and
 * nothing stored.
 */
@ConveneIntegrationTest
class TaskSubmissionValidationTests {

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ConceptNotes conceptNotes;

    RestClients api;
    String code;
    Task draft;

    @BeforeEach
    void startConceptNote() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("VAL");
        runtimeService.startProcessInstanceByKey("ConceptNoteApprovalProcess", code, Map.of(
                "meetingCode", code, "meetingTitle", "Expert meeting", "meetingPlace", "Amman, Jordan",
                "meetingDates", "8–9 February 2027"));
        draft = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    }

    static Object[] valid() {
        return new Object[] {"background", "Cooperation between States.", "objectives", "Identify lessons.",
                "convener", "UNHCR", "participantsTarget", 25, "participantCategories", List.of("GOV", "IO"),
                "timingAndLocation", "Amman, Jordan", "documentation", "A background paper."};
    }

    static Object[] with(Object... overrides) {
        Object[] values = valid().clone();
        for (int i = 0; i < overrides.length; i += 2) {
            for (int j = 0; j < values.length; j += 2) {
                if (values[j].equals(overrides[i])) {
                    values[j + 1] = overrides[i + 1];
                }
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "submit-form"})
    void shouldAcceptAValidSubmission(String endpoint) {
        ResponseEntity<Map<String, Object>> response = submit(endpoint, variables(valid()));
        assertThat(response.getStatusCode().value()).isIn(200, 204);
        assertThat(conceptNotes.latest(code)).isPresent();
    }

    @Test
    void shouldRefuseAMissingRequiredFieldNamingIt() {
        assertRefused(variables(with("background", "")), "'Background' is required");
    }

    @Test
    void shouldRefuseAWrongTypeNamingIt() {
        assertRefused(variables(with("participantsTarget", "twenty-five")), "'Participants envisaged' must be a number");
    }

    @Test
    void shouldRefuseAnOverLongTextNamingIt() {
        assertRefused(variables(with("convener", "x".repeat(201))), "'Convener' is longer than 200 characters");
    }

    @Test
    void shouldRefuseAChoiceThatTheFormDoesNotOffer() {
        assertRefused(variables(with("participantCategories", List.of("GOV", "PRESS"))), "must be one of");
    }

    @Test
    void shouldRefuseADecimalWhereTheFormTakesWholeNumbersOnly() {
        assertRefused(variables(with("participantsTarget", 25.5)), "'Participants envisaged' must be a whole number, not 25.5");
    }

    @Test
    void shouldRefuseAChecklistGivenAsPlainTextOrNamingAValueTwice() {
        Map<String, Object> plain = variables(valid());
        plain.put("participantCategories", Map.of("value", "GOV"));
        assertRefused(plain, "'Categories to invite' must be a list of choices, not 'GOV'");
        assertRefused(variables(with("participantCategories", List.of("GOV", "IO", "GOV"))),
                "'Categories to invite' lists 'GOV' twice");
    }

    @Test
    void shouldRefuseAnUnexpectedVariableNamingIt() {
        Map<String, Object> values = variables(valid());
        values.putAll(variables("conceptNoteApproved", true));
        assertRefused(values, "not: conceptNoteApproved");
        assertThat(runtimeService.getVariable(draft.getProcessInstanceId(), "conceptNoteApproved")).isNull();
    }

    @Test
    void shouldStoreHtmlScriptAndSqlAsPlainText() {
        String hostile = "<script>alert('x')</script> Robert'); DROP TABLE cv_meeting;--";
        ResponseEntity<Map<String, Object>> response = submit("complete", variables(with("background", hostile)));
        assertThat(response.getStatusCode().value()).isEqualTo(204);
        assertThat(conceptNotes.latest(code)).get().extracting(ConceptNotes.ConceptNote::background).isEqualTo(hostile);
    }

    private void assertRefused(Map<String, Object> values, String reason) {
        for (String endpoint : List.of("complete", "submit-form")) {
            ResponseEntity<Map<String, Object>> response = submit(endpoint, values);
            assertThat(response.getStatusCode().value()).as(endpoint).isEqualTo(400);
            assertThat(String.valueOf(response.getBody().get("message"))).as(endpoint).contains(reason);
        }
        assertThat(taskService.createTaskQuery().taskId(draft.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(conceptNotes.latest(code)).as("nothing stored").isEmpty();
    }

    private ResponseEntity<Map<String, Object>> submit(String endpoint, Map<String, Object> values) {
        return api.post("lena", "/engine-rest/task/" + draft.getId() + "/" + endpoint, Map.of("variables", values));
    }
}
