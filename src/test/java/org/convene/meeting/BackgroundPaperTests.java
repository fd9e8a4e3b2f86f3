package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.convene.meeting.PreparationProcess.*;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The background paper of PreparationProcess as issue 8's "Done when" walks it: staff name two of
 * the three reviewers (sofia and kenji) when they commission it; omar drafts for the author; kenji
 * rejects with a comment, sofia signs with one; omar's revision task shows both comments; the
 * reviewers' tasks for the second version link to what changed, which the page shows; both sign;
 * the version's PDF and DOCX carry both signatures; staff circulate it and Amira, who accepted, is
 * mailed the PDF (as GreenMail receives it), while Peter, who has not answered, is not.
 */
@ConveneIntegrationTest
class BackgroundPaperTests {

    static final String FIRST = "## Burden and responsibility sharing\n\nStates share the burden of hosting refugees.\n\n"
            + "The 1979 arrangement for Indochinese refugees is one example.";
    static final String SECOND = "## Burden and responsibility sharing\n\nStates share the responsibility of hosting refugees.\n\n"
            + "The 1979 arrangement for Indochinese refugees is one example.\n\n"
            + "The 2011 Amman meeting concluded that support must be predictable.";
    static final String KENJI_REJECTS = "Cite the conclusions of the 2011 Amman meeting.";
    static final String SOFIA_SIGNS = "Sound; shorten the first section.";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired Participants participants;
    @Autowired InvitationReplies replies;
    @Autowired Documents documents;
    @Autowired Mailbox mailbox;
    @Autowired TestRestTemplate rest;

    Invitees.Meeting meeting;
    String code;
    long peter;

