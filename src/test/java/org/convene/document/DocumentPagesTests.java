package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A document version's page, PDF and DOCX, and a meeting's documents, called as people call them
 * (signed into Tasklist): a background paper rejected by one reviewer, revised, and signed off by
 * both.
 */
@ConveneIntegrationTest
class DocumentPagesTests {

    static final String ARABIC_NAME = "ليلى حداد";
    static final String FIRST = "## Background\n\nDrafted with Dr Renée Müller.";
    static final String SECOND = "## Background\n\nDrafted with **Dr Renée Müller** and " + ARABIC_NAME
            + ", held on 27<sup>th</sup> June.\n\n<script>alert('x')</script>\n\n| Group | Chair |\n|---|---|\n| WG1 | "
            + ARABIC_NAME + " |\n";

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired Documents documents;
    @Autowired SignOff signOff;
    @Autowired ProcessDriver driver;

    String code;
    long documentId;

    @BeforeEach
    void signOffASecondVersionAfterARejection() {
        code = TestMeetings.newCode("DP");
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
        Documents.Version first = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", FIRST, "lena", null);
        documentId = first.documentId();
        ProcessInstance rejected = signOff(first.id());
        driver.completeOwn(rejected, SignOffProcess.TASK_SIGN_OFF_DRAFT, "ravi",
                ProcessDriver.decision(ReviewDecision.REJECT, "Name the co-author in full."));
        driver.runAsyncJobs(rejected);
        Documents.Version second = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", SECOND, "omar", null);
        ProcessInstance signed = signOff(second.id());
        driver.completeOwn(signed, SignOffProcess.TASK_SIGN_OFF_DRAFT, "ravi", ProcessDriver.decision(ReviewDecision.APPROVE, null));
        driver.completeOwn(signed, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia", ProcessDriver.decision(ReviewDecision.APPROVE, null));
        driver.runAsyncJobs(signed);
    }

    @Test
    void shouldShowTheVersionRenderedWithItsStatusSignaturesAndOtherVersions() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "lena").get(versionPath(2));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h2>Background</h2>", "<strong>Dr Renée Müller</strong>", ARABIC_NAME,
                        "27&lt;sup&gt;th&lt;/sup&gt; June", "&lt;script&gt;alert('x')&lt;/script&gt;", "<table>")
                .doesNotContain("<script>alert", "<sup>")
                .contains(">signed off<", "Omar", "Ravi", "Sofia", signOff.signatures(versionId(2)).get(0).sha256())
                .contains("href=\"" + versionPath(2) + ".pdf\"", "href=\"" + versionPath(2) + ".docx\"",
                        "href=\"" + versionPath(1) + "\"", "rejected");

        HttpResponse<String> first = BrowserSession.signedIn(port, "grace").get(versionPath(1));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains(">rejected<", "Rejected", "Name the co-author in full.", "Drafted with Dr Renée Müller.");
    }

    @Test
    void shouldLetStaffManagersAdministratorsAndTheDocumentsReviewersReadItAndNobodyElse() {
        for (String reader : List.of("lena", "omar", "grace", "demo", "ravi", "sofia")) {
            assertThat(BrowserSession.signedIn(port, reader).get(versionPath(2)).statusCode()).as(reader).isEqualTo(200);
            assertThat(BrowserSession.signedIn(port, reader).download(versionPath(2) + ".pdf").statusCode()).as(reader)
                    .isEqualTo(200);
            assertThat(BrowserSession.signedIn(port, reader).get("/meetings/" + code + "/documents").statusCode())
                    .as(reader).isEqualTo(200);
        }
        HttpResponse<String> kenji = BrowserSession.signedIn(port, "kenji").get(versionPath(2));
        assertThat(kenji.statusCode()).as("a reviewer not asked about this document").isEqualTo(403);
        assertThat(kenji.body()).contains("Not allowed", "reviewers asked to sign it off").doesNotContain("Dr Renée Müller");
        assertThat(BrowserSession.signedIn(port, "kenji").download(versionPath(2) + ".docx").statusCode()).isEqualTo(403);
        assertThat(BrowserSession.signedIn(port, "kenji").get("/meetings/" + code + "/documents").statusCode()).isEqualTo(403);

        BrowserSession guest = BrowserSession.signedIn(port, "guest", "welcome");
        assertThat(guest.get(versionPath(2)).statusCode()).isEqualTo(403);
        assertThat(guest.download(versionPath(2) + ".pdf").statusCode()).isEqualTo(403);
        assertThat(guest.get("/meetings/" + code + "/documents").statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = BrowserSession.anonymous(port).get(versionPath(2));
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }

    @Test
    void shouldAnswerAnUnknownMeetingDocumentOrVersionWith404() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");

        HttpResponse<String> noVersion = lena.get(versionPath(3));
        assertThat(noVersion.statusCode()).isEqualTo(404);
        assertThat(noVersion.body()).contains("Background paper of " + code + " has no version 3.");
        assertThat(lena.download(versionPath(3) + ".pdf").statusCode()).isEqualTo(404);
        assertThat(lena.get("/documents/999999999/versions/1").statusCode()).isEqualTo(404);
        assertThat(lena.download("/documents/999999999/versions/1.docx").statusCode()).isEqualTo(404);
        HttpResponse<String> noMeeting = lena.get("/meetings/NO-SUCH-MEETING/documents");
        assertThat(noMeeting.statusCode()).isEqualTo(404);
        assertThat(noMeeting.body()).contains("There is no meeting with the code NO-SUCH-MEETING");
    }

    @Test
    void shouldSendThePdfWithTitleStatusTextAndSignatures() throws IOException {
        HttpResponse<byte[]> pdf = BrowserSession.signedIn(port, "ravi").download(versionPath(2) + ".pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + code
                + "-Background-paper-v2.pdf\"; filename*=UTF-8''" + code + "%20Background%20paper%20v2.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = DocumentExportsTests.text(document);
            assertThat(text).containsSubsequence("Background paper", "Expert meeting on burden sharing",
                    "Version 2 · signed off", "Written by Omar", "Background", "Dr Renée Müller", ARABIC_NAME,
                    "27<sup>th</sup> June", "<script>alert('x')</script>", "WG1", ARABIC_NAME, "Signatures", "Ravi", "Sofia");
            assertThat(text.replaceAll("\\s", "")).contains(signOff.signatures(versionId(2)).get(0).sha256());
        }

        try (PDDocument rejected = Loader.loadPDF(BrowserSession.signedIn(port, "lena").download(versionPath(1) + ".pdf").body())) {
            assertThat(DocumentExportsTests.text(rejected)).contains("Version 1 · rejected").doesNotContain("Signatures");
        }
    }

    @Test
    void shouldSendTheDocxWithTheArabicNameAndTheSignatures() throws IOException {
        HttpResponse<byte[]> docx = BrowserSession.signedIn(port, "grace").download(versionPath(2) + ".docx");

        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment; filename=\"")
                .endsWith(".docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).containsSubsequence("Background paper", "Version 2 · signed off", "Background",
                    "Dr Renée Müller", ARABIC_NAME, "Signatures", signOff.signatures(versionId(2)).get(0).sha256());
        }
    }

    @Test
    void shouldListTheMeetingsDocumentsWithTheirVersionsLinkedFromTheMeetingPage() {
        HttpResponse<String> list = BrowserSession.signedIn(port, "sofia").get("/meetings/" + code + "/documents");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Background paper", "href=\"" + versionPath(1) + "\"", "href=\"" + versionPath(2) + "\"",
                "rejected", "signed off", "href=\"" + versionPath(2) + ".pdf\"");
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/" + code).body())
                .contains("href=\"/meetings/" + code + "/documents\"");
    }

    @Test
    void shouldShowAVersionInSignOffWhileReviewersDecide() {
        Documents.Version third = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", SECOND + "\nOne more line.", "lena", null);
        signOff(third.id());

        assertThat(BrowserSession.signedIn(port, "lena").get(versionPath(3)).body()).contains(">in sign-off<");
    }

    private ProcessInstance signOff(long versionId) {
        return SignOffs.start(driver, code, versionId, "ravi, sofia");
    }

    private long versionId(int number) {
        return documents.version(documentId, number).orElseThrow().id();
    }

    private String versionPath(int number) {
        return "/documents/" + documentId + "/versions/" + number;
    }
}
