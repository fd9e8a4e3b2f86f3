package org.convene.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/health} shows the engine, the database and the mail server, with details for
 * administrators only; {@code /actuator/prometheus} is for administrators only and carries the
 * meetings' counts, which move as the work does.
 */
@ConveneIntegrationTest
class MetricsAndHealthTests {

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowTheEngineTheDatabaseAndTheMailServerToAdministratorsOnly() {
        RestClients api = new RestClients(rest);
        ResponseEntity<Map> anonymous = api.anonymous().getForEntity("/actuator/health", Map.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(api.as("grace").getForEntity("/actuator/health", Map.class).getBody()).doesNotContainKey("components");

        Map<String, Object> components = (Map<String, Object>) api.as("demo").getForEntity("/actuator/health", Map.class)
                .getBody().get("components");
        assertThat(components).containsKeys("db", "processEngine", "mail");
        assertThat((Map<String, Object>) components.get("mail")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
    }

    @Test
    void shouldServeTheMeetingMetricsToAdministratorsOnly() {
        RestClients api = new RestClients(rest);
        assertThat(api.anonymous().getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(api.as("grace").getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(api.as("lena").getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(403);

        String before = scrape(api);
        assertThat(before).contains("convene_mails{status=\"PENDING\"}", "convene_mails{status=\"UNCERTAIN\"}",
                "convene_jobs_due", "convene_incidents", "convene_tasks_overdue");
        double atConceptNote = value(before, "convene_meetings", "phase=\"CONCEPT_NOTE\"", "state=\"RUNNING\"");
        double staffTasks = value(before, "convene_tasks_open", "group=\"" + ConveneGroups.STAFF + "\"");
        double overdue = value(before, "convene_tasks_overdue");

        String code = TestMeetings.newCode("MET");
        ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay());
        Task draft = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        taskService.setDueDate(draft.getId(), Date.from(EngineClock.instant().minus(1, ChronoUnit.DAYS)));

        String after = scrape(api);
        assertThat(value(after, "convene_meetings", "phase=\"CONCEPT_NOTE\"", "state=\"RUNNING\"")).isEqualTo(atConceptNote + 1);
        assertThat(value(after, "convene_tasks_open", "group=\"" + ConveneGroups.STAFF + "\"")).isEqualTo(staffTasks + 1);
        assertThat(value(after, "convene_tasks_overdue")).isEqualTo(overdue + 1);
    }

    private static String scrape(RestClients api) {
        ResponseEntity<String> scrape = api.as("demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        return scrape.getBody();
    }

    /** The value of the sample named so with these labels (Prometheus text format). */
    private static double value(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + Arrays.toString(labels) + " in\n" + scrape));
    }
}
