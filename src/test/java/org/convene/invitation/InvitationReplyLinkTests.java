package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.invitation.InvitationReplyLink.NOTE_FIELD;
import static org.convene.invitation.InvitationReplyLink.REPLY_FIELD;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.identity.SignedLinks;
import org.convene.meeting.ParticipantCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invitee's reply through the signed links of the invitation mail, over HTTP as a browser
 * sends it (anonymous session, CSRF token from the page), against an InvitationProcess waiting
 * for the reply (no staff task).
 */
@ConveneIntegrationTest
class InvitationReplyLinkTests {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired AnnouncedEvents events;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired Participants participants;
    @Autowired InvitationReplies invitationReplies;
    @Autowired SignedLinks links;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    String code;
    long amira;
    ProcessInstance invitation;
    String link;
    Browser browser;

    @BeforeEach
    void inviteAmiraAndWaitForHerReply() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("LNK");
        Map<String, Object> variables = new HashMap<>(driver.registerMeeting(code));
        amira = Invitees.amira(participants, code);
        variables.put(InvitationProcess.PARTICIPANT_ID, String.valueOf(amira));
        invitation = driver.start(InvitationProcess.ID, code, variables);
        driver.runAsyncJobs(invitation);
        assertThat(invitation).isWaitingAt(InvitationProcess.GATEWAY_AWAIT_REPLY);
        link = acceptLinkOfTheMail();
        browser = new Browser();
    }

    @Test
    void shouldPutTheSignedLinksIntoTheInvitationMail() {
        String body = jdbc.sql("select body from cv_outbox_mail where meeting_code = ?").param(code)
                .query(String.class).single();
        assertThat(body).contains("Dear Amira Khalil", link + "?reply=accept", link + "?reply=decline")
                .contains("(Asia/Amman time)");
        assertThat(link).startsWith("http://localhost:8080/links/");
        assertThat(links.verify(token()).claims()).satisfies(claims -> {
            assertThat(claims.action()).isEqualTo(InvitationReplyLink.ACTION);
            assertThat(claims.meetingCode()).isEqualTo(code);
            assertThat(claims.subjectId()).isEqualTo(String.valueOf(amira));
        });
    }

    @Test
    void shouldShowTheInvitationToAnAnonymousVisitorAndChangeNothing() throws Exception {
        Page page = browser.get(path() + "?reply=accept");
        browser.get(path()); // a mail scanner's prefetch, or a second look

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(ExpertMeetings.TITLE, ExpertMeetings.PLACE, "Amira Khalil",
                "Ministry of Interior", "I will attend", "I cannot attend", "name=\"_csrf\"");
        assertThat(page.body()).containsPattern("value=\"accept\"\\s+checked");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertNothingChanged();
    }

    @Test
    void shouldRecordAnAcceptanceAndLetTheProcessPassToInvitationAccepted() throws Exception {
        browser.get(path());

        Page done = browser.post(path(), Map.of(REPLY_FIELD, "accept", NOTE_FIELD, "Arriving the evening before <b>late</b>.",
                InvitationReplyLink.VISA_LETTER_FIELD, "on", InvitationReplyLink.DIETARY_FIELD, "Vegetarian"));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("we look forward to seeing you", ExpertMeetings.TITLE);
        assertThat(invitation).isEnded().hasPassedInOrder(InvitationProcess.MESSAGE_EVENT_REPLY_RECEIVED,
                InvitationProcess.GATEWAY_INVITATION_ACCEPTED, InvitationProcess.END_EVENT_SEAT_CONFIRMED)
                .hasNotPassed(InvitationProcess.TASK_INVITE_REPLACEMENT);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(invitation.getId())
                .variableName(InvitationProcess.INVITATION_ACCEPTED).singleResult().getValue()).isEqualTo(true);
        assertThat(status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(jdbc.sql("select subject_id, meeting_code from cv_signed_link_use where token_id = ?")
                .param(links.verify(token()).claims().tokenId()).query().singleRow())
                .containsEntry("subject_id", String.valueOf(amira)).containsEntry("meeting_code", code);
        assertThat(replies()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("reply", "accept").containsEntry("channel", "link")
                    .containsEntry("note", "Arriving the evening before <b>late</b>.")
                    .containsEntry("visa_letter", true).containsEntry("travel_support", false)
                    .containsEntry("dietary", "Vegetarian").containsEntry("accessibility", null);
            assertThat(row.get("recorded_by")).as("no user: the invitee, as the audit trail shows it").isNull();
        });
        assertThat(events.of(InvitationAccepted.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationAccepted(code, amira,
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.LINK,
                        "Arriving the evening before <b>late</b>.", null, null));

        Page again = browser.post(path(), Map.of(REPLY_FIELD, "decline"));
        Page opened = browser.get(path());

        assertThat(again.status()).as("a second submit records nothing and says what was").isEqualTo(200);
        assertThat(again.body()).contains("Your reply is already recorded", "that you will attend", "visa letter",
                "Nothing was changed by this visit").doesNotContain("<form");
        assertThat(opened.status()).as("the used link, opened again").isEqualTo(200);
        assertThat(opened.body()).contains("Your reply is already recorded", "We recorded on ", "(Asia/Amman time)",
                "your answer through this link").doesNotContain("<form");
        assertThat(status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(replies()).hasSize(1);
        assertThat(events.of(InvitationAccepted.class, code)).as("the refused second answer announces nothing").hasSize(1);
        assertThat(events.of(InvitationDeclined.class, code)).isEmpty();
    }

    @Test
    void shouldRecordADeclineAndAskStaffForAReplacement() throws Exception {
        browser.get(path() + "?reply=decline");

        Page done = browser.post(path(), Map.of(REPLY_FIELD, "decline", NOTE_FIELD, ""));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("We have recorded that you cannot attend");
        assertThat(invitation).isWaitingAt(InvitationProcess.TASK_INVITE_REPLACEMENT)
                .hasPassed(InvitationProcess.MESSAGE_EVENT_REPLY_RECEIVED);
        assertThat(status()).isEqualTo(InvitationStatus.DECLINED);
        assertThat(replies()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reply", "decline").containsEntry("channel", "link").containsEntry("note", null));
        assertThat(events.of(InvitationDeclined.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationDeclined(code, amira,
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.LINK, null, null, null));
    }

    @Test
    void shouldRefuseATamperedTokenWith400AndChangeNothing() throws Exception {
        browser.get(path());
        String token = token();
        int middle = token.length() / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        Page opened = browser.get("/links/" + tampered);
        Page posted = browser.post("/links/" + tampered, Map.of(REPLY_FIELD, "accept"));

        assertThat(opened.status()).isEqualTo(400);
        assertThat(opened.body()).contains("This link is not valid").doesNotContain("Amira", "<form");
        assertThat(posted.status()).isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void shouldRefuseAnExpiredTokenWith410AndChangeNothing() throws Exception {
        browser.get(path());
        String expired = "/links/" + links.issue(InvitationReplyLink.ACTION, code, String.valueOf(amira),
                Instant.now().minusSeconds(60));

        Page opened = browser.get(expired);
        Page posted = browser.post(expired, Map.of(REPLY_FIELD, "accept"));

        assertThat(opened.status()).isEqualTo(410);
        assertThat(opened.body()).contains("This link has expired");
        assertThat(posted.status()).isEqualTo(410);
        assertNothingChanged();
    }

    @Test
    void shouldRefuseALinkForAnotherActionOrForNoInvitation() throws Exception {
        browser.get(path());
        long reserve = Invitees.grace(participants, code);
        String otherAction = links.issue("draft-comment", code, String.valueOf(amira), Duration.ofDays(1));
        Map<String, String> noInvitation = new LinkedHashMap<>();
        noInvitation.put("unknown participant", links.issue(InvitationReplyLink.ACTION, code, "999999999", Duration.ofDays(1)));
        noInvitation.put("not invited (reserve)", links.issue(InvitationReplyLink.ACTION, code, String.valueOf(reserve),
                Duration.ofDays(1)));
        noInvitation.put("another meeting", links.issue(InvitationReplyLink.ACTION, code + "-X", String.valueOf(amira),
                Duration.ofDays(1)));
        noInvitation.put("not a participant id", links.issue(InvitationReplyLink.ACTION, code, "amira", Duration.ofDays(1)));

        assertThat(browser.get("/links/" + otherAction)).satisfies(page -> {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("This link leads nowhere");
        });
        assertThat(browser.post("/links/" + otherAction, Map.of(REPLY_FIELD, "accept")).status()).isEqualTo(404);
        for (Map.Entry<String, String> token : noInvitation.entrySet()) {
            Page opened = browser.get("/links/" + token.getValue());
            assertThat(opened.status()).as(token.getKey()).isEqualTo(404);
            assertThat(opened.body()).as(token.getKey()).contains("No invitation for this link");
            assertThat(browser.post("/links/" + token.getValue(), Map.of(REPLY_FIELD, "accept")).status())
                    .as(token.getKey()).isEqualTo(404);
            assertThat(links.verify(token.getValue()).isValid()).as("still unused: " + token.getKey()).isTrue();
        }
        assertThat(links.verify(otherAction).isValid()).isTrue();
        assertNothingChanged();
    }

    @Test
    void shouldShowWhatStaffRecordedWhenTheInviteeOpensTheLinkAfterwards() throws Exception {
        browser.get(path());
        invitationReplies.receive(code, amira, InvitationReply.DECLINE, ReplyChannel.PHONE, null, null, "lena");

        Page opened = browser.get(path());
        Page posted = browser.post(path(), Map.of(REPLY_FIELD, "accept"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("Your reply is already recorded", "that you cannot attend",
                "as the secretariat received it by phone").doesNotContain("<form");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("Your reply is already recorded");
        assertThat(links.verify(token()).isValid()).as("the token stays unused").isTrue();
        assertThat(status()).isEqualTo(InvitationStatus.DECLINED);
        assertThat(replies()).extracting(row -> row.get("channel")).containsExactly("phone");
        assertThat(invitation).isWaitingAt(InvitationProcess.TASK_INVITE_REPLACEMENT);
    }

    @Test
    void shouldRecordAReplyAfterTheDeadlineAsLateAndKeepTheSeatWhileStaffDecide() throws Exception {
        browser.get(path());
        driver.fireTimer(invitation, InvitationProcess.TIMER_EVENT_REPLY_DEADLINE_PASSED);
        assertThat(invitation).isWaitingAt(InvitationProcess.TASK_INVITE_REPLACEMENT);

        Page opened = browser.get(path());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("The deadline has passed", "I will attend");
        Page posted = browser.post(path(), Map.of(REPLY_FIELD, "accept"));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("we look forward to seeing you");
        assertThat(status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(invitation).isEnded().hasPassed(InvitationProcess.BOUNDARY_EVENT_ACCEPTANCE_RECEIVED,
                InvitationProcess.END_EVENT_SEAT_KEPT);
        assertThat(jdbc.sql("""
                select r.late from cv_invitation_reply r join cv_invitation i on i.id = r.invitation_id
                where i.meeting_code = ? and i.participant_id = ?""").params(code, amira).query(Boolean.class).single())
                .as("replied late").isTrue();
        assertThat(events.of(InvitationRepliedLate.class, code)).singleElement()
                .extracting(InvitationRepliedLate::seatKept, InvitationRepliedLate::actor).containsExactly(true, null);
    }

    @Test
    void shouldRefuseAnAnswerWithoutAChoiceOrWithAnOverlongNoteAndKeepTheLinkUsable() throws Exception {
        browser.get(path());

        Page noChoice = browser.post(path(), Map.of(NOTE_FIELD, "Which dates?"));
        Page unknownChoice = browser.post(path(), Map.of(REPLY_FIELD, "maybe"));
        Page longNote = browser.post(path(), Map.of(REPLY_FIELD, "accept", NOTE_FIELD, "x".repeat(2001)));

        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body()).contains("Please choose your answer");
        assertThat(unknownChoice.status()).isEqualTo(400);
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.body()).contains("up to 2000 characters");
        assertNothingChanged();
        assertThat(browser.post(path(), Map.of(REPLY_FIELD, "accept", NOTE_FIELD, "y".repeat(2000))).status()).isEqualTo(200);
        assertThat(invitation).isEnded();
    }

    @Test
    void shouldRefuseAPostWithoutTheFormsCsrfToken() throws Exception {
        Page forged = new Browser().post(path(), Map.of(REPLY_FIELD, "decline"));
        browser.get(path());
        Page wrongToken = browser.post(path(), Map.of(REPLY_FIELD, "decline", "_csrf", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("This form has expired");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(invitation).isWaitingAt(InvitationProcess.GATEWAY_AWAIT_REPLY);
        assertThat(status()).isEqualTo(InvitationStatus.SENT);
        assertThat(replies()).isEmpty();
        assertThat(links.verify(token()).isValid()).as("the invitation's link is still unused").isTrue();
    }

    private String acceptLinkOfTheMail() {
        String body = jdbc.sql("select body from cv_outbox_mail where meeting_code = ?").param(code)
                .query(String.class).single();
        Matcher accept = Pattern.compile("(\\S+/links/[A-Za-z0-9_.-]+)\\?reply=accept").matcher(body);
        assertThat(accept.find()).as("the accept link in:\n" + body).isTrue();
        return accept.group(1);
    }

    private String token() {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String path() {
        return "/links/" + token();
    }

    private InvitationStatus status() {
        return participants.get(amira).invitationStatus();
    }

    private List<Map<String, Object>> replies() {
        return jdbc.sql("""
                select r.reply, r.channel, r.note, r.recorded_by, r.travel_support, r.visa_letter, r.dietary,
                       r.accessibility from cv_invitation_reply r
                join cv_invitation i on i.id = r.invitation_id where i.meeting_code = ? and i.participant_id = ?
                order by r.id""")
                .params(code, amira).query().listOfRows();
    }

    record Page(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** An anonymous browser: keeps its session cookie, and posts forms with the CSRF token of the last form it saw. */
    class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrf;

        Page get(String path) throws IOException, InterruptedException {
            Page page = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
            Matcher token = CSRF.matcher(page.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        }

        Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>(fields);
            if (csrf != null) {
                form.putIfAbsent("_csrf", csrf);
            }
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        }
    }
}
