package org.convene.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.ProcessDriver.decision;
import static org.convene.framework.SummaryConclusionsProcess.COMMENT_DEADLINE;
import static org.convene.framework.SummaryConclusionsProcess.PARTICIPANT_COMMENTS;
import static org.convene.framework.SummaryConclusionsProcess.SERVICE_TASK_OPEN_COMMENT_ROUND;
import static org.convene.framework.SummaryConclusionsProcess.TASK_APPROVE_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_REVIEW_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TASK_REVISE_SUMMARY_CONCLUSIONS;
import static org.convene.framework.SummaryConclusionsProcess.TIMER_EVENT_COMMENT_DEADLINE_PASSED;
import static org.convene.workflow.ReviewDecision.APPROVE;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVariables;
import org.convene.document.Documents;
import org.convene.identity.SignedLinks;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.Invitations;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.report.ReportDraft;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The participants' comment round on the summary conclusions, through the doors people use: the mails
 * GreenMail receives over SMTP, the comment page of the link in the mail as an anonymous browser opens
 * it, the staff's page of comments beside the paragraphs, the Tasklist tasks. Amira Khalil, Dr Renée
 * Müller and Peter Mwangi accepted their invitations; Daniel Reyes declined.
 */
@ConveneIntegrationTest
class CommentRoundTests {

    static final String DRAFT = """
            ## Burden and responsibility sharing

            The meeting found that responsibility sharing works best when agreed before an emergency.

            Host States carry most of the burden; support must reach them early.

            - Triggers for a collective response should be agreed in advance.
            - Forms of support include financial, material and technical help.""";

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies replies;
    @Autowired Documents documents;
    @Autowired SignedLinks links;
    @Autowired Mailbox mailbox;
    @Autowired WorkingGroupReports reports;
    @Autowired AnnouncedEvents events;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    String code;
    Map<String, Object> phase;
    long amira;
    long renee;
    long peter;
    ProcessInstance instance;

