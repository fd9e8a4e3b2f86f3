package org.convene.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A meeting's findings across its reports: listed, filtered by working group, question and word, exported. */
@ConveneIntegrationTest
class MeetingFindingsTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired WorkingGroupReports reports;
    @Autowired MeetingFindings findings;

    String code;

    @BeforeEach
    void twoReports() {
        code = TestMeetings.newCode("FND");
        driver.registerMeeting(code);
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        reports.save(code, "WG3", new ReportDraft(null, List.of(ReportSamples.cirefca(null)), List.of(
                ReportSamples.finding(null, 3, "Development funding followed the refugees home.", "CIREFCA"),
                ReportSamples.finding(null, 5, "Agree triggers before the emergency."))), "omar");
    }

    @Test
    void shouldListEveryFindingAndFilterByGroupQuestionAndWord() {
        assertThat(findings.list(code, MeetingFindings.Filter.none())).extracting(MeetingFindings.Listed::id)
                .containsExactly("WG1-F1", "WG1-F2", "WG1-F3", "WG3-F1", "WG3-F2");
        assertThat(findings.list(code, new MeetingFindings.Filter("WG3", null, null)))
                .extracting(MeetingFindings.Listed::id).containsExactly("WG3-F1", "WG3-F2");
        assertThat(findings.list(code, new MeetingFindings.Filter(null, 5, null)))
                .extracting(MeetingFindings.Listed::id, MeetingFindings.Listed::workingGroupCode)
                .containsExactly(tuple("WG1-F3", "WG1"), tuple("WG3-F2", "WG3"));
        assertThat(findings.list(code, new MeetingFindings.Filter(null, null, "TRIGGERS")))
                .extracting(MeetingFindings.Listed::id).containsExactly("WG1-F3", "WG3-F2");
        // a word in the name of an arrangement a finding refers to
        assertThat(findings.list(code, new MeetingFindings.Filter("WG1", null, "comprehensive plan")))
                .singleElement().satisfies(f -> {
                    assertThat(f.id()).isEqualTo("WG1-F2");
                    assertThat(f.arrangements()).containsExactly(Map.entry("WG1-A2", "Comprehensive Plan of Action"));
                    assertThat(f.questionText()).isEqualTo("What were the challenges and obstacles?");
                });
    }

    @Test
    void shouldServeTheFindingsAsJsonFilteredAndRefuseAnUnknownGroup() {
        RestClients api = new RestClients(rest);
        ResponseEntity<Map<String, Object>> found = api.as("ravi").exchange("/api/meetings/" + code
                + "/findings?workingGroup=WG3&q=funding", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) found.getBody().get("findings")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("id", "WG3-F1").containsEntry("workingGroupCode", "WG3").containsEntry("question", 3)
                .containsEntry("arrangements", Map.of("WG3-A1", "CIREFCA")).containsEntry("reportStage", "DRAFTING"));

        ResponseEntity<Map<String, Object>> unknown = api.as("ravi").exchange("/api/meetings/" + code
                + "/findings?workingGroup=WG7", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat((Map<String, Object>) unknown.getBody().get("fieldErrors")).containsKey("workingGroup");
        ResponseEntity<Map<String, Object>> words = api.as("ravi").exchange("/api/meetings/" + code
                + "/findings?question=three", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(words.getStatusCode().value()).isEqualTo(400);
        assertThat((String) words.getBody().get("message")).startsWith("question: ");
        assertThat(api.as("guest").getForEntity("/api/meetings/" + code + "/findings", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.as("ravi").getForEntity("/api/meetings/NO-SUCH/findings", String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void shouldShowAndExportTheFilteredFindings() {
        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        String page = grace.get("/meetings/" + code + "/findings?question=5").body();
        assertThat(page).contains("WG1-F3", "WG3-F2", "Agree triggers before the emergency.").doesNotContain("WG1-F1");
        HttpResponse<String> all = grace.get("/meetings/" + code + "/findings");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).as("each finding's arrangements by id and name")
                .contains("WG3-A1 CIREFCA", "WG1-A2 Comprehensive Plan of Action");

        HttpResponse<byte[]> csv = grace.download("/meetings/" + code + "/findings.csv?workingGroup=WG3");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFFinding,Working group,Question,")
                .contains("WG3-F1,WG3,3,", "WG3-A1 CIREFCA").doesNotContain("WG1-F1");
        assertThat(grace.get("/meetings/" + code + "/findings?workingGroup=WG9").statusCode()).isEqualTo(400);
    }
}
