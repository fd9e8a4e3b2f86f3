package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.MeetingSchedules;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invitation mail with its calendar entry, and the updates and cancellations that follow the
 * meeting's changes: as written to the outbox, and as the invitee's mail server receives them (GreenMail,
 * over SMTP), the calendar entry parsed back with iCal4j.
 */
@ConveneIntegrationTest
class InvitationCalendarMailsTests {

    static final String ARABIC_NAME = "ليلى عبد الرحمن الحسيني";

    @Autowired ProcessDriver driver;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies replies;
    @Autowired MeetingSchedules schedules;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;
    @LocalServerPort int port;

    String code;
    LocalDate firstDay;
    long renee;
    long layla;
    long daniel;

    record Written(String messageId, String recipient, String recipientName, String subject, String text, String html,
                   String method, String ics) {
    }

    /** A received mail's parts: content type → text (the types' parameters kept). */
    record Parts(List<String> types, Map<String, String> texts) {

        String text(String typePrefix) {
            return texts.entrySet().stream().filter(e -> e.getKey().startsWith(typePrefix)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + typePrefix + " part in " + types));
        }
    }

    @BeforeEach
    void inviteThree() {
        code = TestMeetings.newCode("ICS");
        firstDay = ExpertMeetings.firstDay();
        driver.registerMeeting(code);
        renee = Invitees.renee(participants, code);
        layla = participants.add(code, new Participants.NewParticipant("H.E.", ARABIC_NAME, "وزارة التخطيط",
                ParticipantCategory.GOV.name(), "l.husseini@mop.example", "Jordan", "Arabic", null, false));
        daniel = Invitees.daniel(participants, code);
        for (long participant : List.of(renee, layla, daniel)) {
            invitations.send(code, participant, "seat-" + participant);
        }
    }

    @Test
    void shouldWriteTheInvitationAsTextHtmlAndARequestAtNineInAmman() throws Exception {
        Written mail = mailTo("renee.muller@unige.example").get(0);

        assertThat(mail.recipientName()).isEqualTo("Dr Renée Müller");
        assertThat(mail.subject()).isEqualTo("Invitation: " + ExpertMeetings.TITLE);
        assertThat(mail.text()).contains("Dear Dr Renée Müller,", "I will attend:\nhttp://localhost:8080/links/",
                "?reply=accept", "?reply=decline", "(Asia/Amman time)", "The concept note and the agenda:\n",
                ExpertMeetings.PLACE, "09:00 to 17:00");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("Dear Dr Renée Müller,", "?reply=accept\"",
                ">I will attend</a>", ">I cannot attend</a>", ">The concept note and the agenda</a>");
        assertThat(mail.method()).isEqualTo("REQUEST");
        VEvent event = event(mail.ics());
        assertThat(parse(mail.ics()).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("invitation-" + renee + "." + code + "@convene");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Asia/Amman");
        assertThat(Instant.from(start.getDate())).isEqualTo(firstDay.atTime(6, 0).toInstant(ZoneOffset.UTC));
        assertThat(Instant.from(event.getEndDate().orElseThrow().getDate()))
                .isEqualTo(firstDay.plusDays(1).atTime(14, 0).toInstant(ZoneOffset.UTC));
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:secretariat@convene.example");
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:renee.muller@unige.example");
        assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Dr Renée Müller");
        assertThat(attendee.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
    }

    @Test
    void shouldEscapeTheInviteesNameInTheHtmlAndFoldItsArabicNameInTheCalendar() throws Exception {
        long marked = participants.add(code, "Tom <b>Bold</b> & Co", "ACME", ParticipantCategory.NGO, "tom@acme.example", false);
        invitations.send(code, marked, "seat-" + marked);

        assertThat(mailTo("tom@acme.example").get(0).html()).contains("Tom &lt;b&gt;Bold&lt;/b&gt; &amp; Co")
                .doesNotContain("<b>Bold</b>");
        String ics = mailTo("l.husseini@mop.example").get(0).ics();
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(75));
        assertThat(event(ics).getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.CN).orElseThrow()
                .getValue()).isEqualTo("H.E. " + ARABIC_NAME);
    }

    @Test
    void shouldSendTheNotDeclinedAnUpdateWithTheSameUidThenACancellation() throws Exception {
        // Daniel's seat waits for his reply, as after "Send invitation"; he declines by phone
        driver.startBefore(InvitationProcess.ID, code, Map.of(ProcessVariables.MEETING_CODE, code,
                InvitationProcess.PARTICIPANT_ID, String.valueOf(daniel)), InvitationProcess.GATEWAY_AWAIT_REPLY);
        replies.receive(code, daniel, InvitationReply.DECLINE, ReplyChannel.PHONE, null, null, "lena");
        LocalDate later = firstDay.plusWeeks(2);

        schedules.reschedule(code, new MeetingSchedules.NewSchedule(later.toString(), "Dead Sea, Jordan", null,
                "The hotel in Amman is closed for works."), "lena");

        Written update = mailTo("renee.muller@unige.example").get(1);
        assertThat(update.subject()).isEqualTo("Changed: " + ExpertMeetings.TITLE);
        assertThat(update.messageId()).isEqualTo("<invitation-" + invitationId(renee) + "-update-1." + code + "@convene>");
        assertThat(update.text()).contains("It is now held in Dead Sea, Jordan (it was to be held in Amman, Jordan).",
                "Reason: The hotel in Amman is closed for works.", "?reply=accept");
        assertThat(update.method()).isEqualTo("REQUEST");
        VEvent moved = event(update.ics());
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("invitation-" + renee + "." + code + "@convene");
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(Instant.from(moved.getStartDate().orElseThrow().getDate()))
                .isEqualTo(later.atTime(6, 0).toInstant(ZoneOffset.UTC));
        assertThat(moved.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Dead Sea, Jordan");
        assertThat(mailTo("l.husseini@mop.example")).hasSize(2);
        assertThat(mailTo("d.reyes@ox.example")).as("Daniel declined: no update").hasSize(1);

        schedules.cancel(code, "The host government postponed the meeting.", "grace");

        Written cancel = mailTo("renee.muller@unige.example").get(2);
        assertThat(cancel.subject()).isEqualTo("Cancelled: " + ExpertMeetings.TITLE);
        assertThat(cancel.text()).contains("Reason: The host government postponed the meeting.");
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(parse(cancel.ics()).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent cancelled = event(cancel.ics());
        assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("invitation-" + renee + "." + code + "@convene");
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(mailTo("d.reyes@ox.example")).as("Daniel declined: no cancellation").hasSize(1);
    }

    @Test
    void shouldLinkTheConceptNoteAndAgendaToAReadOnlyPage() {
        String text = mailTo("renee.muller@unige.example").get(0).text();
        Matcher documents = Pattern
                .compile("The concept note and the agenda:\nhttp://localhost:8080(/links/[A-Za-z0-9_.-]+)").matcher(text);
        assertThat(documents.find()).as(text).isTrue();

        HttpResponse<String> page = BrowserSession.anonymous(port).get(documents.group(1));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Concept note and agenda: " + ExpertMeetings.TITLE, ExpertMeetings.PLACE,
                "Day 1 — ", "09:00–09:15  Welcome", "16:15–17:00  Conclusions and summing up").doesNotContain("<form");
        assertThat(BrowserSession.anonymous(port).get(documents.group(1)).statusCode())
                .as("opening it uses nothing up").isEqualTo(200);
    }

    @Test
    void shouldDeliverTheInvitationAsTextHtmlAndARequestThenTheUpdateAndTheCancellation() throws Exception {
        mailbox.deliver(code);

        MimeMessage invitation = receivedBy("renee.muller@unige.example").get(0);
        InternetAddress to = (InternetAddress) invitation.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Dr Renée Müller");
        assertThat(invitation.getHeader("To")[0]).as("RFC 2047").contains("=?UTF-8?").doesNotContain("é");
        Parts parts = parts(invitation);
        assertThat(parts.types()).anyMatch(t -> t.startsWith("text/plain")).anyMatch(t -> t.startsWith("text/html"))
                .anyMatch(t -> t.startsWith("text/calendar") && t.replace(" ", "").contains("method=request"));
        assertThat(parts.text("text/plain")).contains("Dear Dr Renée Müller,", "?reply=accept", "?reply=decline");
        assertThat(parts.text("text/html")).contains(">I will attend</a>", ">I cannot attend</a>");
        VEvent first = event(parts.text("text/calendar"));
        assertThat(method(parts.text("text/calendar"))).isEqualTo("REQUEST");
        String uid = "invitation-" + renee + "." + code + "@convene";
        assertThat(first.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(Instant.from(first.getStartDate().orElseThrow().getDate()))
                .isEqualTo(firstDay.atTime(6, 0).toInstant(ZoneOffset.UTC));

        // Daniel's seat waits for his reply, as after "Send invitation"; he declines by phone
        driver.startBefore(InvitationProcess.ID, code, Map.of(ProcessVariables.MEETING_CODE, code,
                InvitationProcess.PARTICIPANT_ID, String.valueOf(daniel)), InvitationProcess.GATEWAY_AWAIT_REPLY);
        replies.receive(code, daniel, InvitationReply.DECLINE, ReplyChannel.PHONE, null, null, "lena");
        schedules.reschedule(code, new MeetingSchedules.NewSchedule(firstDay.plusDays(7).toString(), null, null, null),
                "lena");
        mailbox.deliver(code);

        Parts update = parts(receivedBy("renee.muller@unige.example").get(1));
        assertThat(update.types()).anyMatch(t -> t.startsWith("text/calendar") && t.replace(" ", "").contains("method=request"));
        VEvent moved = event(update.text("text/calendar"));
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(Instant.from(moved.getStartDate().orElseThrow().getDate()))
                .isEqualTo(firstDay.plusDays(7).atTime(6, 0).toInstant(ZoneOffset.UTC));
        assertThat(receivedBy("d.reyes@ox.example")).as("Daniel declined: no update").hasSize(1);

        schedules.cancel(code, "Postponed to next year.", "grace");
        mailbox.deliver(code);

        Parts cancel = parts(receivedBy("renee.muller@unige.example").get(2));
        assertThat(cancel.types()).anyMatch(t -> t.startsWith("text/calendar") && t.replace(" ", "").contains("method=cancel"));
        assertThat(method(cancel.text("text/calendar"))).isEqualTo("CANCEL");
        VEvent cancelled = event(cancel.text("text/calendar"));
        assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(receivedBy("d.reyes@ox.example")).as("Daniel declined: no cancellation").hasSize(1);
        assertThat(mailbox.received(code).stream().collect(Collectors.groupingBy(Mailbox::messageId, Collectors.counting())))
                .as("each Message-ID once").allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    private List<MimeMessage> receivedBy(String address) {
        return mailbox.received(code).stream().filter(m -> {
            try {
                return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Parts parts(Part message) throws Exception {
        List<String> types = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        collect(message, types, texts);
        return new Parts(types, texts);
    }

    private static void collect(Part part, List<String> types, Map<String, String> texts) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, types, texts);
            }
            return;
        }
        String type = part.getContentType().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        types.add(type);
        String text = content instanceof String s ? s : read((InputStream) content);
        texts.putIfAbsent(type, text);
    }

    private static String read(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Written> mailTo(String recipient) {
        return jdbc.sql("""
                select message_id, recipient, recipient_name, subject, body, html, calendar_method, calendar_ics
                from cv_outbox_mail where meeting_code = ? and recipient = ? order by id""")
                .params(code, recipient)
                .query((rs, n) -> new Written(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    private long invitationId(long participant) {
        return invitations.invitation(code, participant);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String method(String ics) throws Exception {
        return parse(ics).getProperty(Property.METHOD).orElseThrow().getValue();
    }

    private static VEvent event(String ics) throws Exception {
        return parse(ics).<VEvent>getComponents("VEVENT").get(0);
    }
}