    @BeforeEach
    void threeAcceptOneDeclines() {
        BpmnAwareTests.init(engine);
        register(ExpertMeetings.AMMAN);
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldApproveAndPublishWhenEveryoneStaysSilentMailingTheLinkThenThePdf() throws Exception {
        Date deadline = toCommentRound();

        List<MimeMessage> asked = mails("<conclusions-comments-");
        assertThat(asked).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("a.khalil@gov.example", "renee.muller@unige.example", "p.mwangi@iom.example");
        MimeMessage toAmira = to(asked, "a.khalil");
        assertThat(toAmira.getSubject()).isEqualTo("Draft summary conclusions for your comments: " + ExpertMeetings.TITLE);
        String label = CommentRound.deadlineLabel(deadline.toInstant(), ExpertMeetings.AMMAN);
        assertThat(label).matches("the end of \\w+ \\d+ \\w+ \\d{4} \\(midnight, Asia/Amman time; 21:00 UTC\\)");
        assertThat(text(toAmira)).contains("Dear Amira Khalil,", "Comments are open until " + label + ".",
                "Silence means no objection", "Read and comment on the draft:\nhttp://localhost:8080/links/comments/");
        assertThat((String) Mailbox.only(toAmira, "text/html").getContent()).contains("Read and comment on the draft");

        fireDeadline(deadline);
        assertThat(driverVariable(TASK_REVISE_SUMMARY_CONCLUSIONS, PARTICIPANT_COMMENTS))
                .isEqualTo("No comments were received: silence means no objection.");
        driver.complete(instance, TASK_REVISE_SUMMARY_CONCLUSIONS, "lena", Map.of(DocumentVariables.DRAFT_TEXT, DRAFT));
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        driver.runAsyncJobs(instance);
        assertThat(instance).isEnded();
        mailbox.deliver(code);

        List<MimeMessage> published = mails("<conclusions-published-");
        assertThat(published).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("a.khalil@gov.example", "renee.muller@unige.example", "p.mwangi@iom.example");
        MimeMessage toRenee = to(published, "renee");
        assertThat(toRenee.getSubject()).isEqualTo("Summary conclusions: " + ExpertMeetings.TITLE);
        assertThat(text(toRenee)).contains("Dear Dr Renée Müller,", "approved and published");
        Part pdf = Mailbox.only(toRenee, "application/pdf");
        assertThat(pdf.getFileName()).isEqualTo(code + " Summary conclusions v2.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(pdfText(in.readAllBytes())).contains("Summary conclusions", "Version 2",
                    "responsibility sharing works best when agreed before an emergency");
        }
        HttpResponse<byte[]> download = BrowserSession.signedIn(port, "ravi").download(
                "/meetings/" + code + "/summary-conclusions.pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(pdfText(download.body())).contains("Host States carry most of the burden");
    }

    @Test
    void shouldTakeAParticipantsCommentsThroughTheLinkInTheMailToTheRevision() throws Exception {
        Date deadline = toCommentRound();
        BrowserSession amirasBrowser = BrowserSession.anonymous(port);
        String page = linkOf("a.khalil");

        HttpResponse<String> shown = amirasBrowser.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Dear Amira Khalil,", "Silence means no objection",
                CommentRound.deadlineLabel(deadline.toInstant(), ExpertMeetings.AMMAN),
                "<h2>Burden and responsibility sharing</h2>",
                "<p>Host States carry most of the burden; support must reach them early.</p>",
                "<li>Triggers for a collective response should be agreed in advance.</li>",
                "name=\"paragraph-2\"", "name=\"paragraph-4\"", "name=\"overall\"", "name=\"_csrf\"")
                .doesNotContain("name=\"paragraph-5\"");
        assertThat(comments()).as("opening the page records nothing").isZero();

        HttpResponse<String> sent = amirasBrowser.post(page, Map.of("paragraph-2", "Name the Ministry of Interior as host.",
                "overall", "We support the conclusions.", "paragraph-3", " "));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("your comments were received", "On paragraph 2",
                "Name the Ministry of Interior as host.", "On the draft as a whole");
        assertThat(comments()).isEqualTo(2);
        assertThat(events.of(ConclusionsCommented.class, code).stream()).singleElement().satisfies(e -> {
            assertThat(e.meetingCode()).isEqualTo(code);
            assertThat(e.participant()).isEqualTo("Amira Khalil");
            assertThat(e.onWhat()).isEqualTo("paragraph 2, the whole draft");
            assertThat(e.actor()).isNull();
        });

        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        HttpResponse<String> sideBySide = lena.get("/meetings/" + code + "/conclusions/comments");
        assertThat(sideBySide.statusCode()).isEqualTo(200);
        assertThat(row(sideBySide.body(), "paragraph-2")).contains("Host States carry most of the burden", "Amira Khalil",
                "Name the Ministry of Interior as host.");
        assertThat(row(sideBySide.body(), "paragraph-1")).doesNotContain("Amira Khalil");
        assertThat(sideBySide.body()).contains("1 of 3 commented: Amira Khalil", "We support the conclusions.");
        assertThat(BrowserSession.signedIn(port, "ravi").get("/meetings/" + code + "/conclusions/comments").statusCode())
                .as("reviewers read no participant's comments").isEqualTo(403);

        fireDeadline(deadline);
        assertThat(driverVariable(TASK_REVISE_SUMMARY_CONCLUSIONS, PARTICIPANT_COMMENTS)).isEqualTo(
                "**Amira Khalil** on paragraph 2 (“Host States carry most of the burden; support must reach…”): "
                        + "Name the Ministry of Interior as host.\n\n**Amira Khalil**: We support the conclusions.");
        String revised = DRAFT.replace("Host States carry", "Host States, such as Jordan's Ministry of Interior, carry");
        driver.complete(instance, TASK_REVISE_SUMMARY_CONCLUSIONS, "lena", Map.of(DocumentVariables.DRAFT_TEXT, revised));
        driver.complete(instance, TASK_APPROVE_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        driver.runAsyncJobs(instance);
        mailbox.deliver(code);

        assertThat(instance).isEnded();
        assertThat(documents.versions(code, DocumentKind.SUMMARY_CONCLUSIONS, "")).extracting(Documents.Version::body)
                .containsExactly(DRAFT, revised);
        try (InputStream in = Mailbox.only(to(mails("<conclusions-published-"), "a.khalil"), "application/pdf")
                .getInputStream()) {
            assertThat(pdfText(in.readAllBytes())).contains("Jordan's Ministry of Interior");
        }
    }

    @Test
    void shouldRefuseAForgedLinkAReusedLinkAndAnEmptyOrUnknownCommentStoringNothing() {
        toCommentRound();
        String page = linkOf("p.mwangi");
        String token = page.substring(CommentRoundLinks.PATH.length());
        BrowserSession browser = BrowserSession.anonymous(port);

        // one character changed: the signature no longer matches
        String forged = CommentRoundLinks.PATH + token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A')
                + token.substring(11);
        assertThat(browser.get(forged)).satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).contains("This link is not valid"));
        browser.get(page);
        HttpResponse<String> forgedPost = browser.post(forged, Map.of("overall", "Forged."));
        assertThat(forgedPost.statusCode()).isEqualTo(400);
        assertThat(forgedPost.body()).contains("This link is not valid", "Nothing was recorded");
        // a well-signed link of another kind (an invitation's reply) is no comment link
        String other = CommentRoundLinks.PATH + links.issue("invitation-reply", code, String.valueOf(peter),
                Instant.now().plusSeconds(3600));
        assertThat(browser.get(other).statusCode()).isEqualTo(400);

