package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.convene.AnnouncedEvents;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.Mailbox;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail page and API: for staff and administrators only (the mails carry signed links), the
 * list and one mail with its links and files, and staff's two decisions about an uncertain delivery.
 */
@ConveneIntegrationTest
class MailPagesTests {

    @LocalServerPort int port;
    @Autowired Outbox outbox;
    @Autowired Mails mails;
    @Autowired Mailbox mailbox;
    @Autowired Meetings meetings;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired AnnouncedEvents events;
    @Autowired TestRestTemplate rest;

    String code;
    String page;

    @BeforeEach
    void registerMeetingWithTwoMails() {
        code = TestMeetings.newCode("MP");
        page = "/meetings/" + code + "/mails";
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
        write(new OutgoingMail("invitation-1", code, new MailAddress("renee.muller@uni.example", "Dr. Renée Müller"),
                "Invitation: Expert meeting", "Dear Dr. Müller,\nI will attend: https://convene.example/links/abc?reply=accept\n",
                "<p>Dear Dr. Müller,</p><p><a href=\"https://convene.example/links/abc?reply=accept\">I will attend</a></p>"
                        + "<script>alert('x')</script>",
                new CalendarPart("REQUEST", MailDeliveryTests.ICS),
                List.of(new Attachment("concept-note.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))));
        write(OutgoingMail.plain("invitation-2", code, new MailAddress("amira@gov.example", "Amira Khalil"),
                "Invitation: Expert meeting", "Dear Ms Khalil,\n"));
    }

    @Test
    void shouldListTheMeetingsMailsForStaffWithStatusAndShowOneWithItsLinksAndFiles() {
        mailbox.deliver(code);
        BrowserSession lena = BrowserSession.signedIn(port, "lena");

        HttpResponse<String> list = lena.get(page);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("2</span> mails", "Dr. Renée Müller &lt;renee.muller@uni.example&gt;",
                "Amira Khalil &lt;amira@gov.example&gt;", "Invitation: Expert meeting", "sent");

        long id = mails.of(code).get(0).id();
        HttpResponse<String> one = lena.get(page + "/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("&lt;invitation-1." + code + "@convene&gt;")
                // the plain text's link is a link; the HTML is in a sandboxed frame, escaped into srcdoc
                .contains("<a href=\"https://convene.example/links/abc?reply=accept\" target=\"_blank\"")
                .contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", "srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;")
                .doesNotContain("<script>alert")
                .contains("invite.ics", "concept-note.pdf");

        HttpResponse<String> pdf = lena.get(page + "/" + id + "/attachments/1");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", "concept-note.pdf");
        assertThat(pdf.body()).isEqualTo("%PDF-1.7");
        HttpResponse<String> ics = lena.get(page + "/" + id + "/invite.ics");
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(ics.body()).isEqualTo(MailDeliveryTests.ICS);
        assertThat(lena.get(page + "/" + id + "/attachments/2").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldOfferStaffToResendOrMarkAsSentAMailWhoseDeliveryIsUncertainAndSendItOnceOnResend() {
        List<StoredMail> written = mails.of(code);
        // a node claimed both and stopped before the mark: the jobs come back and find them sending
        jdbc.sql("update cv_outbox_mail set status = 'SENDING', claimed_by = 'node-1', attempts = 1 where meeting_code = ?")
                .param(code).update();
        mailbox.deliver(code);
        assertThat(mails.of(code)).extracting(StoredMail::status).containsOnly(MailStatus.UNCERTAIN);
        BrowserSession lena = BrowserSession.signedIn(port, "lena");

        assertThat(lena.get(page).body()).contains("2 mails need your decision: delivery uncertain, resend or mark as sent.");
        String first = page + "/" + written.get(0).id();
        assertThat(lena.get(first).body()).contains("Delivery uncertain: resend or mark as sent", "Resend", "Mark as sent");

        HttpResponse<String> resent = lena.post(first + "/resend", Map.of());
        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(lena.follow(resent).body()).contains("Sent again");
        assertThat(mailbox.deliver(code)).isEqualTo(1);
        assertThat(mailbox.received(code)).extracting(Mailbox::messageId).containsExactly(written.get(0).messageId());
        // resent once: a second resend is refused, and nothing more goes out
        lena.get(first);
        assertThat(lena.follow(lena.post(first + "/resend", Map.of())).body()).contains("is sent, not uncertain");
        assertThat(mailbox.deliver(code)).isZero();

        String second = page + "/" + written.get(1).id();
        lena.get(second);
        assertThat(lena.follow(lena.post(second + "/mark-sent", Map.of())).body()).contains("Marked as sent");
        assertThat(mails.of(code)).extracting(StoredMail::status).containsOnly(MailStatus.SENT);
        assertThat(mails.of(code)).allSatisfy(m -> assertThat(m.sentAt()).isNotNull());
        assertThat(lena.get(second).body()).contains("Marked as sent by lena");
        assertThat(mailbox.received(code)).hasSize(1);
        assertThat(jdbc.sql("select action || ':' || acted_by from cv_outbox_mail_action a join cv_outbox_mail m on m.id = a.mail_id "
                + "where m.meeting_code = ? order by a.id").param(code).query(String.class).list())
                .containsExactly("RESENT:lena", "MARKED_SENT:lena");
        assertThat(events.of(MailResent.class, code)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("lena"));
        assertThat(events.of(MailMarkedSent.class, code)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("lena"));
    }

    @Test
    void shouldShowTheMailsToStaffAndAdministratorsOnly() {
        long id = mails.of(code).get(0).id();
        assertThat(BrowserSession.signedIn(port, "lena").get(page).statusCode()).isEqualTo(200);
        assertThat(BrowserSession.signedIn(port, "demo").get(page).statusCode()).isEqualTo(200);
        HttpResponse<String> reviewer = BrowserSession.signedIn(port, "ravi").get(page + "/" + id);
        assertThat(reviewer.statusCode()).isEqualTo(403);
        assertThat(reviewer.body()).contains("open to convener staff and administrators only");
        assertThat(BrowserSession.signedIn(port, "grace").get(page).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = BrowserSession.anonymous(port).get(page);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist");
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/NO-SUCH-MEETING/mails").statusCode()).isEqualTo(404);
        assertThat(BrowserSession.signedIn(port, "lena").get(page + "/999999999").statusCode()).isEqualTo(404);
        // the meeting's page links to its mails for staff
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/" + code).body()).contains("href=\"" + page + "\"");
        assertThat(BrowserSession.signedIn(port, "ravi").get("/meetings/" + code).body()).doesNotContain("href=\"" + page + "\"");
    }

    @Test
    void shouldServeTheMailsAsJsonToStaffOnly() {
        mailbox.deliver(code);
        ResponseEntity<Map<String, Object>> staff = api("lena", code);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) staff.getBody().get("mails");
        assertThat(listed).hasSize(2).first().satisfies(m -> {
            assertThat(m).containsEntry("recipient", "Dr. Renée Müller <renee.muller@uni.example>")
                    .containsEntry("subject", "Invitation: Expert meeting").containsEntry("status", "SENT")
                    .containsEntry("messageId", "<invitation-1." + code + "@convene>");
            assertThat((String) m.get("sentAt")).isNotBlank();
        });
        assertThat(api("ravi", code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api("grace", code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api(null, code).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api("lena", "NO-SUCH-MEETING").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<Map<String, Object>> api(String user, String meetingCode) {
        TestRestTemplate client = user == null ? rest : new RestClients(rest).as(user);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return client.exchange("/api/meetings/" + meetingCode + "/mails", HttpMethod.GET, new HttpEntity<>(headers),
                new ParameterizedTypeReference<>() { });
    }

    private void write(OutgoingMail mail) {
        transaction.executeWithoutResult(status -> outbox.enqueue(mail));
    }
}
