package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.ProcessDriver.decision;
import static org.convene.workflow.ReviewDecision.APPROVE;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.Invitations;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.report.MeetingFindings;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * From the working groups' findings to the published Common Framework, on PostgreSQL: staff enter
 * the recommendations (each citing findings) through the API, the reviewers sign them off; staff
 * enter the framework (every kind of element, each resting on recommendations), the reviewers sign
 * it off, a manager approves, it is published and mailed to the participants who accepted; its PDF
 * and DOCX are read back, every element with its traceability. The refusals: an element with no
 * source, another meeting's recommendation, an unknown arrangement, a change while it is signed off.
 */
@ConveneIntegrationTest
class CommonFrameworkTests {

    static final Path OUT = Path.of("target/framework");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired WorkingGroupReports reports;
    @Autowired Recommendations recommendations;
    @Autowired CommonFramework framework;
    @Autowired Documents documents;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies replies;
    @Autowired Mailbox mailbox;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    String code;
    Map<String, Object> phase;
    RestClients api;

    @BeforeEach
    void meetingWithFindings() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("CFW");
        phase = driver.registerMeeting(code);
        FrameworkSamples.reports(reports, code);
        api = new RestClients(rest);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCarryTheFindingsToAPublishedFrameworkWithItsTraceabilityInPdfDocxAndMail() throws Exception {
        long renee = accept(Invitees.renee(participants, code), InvitationReply.ACCEPT);
        long amira = accept(Invitees.amira(participants, code), InvitationReply.ACCEPT);
        accept(Invitees.daniel(participants, code), InvitationReply.DECLINE);
        mailbox.deliver(code);

        // recommendations, each citing findings, signed off by the three reviewers
        ProcessInstance drawUp = driver.start(RecommendationsProcess.ID, code, phase);
        List<Map<String, Object>> recs = new ArrayList<>();
        FrameworkSamples.recommendations().forEach(r -> recs.add(Map.of("text", r.text(), "objective", r.objective(),
                "proposes", r.proposes(), "findings", r.findings())));
        assertThat(put("lena", "recommendations", Map.of("recommendations", recs)).getStatusCode().value()).isEqualTo(200);
        driver.complete(drawUp, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS, "lena",
                Map.of(RecommendationsProcess.RECOMMENDATIONS_READY, true));
        signByAll(drawUp);
        BpmnAwareTests.assertThat(drawUp).isEnded().hasPassed(RecommendationsProcess.END_EVENT_RECOMMENDATIONS_ADOPTED);
        assertThat(put("lena", "recommendations", Map.of("recommendations", List.of())).getStatusCode().value())
                .as("signed off, they stay as signed").isEqualTo(409);

        // the framework: every kind of element, each resting on recommendations
        ProcessInstance shape = driver.start(CommonFrameworkProcess.ID, code, phase);
        List<Map<String, Object>> elements = List.of(
                element("UNDERSTANDING", "Predictable sharing", "Responsibility is shared before a crisis, not after it.", "R1", "R2"),
                element("TRIGGER", "Mass influx", "Considerable numbers arriving over an international border.", "R1"),
                Map.of("kind", "FORM_OF_SUPPORT", "title", "Resettlement places", "formOfSupport", "physical",
                        "recommendations", List.of("R3")),
                Map.of("kind", "ACTOR", "title", "Flag State", "text", "Guarantees resettlement of those its ships rescue.",
                        "recommendations", List.of(Map.of("id", "R3"))),
                Map.of("kind", "PHASE", "title", "Emergency: reception and admission", "phase", "EMERGENCY",
                        "recommendations", List.of("R1")),
                Map.of("kind", "EXAMPLE_ARRANGEMENT", "arrangement", "WG2-A1", "recommendations", List.of("R3")),
                Map.of("kind", "SCENARIO", "title", "Distress at sea", "illustrative", true, "recommendations", List.of("R3", "R2")));
        ResponseEntity<Map<String, Object>> saved = put("lena", "framework", Map.of("elements", elements));
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        driver.complete(shape, CommonFrameworkProcess.TASK_DRAFT_COMMON_FRAMEWORK, "lena",
                Map.of(CommonFrameworkProcess.FRAMEWORK_READY, true));
        assertThat(put("omar", "framework", Map.of("elements", List.of())).getStatusCode().value())
                .as("in sign-off, it cannot change").isEqualTo(409);
        signByAll(shape);
        driver.complete(shape, CommonFrameworkProcess.TASK_APPROVE_COMMON_FRAMEWORK, "grace", decision(APPROVE, "Publish it."));
        driver.runAsyncJobs(shape);
        BpmnAwareTests.assertThat(shape).isEnded().hasPassed(CommonFrameworkProcess.END_EVENT_FRAMEWORK_PUBLISHED);
        assertThat(documents.find(code, DocumentKind.COMMON_FRAMEWORK, "").orElseThrow().publishedAt()).isNotNull();

        // the API gives every element with what it rests on
        ResponseEntity<Map<String, Object>> got = api.as("ravi").exchange("/api/meetings/" + code + "/framework",
                HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        List<Map<String, Object>> listed = (List<Map<String, Object>>) got.getBody().get("elements");
        assertThat(listed).extracting(e -> e.get("id")).containsExactly("U1", "T1", "F1", "A1", "P1", "E1", "S1");
        assertThat(listed.get(5)).containsEntry("title", "DISERO").containsEntry("arrangement",
                Map.of("id", "WG2-A1", "name", "DISERO", "workingGroupCode", "WG2"));
        assertThat((List<String>) listed.get(0).get("questions")).contains("WG1 Q5: Lessons learned from the examples?");
        assertThat(got.getBody()).containsEntry("editable", false);

        List<FrameworkElement> stored = framework.elements(code);
        Files.createDirectories(OUT);

        // the PDF: every element, and in the annex each with its recommendations, findings, groups and questions
        HttpResponse<byte[]> pdf = BrowserSession.signedIn(port, "lena").download("/meetings/" + code + "/framework.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().contains(code + "-common-framework.pdf");
        Files.write(OUT.resolve("common-framework.pdf"), pdf.body());
        String printed = pdfText(pdf.body());
        assertThat(printed).containsSubsequence("Common Framework on International Cooperation", "Version 1 · published on",
                "Set of understandings", "U1 · Predictable sharing", "Operational toolbox", "Triggers for a collective response",
                "T1 · Mass influx", "Forms of support", "F1 · Resettlement places", "Form of support: physical (resettlement)",
                "Actors and their roles", "A1 · Flag State", "Phases of the displacement cycle", "P1 · Emergency",
                "Example arrangements", "E1 · DISERO", "Drawn from WG2-A1 DISERO (WG2)", "Toolbox scenarios",
                "S1 · Distress at sea (illustrative)", "Annex: traceability");
        String annex = printed.substring(printed.indexOf("Annex: traceability"));
        traceability(annex, stored);

        // the DOCX: the same
        HttpResponse<byte[]> docx = BrowserSession.signedIn(port, "ravi").download("/meetings/" + code + "/framework.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        Files.write(OUT.resolve("common-framework.docx"), docx.body());
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
            String text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(text).containsSubsequence("Set of understandings", "U1 · Predictable sharing", "Operational toolbox",
                    "E1 · DISERO", "S1 · Distress at sea (illustrative)", "Annex: traceability");
            List<XWPFTable> tables = word.getTables();
            assertThat(tables).hasSize(stored.size());
            for (int i = 0; i < stored.size(); i++) {
                FrameworkElement e = stored.get(i);
                List<List<String>> rows = tables.get(i).getRows().stream()
                        .map(row -> row.getTableCells().stream().map(c -> c.getText().strip()).toList()).toList();
                assertThat(rows.get(0)).containsExactly("Recommendation", "Finding", "Working group", "Question");
                List<List<String>> expected = new ArrayList<>();
                for (Recommendation r : e.recommendations()) {
                    for (MeetingFindings.Listed f : r.findings()) {
                        expected.add(List.of(f == r.findings().get(0) ? r.id() + ": " + r.text() : r.id() + " (continued)",
                                f.id() + ": " + f.text(),
                                f.workingGroupTitle().replaceFirst("^Report of ", ""), "Q" + f.question() + ": " + f.questionText()));
                    }
                }
                assertThat(rows.subList(1, rows.size())).as("traceability of %s", e.id()).isEqualTo(expected);
            }
        }
        traceability(docxText(docx.body()), stored);

        // published: mailed with both files to those who accepted, once
        mailbox.deliver(code);
        List<MimeMessage> mails = mailbox.received(code).stream()
                .filter(m -> Mailbox.messageId(m).startsWith("<common-framework-")).toList();
        assertThat(mails).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("renee.muller@unige.example", "a.khalil@gov.example");
        MimeMessage toAmira = mails.stream().filter(m -> Mailbox.recipient(m).startsWith("a.khalil")).findFirst().orElseThrow();
        assertThat(Mailbox.messageId(toAmira)).isEqualTo("<common-framework-" + amira + "." + code + "@convene>");
        assertThat(toAmira.getSubject()).startsWith("Published: Common Framework on International Cooperation");
        assertThat(((String) Mailbox.only(toAmira, "text/plain").getContent())).contains("Dear Amira Khalil,", "traces every element");
        Part attached = Mailbox.only(toAmira, "application/pdf");
        assertThat(attached.getFileName()).isEqualTo(code + "-common-framework.pdf");
        try (InputStream in = attached.getInputStream()) {
            traceability(pdfText(in.readAllBytes()), stored);
        }
        assertThat(Mailbox.only(toAmira, CommonFrameworkPublication.DOCX).getFileName()).isEqualTo(code + "-common-framework.docx");
        assertThat(renee).isNotEqualTo(amira);

        // the page shows it published, with the files
        String page = BrowserSession.signedIn(port, "ravi").get("/meetings/" + code + "/framework").body();
        assertThat(page).contains("published", "framework.pdf", "framework.docx", "E1", "DISERO").doesNotContain("Add an element");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAnElementWithNoSourceAnotherMeetingsRecommendationAndAnUnknownArrangementStoringNothing() {
        recommendations.replace(code, FrameworkSamples.recommendations(), "lena");
        String other = TestMeetings.newCode("CFWO");
        driver.registerMeeting(other);

        ResponseEntity<Map<String, Object>> refused = put("lena", "framework", Map.of("elements", List.of(
                Map.of("kind", "TRIGGER", "title", "Rapid rate of arrival"),
                Map.of("kind", "TRIGGER", "title", "Mass influx", "recommendations", List.of(other + "/R1", "R7")),
                Map.of("kind", "EXAMPLE_ARRANGEMENT", "arrangement", "WG9-A1", "recommendations", List.of("R1")),
                Map.of("kind", "FORM_OF_SUPPORT", "title", "Money", "formOfSupport", "monetary", "recommendations", List.of("R2")),
                Map.of("kind", "WISH", "title", "More", "recommendations", List.of("R2")))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        Map<String, String> errors = (Map<String, String>) refused.getBody().get("fieldErrors");
        assertThat(errors).containsOnlyKeys("elements[0].recommendations", "elements[1].recommendations[0]",
                "elements[1].recommendations[1]", "elements[2].arrangement", "elements[3].formOfSupport", "elements[4].kind");
        assertThat(errors.get("elements[0].recommendations")).isEqualTo("An element of the framework rests on at least one "
                + "recommendation: name the recommendations (R1, R2) it comes from.");
        assertThat(errors.get("elements[1].recommendations[0]")).isEqualTo("R1 is a recommendation of meeting " + other
                + ": the framework of " + code + " rests on this meeting's recommendations only.");
        assertThat(errors.get("elements[1].recommendations[1]")).isEqualTo(code + " has no recommendation 'R7': R1, R2, R3.");
        assertThat(errors.get("elements[2].arrangement")).isEqualTo(code + "'s reports have no arrangement 'WG9-A1': WG1-A1, WG2-A1.");
        assertThat(framework.elements(code)).isEmpty();

        // through the page: an element with no recommendation ticked
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        String page = "/meetings/" + code + "/framework";
        assertThat(lena.get(page).body()).contains("Add an element", "R1", "WG2-A1 DISERO");
        HttpResponse<String> noSource = lena.post(page, Map.of("kind", "TRIGGER", "title", "Mass influx"));
        assertThat(noSource.statusCode()).isEqualTo(422);
        assertThat(noSource.body()).contains("Nothing was saved", "recommendations",
                "An element of the framework rests on at least one recommendation");
        assertThat(framework.elements(code)).isEmpty();
        HttpResponse<String> added = lena.post(page, Map.of("kind", "TRIGGER", "title", "Mass influx", "recommendations", "R1"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(lena.follow(added).body()).contains("Element added.", "T1", "Mass influx");

        // the API's doors
        assertThat(api.anonymous().exchange("/api/meetings/" + code + "/framework", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(api.as("guest").exchange("/api/meetings/" + code + "/framework", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(put("grace", "framework", Map.of("elements", List.of())).getStatusCode().value()).isEqualTo(403);
        assertThat(api.as("lena").exchange("/api/meetings/NO-SUCH/framework", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api.as("lena").exchange("/api/meetings/" + code + "/framework", HttpMethod.PUT,
                RestClients.json("[1, 2"), String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(BrowserSession.signedIn(port, "lena").download("/meetings/NO-SUCH/framework.pdf").statusCode()).isEqualTo(404);
        assertThat(framework.elements(code)).extracting(FrameworkElement::id).containsExactly("T1");
    }

    @Test
    void shouldPrintArabicAndDropCharactersXmlForbidsInThePdfAndDocx() throws Exception {
        recommendations.replace(code, List.of(FrameworkSamples.recommendation("تقاسم الأعباء والمسؤوليات\u0001 بين الدول",
                1, null, "WG1-F1")), "lena");
        framework.replace(code, List.of(new FrameworkElementDraft(null, "SCENARIO", "الإجلاء الإنساني",
                "Bell\u0007 and <b>tags</b> stay text.", null, null, null, true, List.of("R1"))), "lena");

        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        HttpResponse<byte[]> pdf = lena.download("/meetings/" + code + "/framework.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String printed;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true);
            printed = byPosition.getText(document).replace("\u0640", "").replaceAll("\\s+", " ");
        }
        assertThat(printed).contains("الإجلاء", "الإنساني", "تقاسم", "Bell and <b>tags</b> stay text.");
        HttpResponse<byte[]> docx = lena.download("/meetings/" + code + "/framework.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docxText(docx.body())).contains("الإجلاء الإنساني", "Bell and <b>tags</b> stay text.")
                .doesNotContain("\u0001", "\u0007");
    }

    /** In the annex (or the whole text), each element's heading followed by its recommendations and findings. */
    private static void traceability(String text, List<FrameworkElement> elements) {
        String annex = text.substring(text.indexOf("Annex: traceability"));
        for (FrameworkElement e : elements) {
            List<String> expected = new ArrayList<>();
            expected.add(e.id() + " · " + e.title());
            for (Recommendation r : e.recommendations()) {
                for (MeetingFindings.Listed f : r.findings()) {
                    expected.add(r.id());
                    expected.add(f.id() + ":");
                    expected.add("Q" + f.question() + ":");
                }
            }
            assertThat(annex).as("traceability of %s", e.id()).containsSubsequence(expected);
        }
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String docxText(byte[] docx) throws java.io.IOException {
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
            return extractor.getText().replaceAll("\\s+", " ");
        }
    }

    private static Map<String, Object> element(String kind, String title, String text, String... recommendations) {
        return Map.of("kind", kind, "title", title, "text", text, "recommendations", List.of(recommendations));
    }

    private long accept(long participant, InvitationReply reply) {
        invitations.send(code, participant, "seat-" + participant);
        driver.startBefore(InvitationProcess.ID, code, Map.of(ProcessVariables.MEETING_CODE, code,
                InvitationProcess.PARTICIPANT_ID, String.valueOf(participant)), InvitationProcess.GATEWAY_AWAIT_REPLY);
        replies.receive(code, participant, reply, ReplyChannel.EMAIL, null, null, "lena");
        return participant;
    }

    private void signByAll(ProcessInstance parent) {
        ProcessInstance signOff = driver.called(parent, SignOffProcess.ID).get(0);
        for (String reviewer : new String[] {"kenji", "ravi", "sofia"}) {
            driver.completeOwn(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, reviewer, decision(APPROVE, null));
        }
    }

    private ResponseEntity<Map<String, Object>> put(String user, String what, Object body) {
        return api.as(user).exchange("/api/meetings/" + code + "/" + what, HttpMethod.PUT, RestClients.json(body),
                new ParameterizedTypeReference<>() { });
    }
}
