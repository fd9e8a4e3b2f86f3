package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;
import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.Meetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A meeting's start is checked on the server against its start form (propose-meeting), as task
 * submissions are against theirs, through the REST API's start and submit-form and through
 * Tasklist's own API: 400 naming the field and the reason, and no meeting registered. The
 * business rules of the registration (code, first day in the venue's zone) come after the form's.
 */
@ConveneIntegrationTest
class StartFormValidationTests {

    static final String PROCESS = "/process-definition/key/" + ExpertMeetingProcess.ID + "/";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired Meetings meetings;
    @LocalServerPort int port;

    RestClients api;
    String code;

    @BeforeEach
    void setUp() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("SF");
    }

    static Map<String, Object> proposal(Object... overrides) {
        Map<String, Object> values = new HashMap<>(ExpertMeetings.proposal(ExpertMeetings.firstDay()));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    ResponseEntity<Map<String, Object>> start(String endpoint, String businessKey, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>();
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        Object[] namesAndValues = values.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        body.put("variables", variables(namesAndValues));
        return api.post("lena", "/engine-rest" + PROCESS + endpoint, body);
    }

    void assertRefused(Map<String, Object> values, int status, String reason) {
        for (String endpoint : List.of("start", "submit-form")) {
            ResponseEntity<Map<String, Object>> response = start(endpoint, code, values);
            assertThat(response.getStatusCode().value()).as(endpoint + ": " + response.getBody()).isEqualTo(status);
            assertThat(String.valueOf(response.getBody().get("message"))).as(endpoint).contains(reason);
        }
        assertThat(meetings.find(code)).as("no meeting registered").isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void shouldRefuseANumberOfDaysThatIsTextNotWholeOrOutOfRange() {
        assertRefused(proposal(NUMBER_OF_DAYS, "two"), 400, "'Number of days' must be a number, not 'two'");
        assertRefused(proposal(NUMBER_OF_DAYS, 2.5), 400, "'Number of days' must be a whole number, not 2.5");
        assertRefused(proposal(NUMBER_OF_DAYS, 0), 400, "'Number of days' must be at least 1");
        assertRefused(proposal(NUMBER_OF_DAYS, 6), 400, "'Number of days' must be at most 5");
    }

    @Test
    void shouldRefuseAFirstDayThatDoesNotExistOrHasPassedInTheVenuesTimeZone() {
        ZoneId amman = ExpertMeetings.AMMAN;
        assertRefused(proposal(FIRST_DAY, "2027-02-30"), 400,
                "'First day' must be a date that exists, as YYYY-MM-DD (got '2027-02-30')");
        assertRefused(proposal(FIRST_DAY, "2020-03-02"), 400, "'First day' must not be in the past (got 2020-03-02)");
        assertRefused(proposal(FIRST_DAY, LocalDate.now(amman).minusDays(1).toString()), 400, "in the past");
    }

    @Test
    void shouldStartAMeetingWhoseFirstDayIsTodayInTheVenuesTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ResponseEntity<Map<String, Object>> response = start("start", code,
                proposal(MEETING_TIME_ZONE, newYork.getId(), FIRST_DAY, LocalDate.now(newYork).toString()));

        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        assertThat(meetings.get(code).firstDay()).isEqualTo(LocalDate.now(newYork));
    }

    @Test
    void shouldRefuseATimeZoneThatTheFormDoesNotOffer() {
        assertRefused(proposal(MEETING_TIME_ZONE, "Mars/Olympus_Mons"), 400, "'Venue time zone' must be one of");
        assertRefused(proposal(MEETING_TIME_ZONE, "Europe/London"), 400, "not 'Europe/London'");
    }

    @Test
    void shouldRefuseAMissingOrOverlongTitle() {
        Map<String, Object> untitled = proposal();
        untitled.remove(MEETING_TITLE);
        assertRefused(untitled, 400, "'Meeting title' is required");
        assertRefused(proposal(MEETING_TITLE, "x".repeat(301)), 400, "'Meeting title' is longer than 300 characters");
    }

    @Test
    void shouldTakeTheCodeFromTheFormOrFromTheBusinessKeyButNeedOne() {
        ResponseEntity<Map<String, Object>> asTasklistSendsIt = start("submit-form", null, proposal(MEETING_CODE, code));
        assertThat(asTasklistSendsIt.getStatusCode().value()).isEqualTo(200);
        assertThat(asTasklistSendsIt.getBody()).containsEntry("businessKey", code);

        String other = TestMeetings.newCode("SF");
        assertThat(start("start", other, proposal()).getStatusCode().value()).as("the business key stands in").isEqualTo(200);
        assertThat(meetings.find(other)).isPresent();

        ResponseEntity<Map<String, Object>> neither = start("submit-form", null, proposal());
        assertThat(neither.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(neither.getBody().get("message"))).contains("'Meeting code' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "submit-form"})
    void shouldRefuseACodeAlreadyTakenWith409(String endpoint) {
        assertThat(start("start", code, proposal()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<Map<String, Object>> again = start(endpoint, null, proposal(MEETING_CODE, code));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("type", "MeetingCodeTakenException");
        assertThat(String.valueOf(again.getBody().get("message"))).startsWith("A meeting with code " + code + " already exists.");
    }

    @Test
    void shouldRefuseThroughTasklistsOwnApiAsThroughTheRestApi() throws Exception {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        Map<String, Object> body = Map.of("variables", variables(MEETING_CODE, code, MEETING_TITLE, ExpertMeetings.TITLE,
                ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE, MEETING_TIME_ZONE, "Asia/Amman",
                FIRST_DAY, ExpertMeetings.firstDay().toString(), NUMBER_OF_DAYS, 2.5));

        HttpResponse<String> refused = lena.webappApi("POST", "/camunda/api/engine/engine/default" + PROCESS + "submit-form",
                new ObjectMapper().writeValueAsString(body));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.body()).path("message").asText())
                .isEqualTo("'Expert meeting' was not started: 'Number of days' must be a whole number, not 2.5");
        assertThat(meetings.find(code)).isEmpty();
    }

    @Test
    void shouldLetTheAppsOwnStartsWithoutAUserRegisterAMeetingAlreadyHeld() {
        LocalDate twoWeeksAgo = LocalDate.now(ExpertMeetings.AMMAN).minusWeeks(2);

        ExpertMeetings.propose(runtimeService, code, twoWeeksAgo);

        assertThat(meetings.get(code).firstDay()).as("the demo's seed does so").isEqualTo(twoWeeksAgo);
    }
}
