package org.convene.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A working group's report page: staff add arrangements and findings one at a time; its PDF reads as the page. */
@ConveneIntegrationTest
class ReportPagesTests {

    @LocalServerPort int port;
    @Autowired ProcessDriver driver;
    @Autowired WorkingGroupReports reports;

    String code;
    String page;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("RP");
        driver.registerMeeting(code);
        page = "/meetings/" + code + "/working-groups/WG3/report";
    }

    @Test
    void shouldAddAnArrangementAndAFindingCitingIt() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        assertThat(lena.get(page).body()).contains("Add a cooperative arrangement", "Add a finding",
                "No cooperative arrangement entered yet.", "being drafted");

        HttpResponse<String> added = lena.post(page + "/arrangements", Map.of("name", "CIREFCA", "period", "1987–1994",
                "actors", "host State: integrated refugees\nUNDP — co-led", "formsOfSupport", "FINANCIAL",
                "scale", "COMPREHENSIVE", "temporalScope", "TIME_BOUND", "phases", "SOLUTIONS"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(lena.follow(added).body()).contains("Arrangement added: CIREFCA.", "WG3-A1", "integrated refugees");
        HttpResponse<String> finding = lena.post(page + "/findings", Map.of("question", "3",
                "text", "Linking aid to development <b>worked</b>.", "arrangements", "WG3-A1"));
        assertThat(finding.statusCode()).isEqualTo(302);

        WorkingGroupReport report = reports.get(code, "WG3");
        assertThat(report.arrangement("WG3-A1").actors()).containsExactly(
                new WorkingGroupReport.Actor("host State", "integrated refugees"), new WorkingGroupReport.Actor("UNDP", "co-led"));
        assertThat(report.arrangement("WG3-A1").formsOfSupport()).containsExactly(FormOfSupport.FINANCIAL);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("WG3-F1");
            assertThat(f.arrangements()).containsExactly("WG3-A1");
        });
        assertThat(lena.get(page).body()).contains("Linking aid to development &lt;b&gt;worked&lt;/b&gt;.", "(refers to WG3-A1)");
    }

    @Test
    void shouldRefuseAFindingWithoutTextNamingTheFieldAndStoreNothing() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> refused = lena.post(page + "/findings", Map.of("question", "4", "text", " "));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "findings[0].text", "A finding needs its text.");
        assertThat(reports.get(code, "WG3").findings()).isEmpty();
    }

    @Test
    void shouldShowReviewersTheReportWithoutFormsAndPrintItAsPdf() throws IOException {
        reports.save(code, "WG3", ReportSamples.first(), "lena");

        String body = BrowserSession.signedIn(port, "ravi").get(page).body();
        assertThat(body).contains("WG3-A1", "CIREFCA", "WG3-F3", "Agree triggers in advance.")
                .doesNotContain("Add a finding", "Add a cooperative arrangement");

        HttpResponse<byte[]> pdf = BrowserSession.signedIn(port, "lena").download(page + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().contains(code + "-WG3-report.pdf");
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/report-WG3.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Report of Working Group 3", "WG3-A1 · CIREFCA", "Forms of support: financial, technical, political",
                    "WG3-F1 Linking refugee aid to development brought solutions. (refers to WG3-A1)");
        }
        assertThat(BrowserSession.signedIn(port, "lena").download(page + ".docx").statusCode()).isEqualTo(200);
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/" + code + "/working-groups/WG9/report")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldPrintTheVersionTheChairSignedAsItWasSignedBesideTheReportWithThePlenarysFindings() throws IOException {
        reports.save(code, "WG3", ReportSamples.first(), "lena");
        reports.submit(code, "WG3", "lena", null);
        reports.validate(code, "WG3");
        ReportDraft validated = ReportForms.draftOf(reports.get(code, "WG3"));
        List<ReportDraft.FindingDraft> withPlenary = new ArrayList<>(validated.findings());
        withPlenary.add(ReportSamples.finding(null, 5, "The plenary asked for standby arrangements."));
        reports.save(code, "WG3", new ReportDraft(null, validated.arrangements(), withPlenary), "omar");
        BrowserSession lena = BrowserSession.signedIn(port, "lena");

        assertThat(lena.get(page).body()).contains(page + ".pdf?version=1", "PDF of the signed version");
        HttpResponse<byte[]> signed = lena.download(page + ".pdf?version=1");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Disposition")).get().asString().contains(code + "-WG3-report-v1.pdf");
        assertThat(pdfText(signed.body())).contains("Version 1, as validated by the chair on", "WG3-F3")
                .doesNotContain("standby arrangements");
        assertThat(pdfText(lena.download(page + ".pdf").body())).contains("validated by the chair, version 1",
                "standby arrangements");
        assertThat(lena.download(page + ".docx?version=1").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = lena.get(page + ".pdf?version=7");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("The report of WG3 of " + code + " has versions 1 to 1, not 7.");
        assertThat(lena.get(page + ".pdf?version=first").statusCode()).isEqualTo(400);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