    @BeforeEach
    void registerAMeetingAmiraAcceptsPeterIsInvited() {
        BpmnAwareTests.init(engine);
        meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "PAPER");
        code = meeting.code();
        peter = Invitees.peter(participants, code);
        replies.receive(code, invited(meeting.amira()), InvitationReply.ACCEPT, ReplyChannel.LINK, null, null, null);
        invited(peter);
    }

    @Test
    void shouldGoToTwoNamedReviewersBackToItsAuthorWithTheirCommentsRoundAgainAndOutWithItsSignedPdf() throws Exception {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_COMMISSION_BACKGROUND_PAPER);
        Task commission = driver.task(instance, TASK_COMMISSION_BACKGROUND_PAPER);
        assertThat(values((SpinJsonNode) driver.taskVariable(commission, PAPER_REVIEWERS)))
                .as("all of the reviewers group ticked at first, by last name").containsExactly("ravi", "sofia", "kenji");
        assertThat(((SpinJsonNode) driver.taskVariable(commission, PAPER_REVIEWER_OPTIONS)).toString())
                .contains("\"label\":\"Sofia Ortega (sofia)\"", "\"value\":\"sofia\"");
        driver.complete(commission, "lena", Map.of(PAPER_AUTHOR, "Prof. Daniel Reyes",
                PAPER_BRIEF, "Past cooperative arrangements to share burden and responsibilities.",
                PAPER_DUE_DATE, meeting.firstDay().minusWeeks(5).toString(),
                PAPER_REVIEWERS, Spin.JSON(List.of("sofia", "kenji"))));
        assertThat(driver.historicVariable(instance, BACKGROUND_PAPER_REVIEWERS)).isEqualTo("sofia,kenji");

        // first round: sofia signs with a comment, kenji rejects
        driver.complete(instance, TASK_SUBMIT_BACKGROUND_PAPER_DRAFT, "omar", Map.of(DRAFT_TEXT, FIRST));
        ProcessInstance firstRound = calledProcessInstance(SignOffProcess.ID, instance);
        assertThat(driver.tasks(firstRound, SignOffProcess.TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("sofia", "kenji");
        decide(firstRound, "sofia", "approve", SOFIA_SIGNS);
        decide(firstRound, "kenji", "reject", KENJI_REJECTS);
        assertThat(firstRound).isEnded();

        // the author sees every reviewer's comment and revises
        Task revise = driver.task(instance, TASK_SUBMIT_BACKGROUND_PAPER_DRAFT);
        assertThat(revise).isAssignedTo("omar");
        assertThat(driver.taskVariable(revise, REVIEW_COMMENTS))
                .isEqualTo("**kenji**: " + KENJI_REJECTS + "\n\n**sofia** (signed off): " + SOFIA_SIGNS);
        assertThat(driver.taskVariable(revise, DRAFT_TEXT)).isEqualTo(FIRST);
        driver.complete(revise, "omar", Map.of(DRAFT_TEXT, SECOND));

        // second round: the same two reviewers, whose tasks link to what changed since they decided
        ProcessInstance secondRound = calledProcessInstance(SignOffProcess.ID, instance);
        List<Task> signOffs = driver.tasks(secondRound, SignOffProcess.TASK_SIGN_OFF_DRAFT);
        assertThat(signOffs).extracting(Task::getAssignee).containsExactlyInAnyOrder("sofia", "kenji");
        long documentId = documents.latest(code, DocumentKind.BACKGROUND_PAPER, "").orElseThrow().documentId();
        for (Task task : signOffs) {
            assertThat(driver.taskVariable(task, DocumentVariables.DOCUMENT_ID)).isEqualTo(documentId);
            assertThat(driver.taskVariable(task, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(2);
        }
        HttpResponse<String> changes = BrowserSession.signedIn(port, "kenji")
                .get("/documents/" + documentId + "/versions/2/changes");
        assertThat(changes.statusCode()).isEqualTo(200);
        assertThat(changes.body()).contains("Changes from version 1 to version 2", "<del>burden</del><ins>responsibility</ins>",
                "<ins>The 2011 Amman meeting concluded that support must be predictable.</ins>");
        decide(secondRound, "kenji", "approve", "");
        decide(secondRound, "sofia", "approve", "");
        assertThat(instance).isWaitingAt(TASK_CIRCULATE_DOCUMENTATION_PACK);

        // the signatures on the PDF and the DOCX
        String versionPath = "/documents/" + documentId + "/versions/2";
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        assertThat(pdfText(lena.download(versionPath + ".pdf").body())).containsSubsequence("Background paper",
                "Version 2 · signed off", "The 2011 Amman meeting concluded", "Signatures", "Kenji Sato", "Sofia Ortega");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(lena.download(versionPath + ".docx").body()));
             XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
            assertThat(words.getText()).containsSubsequence("Version 2 · signed off", "Signatures", "Kenji Sato", "Sofia Ortega");
        }

        // circulated: mailed with that PDF to Amira, who accepted, and nobody else
        Task circulate = driver.task(instance, TASK_CIRCULATE_DOCUMENTATION_PACK);
        assertThat(driver.taskVariable(circulate, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(2);
        driver.complete(circulate, "lena", Map.of(PACK_CIRCULATED, true));
        mailbox.deliver(code);
        List<MimeMessage> papers = mailbox.received(code).stream()
                .filter(m -> Mailbox.messageId(m).startsWith("<background-paper-")).toList();
        assertThat(papers).hasSize(1);
        MimeMessage mail = papers.get(0);
        assertThat(Mailbox.recipient(mail)).isEqualToIgnoringCase("a.khalil@gov.example");
        assertThat(mail.getSubject()).isEqualTo("Background paper: " + ExpertMeetings.TITLE);
        assertThat(Mailbox.only(mail, "text/plain").getContent()).asString()
                .contains("Dear Amira Khalil,", "Background paper (version 2, signed off");
        Part pdf = Mailbox.only(mail, "application/pdf");
        assertThat(pdf.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo(code + " Background paper v2.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(pdfText(in.readAllBytes())).containsSubsequence("Background paper", "Version 2 · signed off",
                    "The 2011 Amman meeting concluded", "Signatures", "Kenji Sato", "Sofia Ortega");
        }
    }

    @Test
    void shouldRefuseToCommissionThePaperWithAReviewerFromOutsideTheReviewersGroupOrNone() {
        ProcessInstance instance = driver.startBefore(ID, code, meeting.phase(), TASK_COMMISSION_BACKGROUND_PAPER);
        Task commission = driver.task(instance, TASK_COMMISSION_BACKGROUND_PAPER);

        ResponseEntity<Map<String, Object>> outsider = submit(commission, List.of("sofia", "omar"));
        ResponseEntity<Map<String, Object>> nobody = submit(commission, List.of());

        assertThat(outsider.getStatusCode().value()).isEqualTo(400);
        assertThat(outsider.getBody()).extracting(body -> body.get("message")).asString()
                .contains("'Reviewers who sign the paper off' must be one of [ravi, sofia, kenji], not 'omar'");
        assertThat(nobody.getStatusCode().value()).isEqualTo(400);
        assertThat(nobody.getBody()).extracting(body -> body.get("message")).asString()
                .contains("'Reviewers who sign the paper off' is required");
        assertThat(instance).isWaitingAt(TASK_COMMISSION_BACKGROUND_PAPER);

        assertThat(submit(commission, List.of("ravi")).getStatusCode().value()).isEqualTo(204);
        assertThat(driver.historicVariable(instance, BACKGROUND_PAPER_REVIEWERS)).isEqualTo("ravi");
    }

    /** Submits "Commission background paper" through the REST API as lena, as Tasklist does, naming these reviewers. */
    private ResponseEntity<Map<String, Object>> submit(Task task, List<String> reviewers) {
        return new RestClients(rest).post("lena", "/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", RestClients.variables(PAPER_AUTHOR, "Prof. Daniel Reyes", PAPER_BRIEF, "Past arrangements.",
                        PAPER_DUE_DATE, meeting.firstDay().minusWeeks(5).toString(), PAPER_REVIEWERS, reviewers)));
    }

    /** The reviewer decides on their own task of the sign-off. */
    private void decide(ProcessInstance signOff, String reviewer, String decision, String comments) {
        driver.completeOwn(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, reviewer, Map.of(DECISION, decision, COMMENTS, comments));
    }

    /** The participant's seat invited (InvitationProcess, its invitation sent); returns the participant's id. */
    private long invited(long participantId) {
        Map<String, Object> variables = new HashMap<>(meeting.phase());
        variables.put(InvitationProcess.PARTICIPANT_ID, String.valueOf(participantId));
        driver.runAsyncJobs(driver.start(InvitationProcess.ID, code, variables));
        return participantId;
    }

    private static List<String> values(SpinJsonNode array) {
        return array.elements().stream().map(SpinJsonNode::stringValue).toList();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