        browser.get(page);
        HttpResponse<String> empty = browser.post(page, Map.of("overall", "  ", "paragraph-1", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("No comment to send", "silence means no objection");
        browser.get(page);
        HttpResponse<String> unknown = browser.post(page, Map.of("paragraph-9", "On a paragraph the draft lacks."));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("The draft has no paragraph 9");
        browser.get(page);
        HttpResponse<String> tooLong = browser.post(page, Map.of("paragraph-1", "x".repeat(5001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("paragraph 1 has 5001 characters");
        assertThat(comments()).isZero();

        // the link still works after the refusals, once: the form sent again (its page kept open) is refused
        String form = browser.get(page).body();
        assertThat(browser.post(page, Map.of("paragraph-1", "Agreed.")).statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.post(page, Map.of("paragraph-1", "Agreed, twice.", "overall", "More.",
                "_csrf", BrowserSession.csrfToken(form).orElseThrow()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Your comments were already received", "nothing was recorded again");
        assertThat(comments()).isEqualTo(1);
        assertThat(events.of(ConclusionsCommented.class, code).stream()).as("announced once, for what was stored")
                .extracting(ConclusionsCommented::onWhat).containsExactly("paragraph 1");
        HttpResponse<String> reopened = browser.get(page);
        assertThat(reopened.statusCode()).as("opened again, it shows what was received").isEqualTo(200);
        assertThat(reopened.body()).contains("Agreed.", "Comments are open until").doesNotContain("Agreed, twice.");
    }

    @Test
    void shouldRefuseACommentAfterTheDeadlineStoringNothing() {
        Date deadline = toCommentRound();
        String page = linkOf("renee");
        BrowserSession browser = BrowserSession.anonymous(port);
        browser.get(page);

        ClockUtil.setCurrentTime(deadline);
        HttpResponse<String> late = browser.post(page, Map.of("overall", "Late, but please consider."));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("The comment round has closed",
                CommentRound.deadlineLabel(deadline.toInstant(), ExpertMeetings.AMMAN), "nothing was recorded");
        assertThat(browser.get(page).statusCode()).isEqualTo(410);
        assertThat(comments()).isZero();
    }

    /**
     * A venue in Brussels: opened on Saturday 20 March 2027 (CET, UTC+1), the round ends at midnight at the
     * end of Saturday 3 April (CEST, UTC+2 since 28 March): 22:00 UTC, not 14 × 24 hours later (10:00
     * UTC). A comment a second before is taken; one at the deadline is not.
     */
    @Test
    void shouldEndTheRoundAtTheEndOfTheVenuesDayAcrossADaylightSavingChange() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        register(brussels);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-20T10:00:00Z")));

        Date deadline = toCommentRound();

        assertThat(deadline.toInstant()).isEqualTo(Instant.parse("2027-04-03T22:00:00Z"));
        assertThat(driver.timer(instance, TIMER_EVENT_COMMENT_DEADLINE_PASSED).getDuedate()).isEqualTo(deadline);
        assertThat(text(to(mails("<conclusions-comments-"), "renee")))
                .contains("Comments are open until the end of Saturday 3 April 2027 (midnight, Europe/Brussels time; 22:00 UTC).");
        assertThat(CommentRound.deadline(Instant.parse("2026-10-20T08:00:00Z"), brussels))
                .as("autumn: the clocks go back on 25 October").isEqualTo(Instant.parse("2026-11-03T23:00:00Z"));

        BrowserSession renees = BrowserSession.anonymous(port);
        BrowserSession peters = BrowserSession.anonymous(port);
        String reneesPage = linkOf("renee");
        String petersPage = linkOf("p.mwangi");
        renees.get(reneesPage);
        peters.get(petersPage);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-04-03T21:59:59Z")));
        assertThat(renees.post(reneesPage, Map.of("overall", "Just in time.")).statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(deadline);
        assertThat(peters.post(petersPage, Map.of("overall", "Too late.")).statusCode()).isEqualTo(410);
        assertThat(comments()).isEqualTo(1);
    }

    @Test
    void shouldStartTheDraftFromTheValidatedFindingsByWorkingGroupAndQuestion() {
        reports.save(code, "WG1", draft(3, "Linking refugee aid to development brought solutions."), "lena");
        reports.submit(code, "WG1", "lena", null);
        reports.validate(code, "WG1");
        reports.save(code, "WG3", draft(5, "A finding still being drafted."), "omar");

        instance = driver.start(SummaryConclusionsProcess.ID, code, phase);

        String text = (String) driverVariable(TASK_DRAFT_SUMMARY_CONCLUSIONS, DocumentVariables.DRAFT_TEXT);
        assertThat(text).startsWith("The " + ExpertMeetings.TITLE + " met in Amman, Jordan on ")
                .containsSubsequence("## Working Group 1", "### Question 3: ",
                        "- Linking refugee aid to development brought solutions. (WG1-F1)")
                .doesNotContain("still being drafted");
    }

    private static ReportDraft draft(int question, String finding) {
        return new ReportDraft(null, List.of(), List.of(new ReportDraft.FindingDraft(null, question, finding, List.of(), false)));
    }

    /** A meeting in this venue's time zone; three of four invitees accept. */
    private void register(ZoneId venue) {
        code = TestMeetings.newCode("CR");
        Map<String, Object> proposal = new HashMap<>(ExpertMeetings.proposal(ExpertMeetings.firstDay()));
        proposal.put(ExpertMeetingProcess.MEETING_TIME_ZONE, venue.getId());
        ProcessInstance meeting = runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, proposal);
        phase = ExpertMeetings.phaseVariables(runtimeService, meeting);
        amira = Invitees.amira(participants, code);
        renee = Invitees.renee(participants, code);
        peter = Invitees.peter(participants, code);
        long daniel = Invitees.daniel(participants, code);
        for (long participant : List.of(amira, renee, peter, daniel)) {
            invitations.send(code, participant, "seat-" + participant);
        }
        reply(amira, InvitationReply.ACCEPT);
        reply(renee, InvitationReply.ACCEPT);
        reply(peter, InvitationReply.ACCEPT);
        reply(daniel, InvitationReply.DECLINE);
        mailbox.deliver(code);
    }

    /** Drafted by lena, accepted by the chair (grace), the round opened and its mails delivered; its deadline. */
    private Date toCommentRound() {
        instance = driver.start(SummaryConclusionsProcess.ID, code, phase);
        driver.complete(instance, TASK_DRAFT_SUMMARY_CONCLUSIONS, "lena", Map.of(DocumentVariables.DRAFT_TEXT, DRAFT));
        driver.complete(instance, TASK_REVIEW_SUMMARY_CONCLUSIONS, "grace", decision(APPROVE, null));
        assertThat(instance).isWaitingAt(SERVICE_TASK_OPEN_COMMENT_ROUND);
        driver.runAsyncJobs(instance);
        mailbox.deliver(code);
        return (Date) runtimeService.getVariable(instance.getId(), COMMENT_DEADLINE);
    }

    private void fireDeadline(Date deadline) {
        assertThat(driver.timer(instance, TIMER_EVENT_COMMENT_DEADLINE_PASSED).getDuedate()).isEqualTo(deadline);
        driver.fireTimer(instance, TIMER_EVENT_COMMENT_DEADLINE_PASSED);
        assertThat(instance).isWaitingAt(TASK_REVISE_SUMMARY_CONCLUSIONS);
    }

    private void reply(long participant, InvitationReply reply) {
        driver.startBefore(InvitationProcess.ID, code, Map.of(ProcessVariables.MEETING_CODE, code,
                InvitationProcess.PARTICIPANT_ID, String.valueOf(participant)), InvitationProcess.GATEWAY_AWAIT_REPLY);
        replies.receive(code, participant, reply, ReplyChannel.EMAIL, null, null, "lena");
    }

    /** The path of the comment link in the mail this recipient received. */
    private String linkOf(String recipientStart) {
        Matcher link = Pattern.compile("http://localhost:8080(/links/comments/[A-Za-z0-9_.-]+)")
                .matcher(text(to(mails("<conclusions-comments-"), recipientStart)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<MimeMessage> mails(String messageIdStart) {
        return mailbox.received(code).stream().filter(m -> Mailbox.messageId(m).startsWith(messageIdStart)).toList();
    }

    private static MimeMessage to(List<MimeMessage> mails, String recipientStart) {
        return mails.stream().filter(m -> Mailbox.recipient(m).startsWith(recipientStart)).findFirst().orElseThrow();
    }

    private static String text(MimeMessage mail) {
        try {
            return ((String) Mailbox.only(mail, "text/plain").getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The table row with this id on the staff's page. */
    private static String row(String html, String id) {
        Matcher row = Pattern.compile("<tr id=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("row %s", id).isTrue();
        return row.group(1);
    }

    private Object driverVariable(String activityId, String name) {
        return driver.taskVariable(driver.task(instance, activityId), name);
    }

    private long comments() {
        return jdbc.sql("""
                        select count(*) from cv_participant_comment c join cv_comment_round r on r.id = c.comment_round_id
                        where r.meeting_code = ?""")
                .param(code).query(Long.class).single();
    }
}
