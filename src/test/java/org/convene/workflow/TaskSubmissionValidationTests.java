package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;
import static org.convene.meeting.ConceptNoteApprovalProcess.BACKGROUND;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONCEPT_NOTE_APPROVED;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONVENER;
import static org.convene.meeting.ConceptNoteApprovalProcess.DOCUMENTATION;
import static org.convene.meeting.ConceptNoteApprovalProcess.OBJECTIVES;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANTS_TARGET;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES;
import static org.convene.meeting.ConceptNoteApprovalProcess.TIMING_AND_LOCATION;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_DATES;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.ConceptNoteApprovalProcess;
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
        runtimeService.startProcessInstanceByKey(ConceptNoteApprovalProcess.ID, code, Map.of(
                MEETING_CODE, code, MEETING_TITLE, "Expert meeting", MEETING_PLACE, "Amman, Jordan",
                MEETING_DATES, "8–9 February 2027"));
        draft = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    }

    static Object[] valid() {
        return new Object[] {BACKGROUND, "Cooperation between States.", OBJECTIVES, "Identify lessons.",
                CONVENER, "UNHCR", PARTICIPANTS_TARGET, 25, PARTICIPANT_CATEGORIES, List.of("GOV", "IO"),
                TIMING_AND_LOCATION, "Amman, Jordan", DOCUMENTATION, "A background paper."};
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
        assertRefused(variables(with(BACKGROUND, "")), "'Background' is required");
    }

    @Test
    void shouldRefuseAWrongTypeNamingIt() {
        assertRefused(variables(with(PARTICIPANTS_TARGET, "twenty-five")), "'Participants envisaged' must be a number");
    }

    @Test
    void shouldRefuseAnOverLongTextNamingIt() {
        assertRefused(variables(with(CONVENER, "x".repeat(201))), "'Convener' is longer than 200 characters");
    }

    @Test
    void shouldRefuseAChoiceThatTheFormDoesNotOffer() {
        assertRefused(variables(with(PARTICIPANT_CATEGORIES, List.of("GOV", "PRESS"))), "must be one of");
    }

    @Test
    void shouldRefuseADecimalWhereTheFormTakesWholeNumbersOnly() {
        assertRefused(variables(with(PARTICIPANTS_TARGET, 25.5)), "'Participants envisaged' must be a whole number, not 25.5");
    }

    @Test
    void shouldRefuseAChecklistGivenAsPlainTextOrNamingAValueTwice() {
        Map<String, Object> plain = variables(valid());
        plain.put(PARTICIPANT_CATEGORIES, Map.of("value", "GOV"));
        assertRefused(plain, "'Categories to invite' must be a list of choices, not 'GOV'");
        assertRefused(variables(with(PARTICIPANT_CATEGORIES, List.of("GOV", "IO", "GOV"))),
                "'Categories to invite' lists 'GOV' twice");
    }

    @Test
    void shouldRefuseAnUnexpectedVariableNamingIt() {
        Map<String, Object> values = variables(valid());
        values.putAll(variables(CONCEPT_NOTE_APPROVED, true));
        assertRefused(values, "not: conceptNoteApproved");
        assertThat(runtimeService.getVariable(draft.getProcessInstanceId(), CONCEPT_NOTE_APPROVED)).isNull();
    }

    @Test
    void shouldStoreHtmlScriptAndSqlAsPlainText() {
        String hostile = "<script>alert('x')</script> Robert'); DROP TABLE cv_meeting;--";
        ResponseEntity<Map<String, Object>> response = submit("complete", variables(with(BACKGROUND, hostile)));
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
