package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.convene.IcsLines;
import org.junit.jupiter.api.Test;

/** The calendar entry as a calendar reads it back, parsed with iCal4j; no Spring. */
class InvitationCalendarTests {

    private static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    private static final String ARABIC_NAME = "د. ليلى عبد الرحمن الحسيني، وزارة التخطيط والتعاون الدولي";
    private static final String ACCENTED_TITLE = "Réunion d’experts sur la coopération internationale — partage "
            + "équitable des charges et des responsabilités à l’égard des réfugiés, Genève";

    private static InvitationCalendar.Entry entry(int sequence, String attendeeName) {
        return new InvitationCalendar.Entry(InvitationCalendar.uid("EM-2027-AMMAN", 42), sequence,
                Instant.parse("2027-01-04T10:15:00Z"),
                LocalDate.of(2027, 2, 8).atTime(9, 0).atZone(AMMAN), LocalDate.of(2027, 2, 9).atTime(17, 30).atZone(AMMAN),
                ACCENTED_TITLE, "Le Royal Hotel, Amman; Jordan", "Please reply by Monday 18 January 2027, 09:00.\nThank you.",
                new InvitationCalendar.CalendarUser("Convene secretariat", "secretariat@convene.example"),
                new InvitationCalendar.CalendarUser(attendeeName, "l.husseini@mop.gov.jo"));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void anInvitationIsARequestWithTheInviteesUidAndSequenceZero() throws Exception {
        Calendar calendar = parse(InvitationCalendar.request(entry(0, "Dr. Renée Müller")));

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo(InvitationCalendar.PRODID);
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("invitation-42.EM-2027-AMMAN@convene");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(ACCENTED_TITLE);
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Le Royal Hotel, Amman; Jordan");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .isEqualTo("Please reply by Monday 18 January 2027, 09:00.\nThank you.");
        assertThat(event.getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20270104T101500Z");
    }

    @Test
    void nineOClockInAmmanIsSixOClockUtcWithTheVenuesTimeZone() throws Exception {
        String ics = InvitationCalendar.request(entry(0, "Dr. Renée Müller"));
        Calendar calendar = parse(ics);

        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Asia/Amman");
        assertThat(Instant.from(start.getDate())).isEqualTo(Instant.parse("2027-02-08T06:00:00Z"));
        assertThat(Instant.from(event.getEndDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-02-09T14:30:00Z"));
        assertThat(ics).contains("DTSTART;TZID=Asia/Amman:20270208T090000\r\n");

        // the VTIMEZONE sent, read on its own (not iCal4j's bundled zone): UTC+3 in February since 2022
        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Amman");
        assertThat(zone.getApplicableObservance(ZonedDateTime.of(2027, 2, 8, 6, 0, 0, 0, ZoneOffset.UTC))
                .<net.fortuna.ical4j.model.property.TzOffsetTo>getRequiredProperty(Property.TZOFFSETTO).getOffset())
                .isEqualTo(ZoneOffset.ofHours(3));
        assertThat(ics.lines().filter(line -> line.startsWith("BEGIN:STANDARD") || line.startsWith("BEGIN:DAYLIGHT")))
                .as("Amman's standing +03 is all it needs").containsExactly("BEGIN:STANDARD");
    }

    @Test
    void aZoneWithSummerTimeGetsTheObservanceInForceAndTheNextChange() throws Exception {
        ZoneId geneva = ZoneId.of("Europe/Zurich");
        InvitationCalendar.Entry summer = new InvitationCalendar.Entry("u@convene", 0, Instant.parse("2027-01-04T10:15:00Z"),
                ZonedDateTime.of(LocalDate.of(2027, 6, 28), LocalTime.of(9, 0), geneva),
                ZonedDateTime.of(LocalDate.of(2027, 6, 29), LocalTime.of(18, 0), geneva), "t", "Geneva", "d",
                new InvitationCalendar.CalendarUser("S", "s@convene.example"),
                new InvitationCalendar.CalendarUser("A", "a@convene.example"));
        Calendar calendar = parse(InvitationCalendar.request(summer));

        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(zone.getObservances()).extracting(o -> o.getName()).containsExactlyInAnyOrder("DAYLIGHT", "STANDARD");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-06-28T07:00:00Z"));
    }

    @Test
    void theOrganizerIsTheSecretariatAndTheAttendeeTheInviteeAskedToReply() throws Exception {
        VEvent event = parse(InvitationCalendar.request(entry(0, "Müller, Renée"))).<VEvent>getComponents("VEVENT").get(0);

        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:secretariat@convene.example");
        assertThat(organizer.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Convene secretariat");
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:l.husseini@mop.gov.jo");
        assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Müller, Renée");
        assertThat(attendee.getParameter(Parameter.ROLE).orElseThrow().getValue()).isEqualTo("REQ-PARTICIPANT");
        assertThat(attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(attendee.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
    }

    @Test
    void aCancellationKeepsTheUidWithAHigherSequence() throws Exception {
        Calendar calendar = parse(InvitationCalendar.cancel(entry(3, "Dr. Renée Müller")));

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("invitation-42.EM-2027-AMMAN@convene");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void everyLineIsAtMost75OctetsOfValidUtf8AndUnfoldsToTheArabicName() throws Exception {
        String ics = InvitationCalendar.request(entry(0, ARABIC_NAME));

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        int folded = IcsLines.assertFolded(ics);
        assertThat(folded).as("the Arabic name and the French title need folding").isGreaterThanOrEqualTo(3);
        Property attendee = parse(ics).<VEvent>getComponents("VEVENT").get(0).getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo(ARABIC_NAME);
    }
}
