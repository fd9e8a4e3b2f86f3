package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Starting a meeting through the REST API: who may, and a code is taken only once. */
@ConveneIntegrationTest
class MeetingStartTests {

    static final String START = "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/start";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired Meetings meetings;
    RestClients api;

    @BeforeEach
    void setUp() {
        api = new RestClients(rest);
    }

    /** 8 February next year: always ahead (a person may not propose a meeting whose first day has passed). */
    static final LocalDate FIRST_DAY = LocalDate.now(ExpertMeetings.AMMAN).plusYears(1).withMonth(2).withDayOfMonth(8);
    static final String DATES = "8–9 February " + FIRST_DAY.getYear();

    static Map<String, Object> startRequest(String code) {
        return Map.of("businessKey", code, "variables", variables(
                ProcessVariables.MEETING_TITLE, "Expert meeting on international cooperation",
                ProcessVariables.MEETING_PLACE, "Amman, Jordan",
                ExpertMeetingProcess.MEETING_TIME_ZONE, "Asia/Amman",
                ExpertMeetingProcess.FIRST_DAY, FIRST_DAY.toString(),
                ExpertMeetingProcess.NUMBER_OF_DAYS, 2));
    }

    @Test
    void shouldStartAMeetingAsStaffWithItsCodeAsBusinessKey() {
        String code = TestMeetings.newCode("EM");
        ResponseEntity<Map<String, Object>> response = api.post("lena", START, startRequest(code));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("businessKey", code);
        Meeting meeting = meetings.get(code);
        assertThat(meeting.datesLabel()).isEqualTo(DATES);
        assertThat(runtimeService.getVariable((String) response.getBody().get("id"), ProcessVariables.MEETING_DATES))
                .isEqualTo(DATES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameTheMeetingOnEachTaskForTasklistsList() {
        String code = TestMeetings.newCode("EM");
        assertThat(api.post("lena", START, startRequest(code)).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> tasks = api.as("lena").getForObject(
                "/engine-rest/task?processInstanceBusinessKey=" + code, List.class);
        Map<String, Object> local = api.as("lena").getForObject(
                "/engine-rest/task/" + tasks.get(0).get("id") + "/localVariables", Map.class);

        assertThat((Map<String, Object>) local.get("meeting")).containsEntry("value", code);
    }

    @Test
    void shouldRefuseASecondMeetingWithTheSameCodeWithAClearMessage() {
        String code = TestMeetings.newCode("EM");
        assertThat(api.post("lena", START, startRequest(code)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> second = api.post("omar", START, startRequest(code));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(String.valueOf(second.getBody().get("message")))
                .contains("A meeting with code " + code + " already exists");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKey(ExpertMeetingProcess.ID).count()).isEqualTo(1);
    }

    @Test
    void shouldStartOnlyOneMeetingWhenTheSameCodeIsSubmittedTwiceAtOnce() throws Exception {
        String code = TestMeetings.newCode("EM");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpStatus>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(() -> HttpStatus.valueOf(api.post("lena", START, startRequest(code)).getStatusCode().value()));
            }
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<HttpStatus> f : pool.invokeAll(clicks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        } finally {
            pool.shutdown();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKey(ExpertMeetingProcess.ID).count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMeetingWithoutAValidCode() {
        ResponseEntity<Map<String, Object>> response = api.post("lena", START, startRequest("bad code"));

        assertThat(response.getStatusCode().isError()).isTrue();
        assertThat(String.valueOf(response.getBody().get("message"))).contains("A meeting needs a code");
    }

    @Test
    void shouldRefuseAnonymousCallersAndUsersWhoMayNotStartMeetings() {
        String code = TestMeetings.newCode("EM");
        assertThat(rest.postForEntity(START, RestClients.json(startRequest(code)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // guest cannot even see the process definition
        assertThat(api.post("guest", START, startRequest(code)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("ravi", START, startRequest(code)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("nobody", "wrong").postForEntity(START, RestClients.json(startRequest(code)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(meetings.find(code)).isEmpty();
    }
}
