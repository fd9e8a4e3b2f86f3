package org.convene.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** {@code /api/meetings/{code}/working-groups/{wg}/report}: the report as JSON, replaced whole by PUT. */
@ConveneIntegrationTest
class ReportApiTests {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired WorkingGroupReports reports;

    RestClients api;
    String code;

    @BeforeEach
    void registerMeeting() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("API");
        driver.registerMeeting(code);
    }

    @Test
    void shouldReplaceTheReportAndGiveItBackAsGetDoes() {
        ResponseEntity<Map<String, Object>> saved = put("lena", "WG1", Map.of(
                "arrangements", List.of(Map.of("name", "ICARA II", "period", "1984", "actors",
                        List.of(Map.of("actor", "donor State", "role", "pledged funds")),
                        "formsOfSupport", List.of("financial", "physical/resettlement"), "scale", "comprehensive",
                        "temporalScope", "time-bound", "phases", List.of("protracted"))),
                "findings", List.of(Map.of("question", 4, "text", "Pledges fell short.", "arrangements", List.of("ICARA II")))));

        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        Map<String, Object> body = get("ravi", "WG1").getBody();
        assertThat(body).isEqualTo(saved.getBody()).containsEntry("stage", "DRAFTING").containsEntry("workingGroupCode", "WG1");
        assertThat((List<?>) body.get("arrangements")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", "WG1-A1").containsEntry("formsOfSupport", List.of("FINANCIAL", "PHYSICAL"))
                .containsEntry("scale", "COMPREHENSIVE").containsEntry("temporalScope", "TIME_BOUND");
        assertThat((List<?>) body.get("findings")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", "WG1-F1").containsEntry("question", 4).containsEntry("arrangements", List.of("WG1-A1"))
                .containsEntry("fromPlenary", false);

        // sent back as GET gave it: nothing changes, the ids stay
        ResponseEntity<Map<String, Object>> again = put("lena", "WG1", body);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("findings")).isEqualTo(body.get("findings"));
        assertThat(again.getBody().get("arrangements")).isEqualTo(body.get("arrangements"));
    }

    @Test
    void shouldAnswerBadInputWithTheFieldsNamedAndStoreNothing() {
        put("lena", "WG2", Map.of("arrangements", List.of(Map.of("name", "DISERO", "actors", List.of("flag State")))));

        ResponseEntity<Map<String, Object>> refused = put("lena", "WG1", Map.of(
                "arrangements", List.of(Map.of("name", "RASRO", "actors", List.of(), "formsOfSupport", List.of("military"))),
                "findings", List.of(Map.of("question", 3, "text", ""),
                        Map.of("question", "three", "text", "Cites WG2's.", "arrangements", List.of("WG2-A1")))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).startsWith("Nothing was saved: ");
        assertThat((Map<String, Object>) refused.getBody().get("fieldErrors")).containsOnlyKeys(
                "findings[1].question");
        ResponseEntity<Map<String, Object>> refusedAgain = put("lena", "WG1", Map.of(
                "arrangements", List.of(Map.of("name", "RASRO", "actors", List.of(), "formsOfSupport", List.of("military"))),
                "findings", List.of(Map.of("question", 3, "text", ""),
                        Map.of("question", 3, "text", "Cites WG2's.", "arrangements", List.of("WG2-A1")))));
        assertThat((Map<String, Object>) refusedAgain.getBody().get("fieldErrors")).containsOnlyKeys(
                "arrangements[0].actors", "arrangements[0].formsOfSupport[0]", "findings[0].text",
                "findings[1].arrangements[0]");
        assertThat(reports.get(code, "WG1").isEmpty()).isTrue();
        assertThat(put("lena", "WG1", null).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void shouldKeepTheReportToStaffForChangesAndAnswer404ForAnUnknownGroup() {
        assertThat(put("ravi", "WG1", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(put("grace", "WG1", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(get("guest", "WG1").getStatusCode().value()).isEqualTo(403);
        assertThat(api.anonymous().getForEntity("/api/meetings/" + code + "/working-groups/WG1/report", String.class)
                .getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map<String, Object>> unknown = get("grace", "WG9");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("message", "Meeting " + code + " has no working group WG9.");
        assertThat(put("lena", "WG9", Map.of()).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldRefuseChangesWhileTheChairHasTheReport() {
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        reports.submit(code, "WG1", "lena", null);

        ResponseEntity<Map<String, Object>> refused = put("lena", "WG1", get("lena", "WG1").getBody());
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((String) refused.getBody().get("message")).contains("with the chair for validation");
    }

    private ResponseEntity<Map<String, Object>> get(String user, String group) {
        return api.as(user).exchange("/api/meetings/" + code + "/working-groups/" + group + "/report", HttpMethod.GET,
                null, new ParameterizedTypeReference<>() { });
    }

    private ResponseEntity<Map<String, Object>> put(String user, String group, Object body) {
        return api.as(user).exchange("/api/meetings/" + code + "/working-groups/" + group + "/report", HttpMethod.PUT,
                RestClients.json(body), new ParameterizedTypeReference<>() { });
    }
}
