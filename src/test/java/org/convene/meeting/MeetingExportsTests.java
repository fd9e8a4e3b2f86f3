package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The concept note and the agenda as PDF and DOCX, downloaded as staff and managers do and read back
 * with PDFBox and POI: the seed's six sections in order with the seed's text, the convener's line and
 * the approval date at the end; the agenda's days, sessions, working groups and questions; an
 * accented name as typed. Reviewers and others are refused.
 */
@ConveneIntegrationTest
class MeetingExportsTests {

    private static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    private static final List<String> SECTIONS = List.of("1. Background", "2. Objectives of the Expert Meeting",
            "3. Convener", "4. Suggested Participants", "5. Timing and Location", "6. Documentation");
    private static final String SEED_OPENING = "The international refugee regime is predicated on cooperation between States.";

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ConceptNotes conceptNotes;
    @Autowired Agendas agendas;

    String code;
    String base;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("EX");
        base = "/meetings/" + code;
        meetings.register(new Meeting(code, "Expert Meeting on International Cooperation to Share Burden and "
                + "Responsibilities", "Amman, Jordan", AMMAN, LocalDate.of(2027, 6, 28), 2), null, "lena");
    }

    @Test
    void shouldPrintTheApprovedConceptNoteInTheSeedsLayoutAsPdfAndDocx() throws IOException {
        saveSeedConceptNote("Division of International Protection (DIP) — Zoë Ångström, UNHCR");
        conceptNotes.recordReview(code, ReviewDecision.APPROVE, null, "grace", "review-" + code);
        String approvedOn = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(
                conceptNotes.reviewHistory(code).get(0).reviewedAt().atZoneSameInstant(AMMAN));
        BrowserSession grace = BrowserSession.signedIn(port, "grace");

        HttpResponse<byte[]> pdf = grace.download(base + "/concept-note.pdf");
        HttpResponse<byte[]> docx = grace.download(base + "/concept-note.docx");
        keep("concept-note.pdf", pdf.body());
        keep("concept-note.docx", docx.body());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + code + "-concept-note.pdf\"");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        for (String text : List.of(pdfText(pdf.body()), docxText(docx.body()))) {
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("Expert Meeting on International Cooperation to Share Burden and Responsibilities",
                    "28–29 June 2027", "Concept Note", SEED_OPENING, "60th Anniversary Commemorations",
                    "Approximately 25 participants are envisaged", "Senior government representatives (10)");
            assertInOrder(flat, SECTIONS);
            // the convener's line and the approval date close the note, after section 6's text
            assertInOrder(flat, List.of("6. Documentation", "policy guidance.",
                    "Division of International Protection (DIP) — Zoë Ångström, UNHCR " + approvedOn));
        }
    }

    @Test
    void shouldMarkAConceptNoteNotApprovedYetAsADraft() throws IOException {
        saveSeedConceptNote("UNHCR");

        String text = pdfText(BrowserSession.signedIn(port, "lena").download(base + "/concept-note.pdf").body());

        assertThat(text.replaceAll("\\s+", " ")).contains("Version 1, draft", "Draft, not approved yet");
    }

    @Test
    void shouldPrintTheAgendaByDayWithTheWorkingGroupsAndTheirQuestions() throws IOException {
        agendas.changeWorkingGroup(code, "WG1", new Agendas.WorkingGroupChange(null, "Dr. Zoë Ångström", "", "Amira Haddad",
                null));
        Agendas.Session welcome = agendas.sessions(code).get(0);
        agendas.changeSession(code, welcome.id(), new Agendas.NewSession("1", "09:00", "09:15", "PLENARY",
                "Accueil — Müller & Søren", "Plenary hall", ""));
        BrowserSession lena = BrowserSession.signedIn(port, "lena");

        HttpResponse<byte[]> pdf = lena.download(base + "/agenda.pdf");
        HttpResponse<byte[]> docx = lena.download(base + "/agenda.docx");
        keep("agenda.pdf", pdf.body());
        keep("agenda.docx", docx.body());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + code + "-agenda.docx\"");
        for (String text : List.of(pdfText(pdf.body()), docxText(docx.body()))) {
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("Draft Agenda", "Times are local to the venue (Asia/Amman).",
                    "Start time End time Session Kind Room", "09:00 09:15 Accueil — Müller & Søren Plenary Plenary hall",
                    "14:00 16:00 Working Group 2 — Cooperative arrangements following rescue at sea operations Working group "
                            + "Meeting room B", "18:00 20:00 Reception Reception Terrace",
                    "Working Group 1 — Cooperative arrangements to address mass influx situations",
                    "Chair: Dr. Zoë Ångström · Rapporteur: Amira Haddad", "Chair: to be named · Rapporteur: to be named",
                    "The following questions will be discussed in the Working Groups:",
                    "3. What worked well?", "5. Lessons learned from the examples?");
            assertInOrder(flat, List.of("Day 1 — Monday 28 June 2027", "09:00 09:15", "Working Group 1", "Working Group 2",
                    "1. What are some other examples", "Day 2 — Tuesday 29 June 2027", "Working Group 3",
                    "Working Group 4", "Lessons learned from the examples?"));
        }
    }

    @Test
    void shouldRefuseReviewersAndOthersAndAnswer404ForAnUnknownMeetingOrNoConceptNote() {
        for (String file : List.of("/concept-note.pdf", "/concept-note.docx", "/agenda.pdf", "/agenda.docx", "/agenda.ics")) {
            assertThat(BrowserSession.signedIn(port, "ravi").download(base + file).statusCode()).as(file).isEqualTo(403);
            assertThat(BrowserSession.signedIn(port, "guest", "welcome").download(base + file).statusCode()).as(file)
                    .isEqualTo(403);
            assertThat(BrowserSession.signedIn(port, "lena").download("/meetings/NO-SUCH-MEETING" + file).statusCode())
                    .as(file).isEqualTo(404);
        }
        HttpResponse<byte[]> none = BrowserSession.signedIn(port, "demo").download(base + "/concept-note.pdf");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new String(none.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("has no concept note yet: it is printed once a first version is drafted.");
    }

    @Test
    void shouldLinkTheFilesFromTheMeetingsPageForStaffAndManagersOnly() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "lena").get(base);
        assertThat(page.body()).contains(base + "/concept-note.pdf", base + "/concept-note.docx", base + "/agenda.pdf",
                base + "/agenda.docx", base + "/agenda.ics");
        assertThat(BrowserSession.signedIn(port, "grace").get(base).body()).contains(base + "/agenda.pdf");
        assertThat(BrowserSession.signedIn(port, "kenji").get(base).body()).doesNotContain(base + "/agenda.pdf",
                base + "/concept-note.pdf");
    }

    @SuppressWarnings("unchecked")
    private void saveSeedConceptNote(String convener) throws IOException {
        Map<String, Object> note;
        try (InputStream in = new ClassPathResource("demo/amman-expert-meeting.yaml").getInputStream()) {
            note = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("conceptNote");
        }
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, (String) note.get("background"),
                (String) note.get("objectives"), convener, 25, ParticipantCategory.ofFormValues(note.get("participantCategories")),
                "28–29 June 2027 in Amman, Jordan", (String) note.get("documentation"), "lena",
                Map.of(ParticipantCategory.GOV, 10)));
    }

    private static void assertInOrder(String text, List<String> parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            assertThat(next).as("'%s' after position %s in: %s", part, at, text).isGreaterThan(at);
            at = next;
        }
    }

    /** Keeps the file under target/exports, for a person to look at (e.g. {@code pdftoppm -png -r 60}). */
    private static void keep(String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "exports"));
        Files.write(folder.resolve(name), content);
    }

    /** Without the tatweel PDFBox may add to Arabic; a no-break space as a space. */
    private static String plain(String text) {
        return text.replace("\u0640", "").replace('\u00a0', ' ');
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return plain(new PDFTextStripper().getText(document));
        }
    }

    static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return plain(extractor.getText());
        }
    }
}
