package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Recommendations as records: each rests on findings of its own meeting's reports and serves an
 * objective of the concept note; entered through the API and the page, refused with the field named
 * and nothing stored when a finding is missing, unknown or another meeting's.
 */
@ConveneIntegrationTest
class RecommendationsTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired WorkingGroupReports reports;
    @Autowired Recommendations recommendations;

    String code;
    RestClients api;

    @BeforeEach
    void meetingWithFindings() {
        code = TestMeetings.newCode("REC");
        driver.registerMeeting(code);
        FrameworkSamples.reports(reports, code);
        api = new RestClients(rest);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStoreRecommendationsThroughTheApiAndListThemWithTheirFindings() {
        ResponseEntity<Map<String, Object>> saved = put("lena", Map.of("recommendations", List.of(
                Map.of("text", "Agree in advance the triggers for a collective response.", "objective", 3,
                        "proposes", "trigger", "findings", List.of("WG1-F3", "WG1-F4")),
                Map.of("text", "Guarantee resettlement places for people rescued at sea.", "objective", "1",
                        "findings", List.of(Map.of("id", "WG2-F1"))))));
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);

        ResponseEntity<Map<String, Object>> listed = get("ravi");
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> list = (List<Map<String, Object>>) listed.getBody().get("recommendations");
        assertThat(list).extracting(r -> r.get("id"), r -> r.get("proposes"))
                .containsExactly(tuple("R1", "TRIGGER"), tuple("R2", null));
        assertThat((Map<String, Object>) list.get(0).get("objective")).containsEntry("number", 3);
        assertThat((String) ((Map<String, Object>) list.get(0).get("objective")).get("text")).startsWith("parameters/benchmarks");
        assertThat((List<Map<String, Object>>) list.get(0).get("findings")).extracting(f -> f.get("id"),
                f -> f.get("workingGroupCode"), f -> f.get("question"), f -> f.get("text")).containsExactly(
                tuple("WG1-F3", "WG1", 5, "Agree triggers for a collective response in advance."),
                tuple("WG1-F4", "WG1", 5, "Name who convenes the response."));
        assertThat((List<Map<String, Object>>) list.get(1).get("findings")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("id", "WG2-F1").containsEntry("questionText", "What worked well?"));
        assertThat(listed.getBody()).containsEntry("editable", true);

        // sent back as GET gives it, the ids stay; a new one takes the next number
        List<Object> again = new java.util.ArrayList<>(list);
        again.add(Map.of("text", "Back pledges with development financing.", "objective", 2, "findings", List.of("WG1-F2")));
        assertThat(put("lena", Map.of("recommendations", again)).getStatusCode().value()).isEqualTo(200);
        assertThat(recommendations.list(code)).extracting(Recommendation::id, Recommendation::findingIds).containsExactly(
                tuple("R1", List.of("WG1-F3", "WG1-F4")), tuple("R2", List.of("WG2-F1")), tuple("R3", List.of("WG1-F2")));
    }

    @Test
    void shouldRefuseARecommendationWithoutAFindingNamingTheFieldAndStoreNothing() {
        recommendations.replace(code, FrameworkSamples.recommendations(), "lena");
        List<RecommendationDraft> withoutFinding = List.of(FrameworkSamples.recommendations().get(0),
                FrameworkSamples.recommendation("Share the burden fairly.", 1, null));

        assertThatThrownBy(() -> recommendations.replace(code, withoutFinding, "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("recommendations[1].findings")
                        .containsValue("A recommendation rests on at least one finding of the working groups' reports: "
                                + "choose the findings it comes from."));

        ResponseEntity<Map<String, Object>> refused = put("lena", Map.of("recommendations", List.of(
                Map.of("text", "Share the burden fairly.", "objective", 1, "findings", List.of()))));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).extractingByKey("fieldErrors").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("recommendations[0].findings");
        assertThat((String) refused.getBody().get("message")).startsWith("Nothing was saved");
        assertThat(recommendations.list(code)).extracting(Recommendation::id).containsExactly("R1", "R2", "R3");
    }

    @Test
    void shouldRefuseAFindingOfAnotherMeetingAnUnknownOneAndAnUnknownObjective() {
        String other = TestMeetings.newCode("RECO");
        driver.registerMeeting(other);
        FrameworkSamples.reports(reports, other);

        ResponseEntity<Map<String, Object>> refused = put("lena", Map.of("recommendations", List.of(
                Map.of("text", "Cite the other meeting.", "objective", 2,
                        "findings", List.of(other + "/WG1-F1", Map.of("meetingCode", other, "id", "WG2-F1"))),
                Map.of("text", "Cite nothing real.", "objective", 9, "findings", List.of("WG7-F1")))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        Map<String, String> errors = fieldErrors(refused);
        assertThat(errors).containsOnlyKeys("recommendations[0].findings[0]", "recommendations[0].findings[1]",
                "recommendations[1].objective", "recommendations[1].findings[0]");
        assertThat(errors.get("recommendations[0].findings[0]")).isEqualTo("WG1-F1 is a finding of meeting " + other
                + ": a recommendation of " + code + " rests on this meeting's findings only.");
        assertThat(errors.get("recommendations[1].findings[0]")).startsWith(code + " has no finding 'WG7-F1'");
        assertThat(errors.get("recommendations[1].objective")).contains("1 (situations/refugee challenges");
        assertThat(recommendations.list(code)).isEmpty();
        assertThat(recommendations.list(other)).isEmpty();
    }

    @Test
    void shouldAnswerTheApiByGroupMeetingAndShapeNeverWithA5xx() {
        assertThat(api.anonymous().exchange("/api/meetings/" + code + "/recommendations", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(get("guest").getStatusCode().value()).isEqualTo(403);
        assertThat(put("ravi", Map.of("recommendations", List.of())).getStatusCode().value()).isEqualTo(403);
        assertThat(api.as("lena").exchange("/api/meetings/NO-SUCH/recommendations", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        ResponseEntity<Map<String, Object>> notJson = api.as("lena").exchange("/api/meetings/" + code + "/recommendations",
                HttpMethod.PUT, RestClients.json("{\"recommendations\": 3"), new ParameterizedTypeReference<>() { });
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map<String, Object>> wrongKinds = put("lena", Map.of("recommendations", List.of(
                "just a text", Map.of("text", List.of("a list"), "objective", "first", "findings", "WG1-F1"))));
        assertThat(wrongKinds.getStatusCode().value()).isEqualTo(400);
        assertThat(fieldErrors(wrongKinds)).containsKeys("recommendations[0]", "recommendations[1].objective",
                "recommendations[1].findings");
    }

    @Test
    void shouldAddARecommendationOnThePageAndRefuseOneWithoutAFinding() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        String page = "/meetings/" + code + "/recommendations";
        assertThat(lena.get(page).body()).contains("No recommendation entered yet.", "Add a recommendation", "WG1-F3",
                "Agree triggers for a collective response in advance.", "3. parameters/benchmarks");

        HttpResponse<String> refused = lena.post(page, Map.of("text", "Share the burden.", "objective", "1"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "findings",
                "A recommendation rests on at least one finding of the working groups&#39; reports");
        assertThat(recommendations.list(code)).isEmpty();

        HttpResponse<String> added = lena.post(page, Map.of("text", "Agree <b>triggers</b> in advance.", "objective", "3",
                "proposes", "TRIGGER", "findings", "WG1-F3"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(lena.follow(added).body()).contains("Recommendation added.", "R1", "Agree &lt;b&gt;triggers&lt;/b&gt; in advance.",
                "proposes: Trigger for a collective response");
        assertThat(recommendations.list(code)).singleElement().satisfies(r -> {
            assertThat(r.findingIds()).containsExactly("WG1-F3");
            assertThat(r.proposes()).isEqualTo(FrameworkElementKind.TRIGGER);
        });

        HttpResponse<String> forged = lena.post(page + "/R1", Map.of("text", "Agree triggers.", "objective", "3",
                "findings", "WG9-F9"));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("has no finding &#39;WG9-F9&#39;");
        assertThat(recommendations.list(code).get(0).findingIds()).containsExactly("WG1-F3");

        String asReviewer = BrowserSession.signedIn(port, "ravi").get(page).body();
        assertThat(asReviewer).contains("R1").doesNotContain("Add a recommendation");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(ResponseEntity<Map<String, Object>> response) {
        return (Map<String, String>) response.getBody().get("fieldErrors");
    }

    private ResponseEntity<Map<String, Object>> get(String user) {
        return api.as(user).exchange("/api/meetings/" + code + "/recommendations", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
    }

    private ResponseEntity<Map<String, Object>> put(String user, Object body) {
        return api.as(user).exchange("/api/meetings/" + code + "/recommendations", HttpMethod.PUT, RestClients.json(body),
                new ParameterizedTypeReference<>() { });
    }
}
