package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.document.SignOffs;
import org.convene.meeting.PreparationProcess;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The background paper mailed with its PDF to the confirmed participants when staff complete
 * "Circulate documentation pack", as GreenMail receives it over SMTP, the PDF read back with PDFBox:
 * the paper signed off by ravi; Dr Renée Müller and Amira Khalil accepted, Daniel Reyes declined,
 * Peter Mwangi has not answered (he accepts later), Grace Otieno is in reserve.
 */
@ConveneIntegrationTest
class BackgroundPaperMailsTests {

    static final String PAPER = "## Burden and responsibility sharing\n\nPast arrangements, from the 1979 Indochinese "
            + "plan onwards, shared the burden of hosting refugees.\n\n<script>alert('x')</script>";

    @Autowired ProcessDriver driver;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies replies;
    @Autowired Documents documents;
    @Autowired Mailbox mailbox;

    String code;
    Map<String, Object> phase;
    long renee;
    long amira;
    long daniel;
    long peter;

    @BeforeEach
    void inviteFourAndHearThree() {
        code = TestMeetings.newCode("BPM");
        phase = driver.registerMeeting(code);
        renee = Invitees.renee(participants, code);
        amira = Invitees.amira(participants, code);
        daniel = Invitees.daniel(participants, code);
        peter = Invitees.peter(participants, code);
        Invitees.grace(participants, code);
        for (long participant : List.of(renee, amira, daniel, peter)) {
            invitations.send(code, participant, "seat-" + participant);
        }
        reply(renee, InvitationReply.ACCEPT);
        reply(amira, InvitationReply.ACCEPT);
        reply(daniel, InvitationReply.DECLINE);
        Documents.Version paper = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", PAPER, "omar", null);
        driver.completeOwn(SignOffs.start(driver, code, paper.id(), "ravi"), SignOffProcess.TASK_SIGN_OFF_DRAFT, "ravi",
                ProcessDriver.decision(ReviewDecision.APPROVE, null));
        mailbox.deliver(code);
    }

    @Test
    void shouldMailThePaperWithItsPdfToEveryConfirmedParticipantAndNoOneElse() throws Exception {
        circulate();
        mailbox.deliver(code);

        List<MimeMessage> papers = papers();
        assertThat(papers).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("renee.muller@unige.example", "a.khalil@gov.example");
        MimeMessage toRenee = papers.stream().filter(m -> Mailbox.recipient(m).startsWith("renee")).findFirst().orElseThrow();
        assertThat(toRenee.getSubject()).isEqualTo("Background paper: " + ExpertMeetings.TITLE);
        assertThat(Mailbox.messageId(toRenee)).isEqualTo("<background-paper-" + renee + "." + code + "@convene>");
        Part text = Mailbox.only(toRenee, "text/plain");
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).contains("Dear Dr Renée Müller,", "Background paper (version 1, signed off",
                "The concept note and the agenda:\nhttp://localhost:8080/links/");
        Part html = Mailbox.only(toRenee, "text/html");
        assertThat((String) html.getContent()).contains("Dear Dr Renée Müller,");
        Part pdf = Mailbox.only(toRenee, "application/pdf");
        assertThat(pdf.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo(code + " Background paper v1.pdf");
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            String printed = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(printed).containsSubsequence("Background paper", ExpertMeetings.TITLE, "Version 1 · signed off",
                    "Burden and responsibility sharing", "1979 Indochinese plan", "<script>alert('x')</script>",
                    "Signatures", "Ravi Menon");
        }
    }

    @Test
    void shouldMailNobodyTwiceWhenTheCirculationIsHeardAgainOrDeliveryRunsAgain() {
        circulate();
        mailbox.deliver(code);
        assertThat(papers()).hasSize(2);

        documents.circulate(code, DocumentKind.BACKGROUND_PAPER, "lena");
        assertThat(mailbox.deliver(code)).as("no new delivery").isZero();

        assertThat(papers()).hasSize(2);
    }

    @Test
    void shouldMailThePaperToOneWhoAcceptsAfterItWentOut() {
        circulate();
        mailbox.deliver(code);

        reply(peter, InvitationReply.ACCEPT);
        mailbox.deliver(code);

        assertThat(papers()).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("renee.muller@unige.example", "a.khalil@gov.example", "p.mwangi@iom.example");
    }

    @Test
    void shouldMailThePaperToOneWhoseDeclineIsCorrectedToAnAcceptanceAndNotBeforeItWentOut() {
        replies.correct(code, daniel, InvitationReply.ACCEPT, ReplyChannel.PHONE, "Can come after all.", null, "lena");
        mailbox.deliver(code);
        assertThat(papers()).as("the paper has not gone out yet").isEmpty();

        circulate();
        mailbox.deliver(code);

        assertThat(papers()).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("renee.muller@unige.example", "a.khalil@gov.example", "d.reyes@ox.example");
    }

    @Test
    void shouldMailThePaperToNoOneWhoDeclinesAfterItWentOut() {
        circulate();
        mailbox.deliver(code);

        reply(peter, InvitationReply.DECLINE);
        mailbox.deliver(code);

        assertThat(papers()).extracting(Mailbox::recipient).doesNotContain("p.mwangi@iom.example");
    }

    /** Staff complete "Circulate documentation pack" in PreparationProcess. */
    private void circulate() {
        ProcessInstance preparation = driver.startBefore(PreparationProcess.ID, code, phase,
                PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK);
        driver.complete(preparation, PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK, "lena",
                Map.of(PreparationProcess.PACK_CIRCULATED, true));
    }

    /** The invitee's seat waits for the reply, as after "Send invitation"; the reply comes by e-mail, recorded by lena. */
    private void reply(long participant, InvitationReply reply) {
        driver.startBefore(InvitationProcess.ID, code, Map.of(ProcessVariables.MEETING_CODE, code,
                InvitationProcess.PARTICIPANT_ID, String.valueOf(participant)), InvitationProcess.GATEWAY_AWAIT_REPLY);
        replies.receive(code, participant, reply, ReplyChannel.EMAIL, null, null, "lena");
    }

    /** The background-paper mails the SMTP server received for the meeting. */
    private List<MimeMessage> papers() {
        return mailbox.received(code).stream().filter(m -> Mailbox.messageId(m).startsWith("<background-paper-")).toList();
    }
}
