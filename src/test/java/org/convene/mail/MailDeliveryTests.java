package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.Mailbox;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingSchedules;
import org.convene.meeting.Meetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery over SMTP, to the embedded GreenMail of the test context: headers as RFC 2047 wants
 * them, the MIME structure calendar programs read, each mail once per Message-ID when the server
 * fails and recovers (retries, the incident, a manager's retry), and a mail left half-sent by a
 * stopped node shown as uncertain and never resent by itself.
 */
@ConveneIntegrationTest
class MailDeliveryTests {

    static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//test//EN\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nUID:test@convene\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270208T060000Z\r\n"
            + "SUMMARY:Expert meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Autowired Outbox outbox;
    @Autowired Mails mails;
    @Autowired Mailbox mailbox;
    @Autowired Meetings meetings;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired AnnouncedEvents events;
    @Autowired TestRestTemplate rest;
    @Autowired MeetingSchedules schedules;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("ML");
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldEncodeNonAsciiNamesAndSubjectAsRfc2047AndQuoteANameWithAComma() throws Exception {
        write(OutgoingMail.plain("renee", code, new MailAddress("renee.muller@uni.example", "Dr. Renée Müller"),
                "Invitation: réunion d'experts 🌍", "Dear Dr. Müller,\n"));
        write(OutgoingMail.plain("amal", code, new MailAddress("amal@gov.example", "د. أمل الحسيني"),
                "دعوة: اجتماع الخبراء", "عزيزتي الدكتورة أمل\n"));
        write(OutgoingMail.plain("muller-comma", code, new MailAddress("r.muller@ngo.example", "Müller, Renée"),
                "Invitation", "Dear Ms Müller,\n"));
        write(OutgoingMail.plain("okafor-comma", code, new MailAddress("c.okafor@io.example", "Okafor, Chidi"),
                "Invitation", "Dear Mr Okafor,\n"));

        assertThat(mailbox.deliver(code)).isEqualTo(4);

        Map<String, MimeMessage> received = byMessageId(mailbox.received(code));
        assertThat(received).hasSize(4);
        MimeMessage renee = received.get(Outbox.messageId("renee", code));
        assertThat(renee.getHeader("To", null)).startsWith("=?UTF-8?").contains("<renee.muller@uni.example>");
        assertThat(((InternetAddress) renee.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Dr. Renée Müller");
        assertThat(renee.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(renee.getSubject()).isEqualTo("Invitation: réunion d'experts 🌍");
        assertThat(renee.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(renee.getContent().toString().strip()).isEqualTo("Dear Dr. Müller,");
        assertThat(((InternetAddress) renee.getFrom()[0]).getAddress()).isEqualTo("secretariat@convene.example");

        MimeMessage amal = received.get(Outbox.messageId("amal", code));
        assertThat(amal.getHeader("To", null)).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) amal.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("د. أمل الحسيني");
        assertThat(amal.getSubject()).isEqualTo("دعوة: اجتماع الخبراء");

        // one recipient each, not two split at the comma
        MimeMessage mullerComma = received.get(Outbox.messageId("muller-comma", code));
        assertThat(mullerComma.getRecipients(MimeMessage.RecipientType.TO)).hasSize(1);
        assertThat(((InternetAddress) mullerComma.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Müller, Renée");
        MimeMessage okafor = received.get(Outbox.messageId("okafor-comma", code));
        assertThat(okafor.getHeader("To", null)).isEqualTo("\"Okafor, Chidi\" <c.okafor@io.example>");
        assertThat(okafor.getRecipients(MimeMessage.RecipientType.TO)).hasSize(1);

        assertThat(mails.of(code)).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(MailStatus.SENT);
            assertThat(m.sentAt()).isNotNull();
            assertThat(m.attempts()).isEqualTo(1);
        });
        assertThat(events.of(MailSent.class, code)).hasSize(4);
        assertThat(mailbox.deliveryJobs(code)).isEmpty();
    }

    @Test
    void shouldSendTextHtmlAndCalendarAsAlternativesWithTheAttachmentsAndInviteIcs() throws Exception {
        byte[] pdf = "%PDF-1.7 concept note".getBytes(StandardCharsets.US_ASCII);
        write(new OutgoingMail("invitation-1", code, new MailAddress("renee.muller@uni.example", "Dr. Renée Müller"),
                "Invitation", "Dear Dr. Müller,\nhttps://convene.example/links/abc?reply=accept\n",
                "<html><body><p>Dear Dr. Müller,</p><a href=\"https://convene.example/links/abc?reply=accept\">I will attend</a></body></html>",
                new CalendarPart("REQUEST", ICS), List.of(new Attachment("concept-note.pdf", "application/pdf", pdf))));

        mailbox.deliver(code);

        MimeMessage message = mailbox.received(code).get(0);
        assertThat(message.getMessageID()).isEqualTo(Outbox.messageId("invitation-1", code));
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(types(alternative)).satisfiesExactly(
                t -> assertThat(t).startsWith("text/plain").contains("UTF-8"),
                t -> assertThat(t).startsWith("text/html").contains("UTF-8"),
                t -> assertThat(t).startsWith("text/calendar").contains("method=REQUEST").containsIgnoringCase("charset=UTF-8"));
        assertThat(alternative.getBodyPart(1).getContent().toString()).contains("I will attend");
        assertThat(new String(alternative.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(ICS);

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("concept-note.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
        BodyPart invite = mixed.getBodyPart(2);
        assertThat(invite.getFileName()).isEqualTo("invite.ics");
        assertThat(new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ICS);
    }

    @Test
    void shouldWriteAMailOnceUnderItsKey() {
        OutgoingMail mail = OutgoingMail.plain("reminder-1-1", code, new MailAddress("a@example.org", null), "Reminder", "Text");

        assertThat(write(mail)).isTrue();
        assertThat(write(mail)).isFalse();

        assertThat(mails.of(code)).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("<reminder-1-1." + code + "@convene>");
            assertThat(m.status()).isEqualTo(MailStatus.PENDING);
        });
        assertThat(mailbox.deliveryJobs(code)).hasSize(1);
    }

    @Test
    void shouldWriteNothingWhenTheWritersTransactionRollsBack() {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(OutgoingMail.plain("rolled-back", code, new MailAddress("a@example.org", null), "S", "T"));
            status.setRollbackOnly();
        });

        assertThat(mails.of(code)).isEmpty();
        assertThat(mailbox.deliveryJobs(code)).isEmpty();
    }

    @Test
    void shouldDeliverEachMailExactlyOnceWhenTheServerIsDownAndComesBackAfterAManagersRetry() throws Exception {
        for (int i = 1; i <= 3; i++) {
            write(OutgoingMail.plain("invitation-" + i, code, new MailAddress("p" + i + "@example.org", "Person " + i),
                    "Invitation", "Dear person " + i));
        }
        // the first goes out; then the server is down for the others
        Job first = mailbox.deliveryJobs(code).get(0);
        managementService.executeJob(first.getId());
        List<Integer> retriesSeen = new ArrayList<>();
        // GreenMail forgets what it received when it stops: count those first
        List<MimeMessage> received = new ArrayList<>(mailbox.received(code));
        assertThat(received).hasSize(1);
        mailbox.server().stop();
        try {
            for (List<Job> due = withRetries(); !due.isEmpty(); due = withRetries()) {
                for (Job job : due) {
                    retriesSeen.add(job.getRetries());
                    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                            .isInstanceOf(MailSendException.class);
                    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
                    if (after.getRetries() > 0) {
                        assertThat(after.getDuedate()).as("the next attempt waits").isInTheFuture();
                    }
                }
            }
        } finally {
            mailbox.server().start();
        }

        // each failure counted down the back-off cycle (PT1M,PT5M,PT30M,PT2H,PT6H), down to an incident per mail
        assertThat(retriesSeen).as("retries before each failed attempt").containsExactly(6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
        assertThat(mailbox.deliveryJobs(code)).hasSize(2).allSatisfy(job -> {
            assertThat(job.getRetries()).isZero();
            assertThat(job.getExceptionMessage()).isNotBlank();
        });
        assertThat(runtimeService.createIncidentQuery().processInstanceId(mailbox.deliveryJobs(code).get(0).getProcessInstanceId())
                .count()).isEqualTo(1);
        assertThat(mails.of(code)).extracting(StoredMail::status)
                .containsExactly(MailStatus.SENT, MailStatus.FAILED, MailStatus.FAILED);
        assertThat(mails.of(code).get(1).lastError()).isNotBlank();
        assertThat(events.of(MailDeliveryFailed.class, code)).hasSize(2);

        // staff may not retry; a manager does, as in Cockpit
        Job failed = mailbox.deliveryJobs(code).get(0);
        assertThat(setRetries("lena", failed.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(setRetries("ravi", failed.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (Job job : mailbox.deliveryJobs(code)) {
            assertThat(setRetries("grace", job.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(mailbox.deliver(code)).isEqualTo(2);

        received.addAll(mailbox.received(code));
        Map<String, Long> perMessageId = received.stream()
                .collect(Collectors.groupingBy(Mailbox::messageId, Collectors.counting()));
        assertThat(perMessageId).containsOnly(Map.entry(Outbox.messageId("invitation-1", code), 1L),
                Map.entry(Outbox.messageId("invitation-2", code), 1L), Map.entry(Outbox.messageId("invitation-3", code), 1L));
        assertThat(mails.of(code)).extracting(StoredMail::status).containsOnly(MailStatus.SENT);
        assertThat(mailbox.deliveryJobs(code)).isEmpty();
    }

    @Test
    void shouldMarkAMailLeftSendingByAStoppedNodeAsUncertainAndNotSendIt() {
        write(OutgoingMail.plain("invitation-1", code, new MailAddress("a@example.org", "Amira Khalil"), "Invitation", "Text"));
        long id = mails.of(code).get(0).id();
        // a node claimed it and stopped before the mark: the job comes back to another node
        jdbc.sql("update cv_outbox_mail set status = 'SENDING', claimed_by = 'node-1', attempts = 1 where id = ?")
                .param(id).update();

        mailbox.deliver(code);

        assertThat(mailbox.received(code)).isEmpty();
        assertThat(mails.of(code)).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.UNCERTAIN));
        assertThat(events.of(MailDeliveryUncertain.class, code)).singleElement()
                .satisfies(e -> assertThat(e.recipient()).isEqualTo("Amira Khalil <a@example.org>"));
        assertThat(mailbox.deliveryJobs(code)).isEmpty();
    }

    @Test
    void shouldStillDeliverTheMailsWrittenWithTheCancellationOfTheMeeting() {
        write(OutgoingMail.plain("invitation-1", code, new MailAddress("a@example.org", null), "Invitation", "Text"));
        // the cancellation ends the meeting's lifecycle processes in its change, not the mail deliveries
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(OutgoingMail.plain("cancellation-1", code, new MailAddress("a@example.org", null),
                    "Cancelled", "The meeting is cancelled"));
            schedules.cancel(code, "The venue is not available", "lena");
        });

        assertThat(mailbox.deliveryJobs(code)).hasSize(2);
        assertThat(mailbox.deliver(code)).isEqualTo(2);
        assertThat(mailbox.received(code)).extracting(Mailbox::messageId).containsExactlyInAnyOrder(
                Outbox.messageId("invitation-1", code), Outbox.messageId("cancellation-1", code));
    }

    private List<Job> withRetries() {
        return mailbox.deliveryJobs(code).stream().filter(job -> job.getRetries() > 0).toList();
    }

    private org.springframework.http.ResponseEntity<String> setRetries(String user, String jobId) {
        return new RestClients(rest).as(user).exchange("/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
                RestClients.json(Map.of("retries", 1)), String.class);
    }

    private boolean write(OutgoingMail mail) {
        return Boolean.TRUE.equals(transaction.execute(status -> outbox.enqueue(mail)));
    }

    private static Map<String, MimeMessage> byMessageId(List<MimeMessage> messages) {
        return messages.stream().collect(Collectors.toMap(Mailbox::messageId, Function.identity()));
    }

    private static List<String> types(Multipart multipart) throws Exception {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            types.add(multipart.getBodyPart(i).getContentType());
        }
        return types;
    }
}
