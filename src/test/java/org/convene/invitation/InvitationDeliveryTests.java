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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.meeting.MeetingSchedules;
import org.convene.meeting.ParticipantCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invitation, its update and its cancellation as the invitee's mail server receives them
 * (GreenMail, over SMTP): the parts a mail program reads, the calendar entry parsed back with iCal4j.
 */
@ConveneIntegrationTest
class InvitationDeliveryTests {

    @Autowired ProcessDriver driver;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies replies;
    @Autowired MeetingSchedules schedules;
    @Autowired Mailbox mailbox;

    String code;
    LocalDate firstDay;
    long renee;
    long daniel;

    /** A received mail's parts: content type → text (the types' parameters kept). */
    record Parts(List<String> types, Map<String, String> texts) {

        String text(String typePrefix) {
            return texts.entrySet().stream().filter(e -> e.getKey().startsWith(typePrefix)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + typePrefix + " part in " + types));
        }
    }

    @BeforeEach
    void inviteReneeAndDaniel() {
        code = TestMeetings.newCode("DLV");
        firstDay = ExpertMeetings.firstDay();
        driver.registerMeeting(code);
        renee = participants.add(code, new Participants.NewParticipant("Dr", "Renée Müller", "Université de Genève",
                ParticipantCategory.ACA.name(), "renee.muller@unige.example", "Switzerland", "French", null, false));
        daniel = Invitees.daniel(participants, code);
        invitations.send(code, renee, "seat-" + renee);
        invitations.send(code, daniel, "seat-" + daniel);
        mailbox.deliver(code);
    }

    @Test
    void shouldDeliverTheInvitationAsTextHtmlAndARequestThenTheUpdateAndTheCancellation() throws Exception {
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

        replies.record(code, daniel, InvitationReply.DECLINE, ReplyChannel.PHONE, null, "lena", null);
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
