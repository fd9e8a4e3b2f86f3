package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.IcsLines;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /meetings/{code}/agenda.ics}: downloaded as staff and managers do, parsed back with iCal4j
 * and checked against the agenda (one event per session, its instants in the venue's time zone, a
 * UID that survives an edit, the working group's questions); others are refused.
 */
@ConveneIntegrationTest
class AgendaCalendarTests {

    private static final ZoneId AMMAN = ZoneId.of("Asia/Amman");

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;

    String code;
    String ics;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("IC");
        ics = "/meetings/" + code + "/agenda.ics";
        meetings.register(new Meeting(code, "Réunion d’experts — coopération internationale", "Amman, Jordan", AMMAN,
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldHoldOneEventPerSessionAtItsInstantInTheVenuesTimeZone() throws Exception {
        Agendas.Session welcome = agendas.sessions(code).get(0);
        agendas.changeSession(code, welcome.id(), new Agendas.NewSession("1", "08:45", "09:00", "PLENARY",
                "Accueil — Dr. Zoë Ångström", "Plenary hall", ""));
        agendas.changeWorkingGroup(code, "WG1", new Agendas.WorkingGroupChange(null, "Dr. Zoë Ångström", "", "Amira Haddad",
                null));

        HttpResponse<byte[]> download = BrowserSession.signedIn(port, "lena").download(ics);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("text/calendar;charset=UTF-8");
        assertThat(download.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + code + "-agenda.ics\"");
        String text = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;TZID=Asia/Amman:20270208T084500\r\n", "METHOD:PUBLISH\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));

        List<Agendas.Session> sessions = agendas.sessions(code);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(sessions.size());
        Map<String, VEvent> byUid = events.stream().collect(Collectors.toMap(
                e -> e.getProperty(Property.UID).orElseThrow().getValue(), Function.identity()));
        for (Agendas.Session session : sessions) {
            VEvent event = byUid.get(AgendaCalendar.uid(code, session.id()));
            assertThat(event).as("event of %s", session.title()).isNotNull();
            LocalDate date = LocalDate.of(2027, 2, 8).plusDays(session.day() - 1L);
            assertThat(Instant.from(event.getStartDate().orElseThrow().getDate()))
                    .isEqualTo(ZonedDateTime.of(date, session.startsAt(), AMMAN).toInstant());
            assertThat(Instant.from(event.getEndDate().orElseThrow().getDate()))
                    .isEqualTo(ZonedDateTime.of(date, session.endsAt(), AMMAN).toInstant());
            assertThat(event.getStartDate().orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("Asia/Amman");
            assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(session.title());
            assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                    .isEqualTo(session.room() + ", Amman, Jordan");
        }
        // 08:45 in Amman is 05:45 UTC: UTC+3 all year since 2022
        VEvent accueil = byUid.get(AgendaCalendar.uid(code, welcome.id()));
        assertThat(Instant.from(accueil.getStartDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-02-08T05:45:00Z"));
        assertThat(accueil.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Accueil — Dr. Zoë Ångström");
        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Amman");
        assertThat(zone.getApplicableObservance(ZonedDateTime.of(2027, 2, 8, 6, 0, 0, 0, ZoneOffset.UTC))
                .<TzOffsetTo>getRequiredProperty(Property.TZOFFSETTO).getOffset()).isEqualTo(ZoneOffset.ofHours(3));

        Agendas.Session wg1 = sessions.stream().filter(s -> "WG1".equals(s.workingGroupCode())).findFirst().orElseThrow();
        String description = byUid.get(AgendaCalendar.uid(code, wg1.id())).getProperty(Property.DESCRIPTION).orElseThrow()
                .getValue();
        assertThat(description).startsWith("Working group WG1: Cooperative arrangements to address mass influx situations\n"
                + "Chair: Dr. Zoë Ångström\nRapporteur: Amira Haddad\n\nQuestions:\n1. What are some other examples")
                .contains("\n3. What worked well?\n", "\n5. Lessons learned from the examples?");
        assertThat(IcsLines.assertFolded(text)).as("the questions need folding").isPositive();
    }

    @Test
    void shouldKeepASessionsUidWhenItIsEdited() throws Exception {
        Agendas.Session lunch = agendas.sessions(code).stream().filter(s -> s.title().equals("Lunch")).findFirst().orElseThrow();
        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        String uid = AgendaCalendar.uid(code, lunch.id());
        assertThat(new String(grace.download(ics).body(), StandardCharsets.UTF_8)).contains("UID:" + uid);

        agendas.changeSession(code, lunch.id(), new Agendas.NewSession("1", "12:30", "13:30", "BREAK", "Lunch", "Terrace", ""));

        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(grace.download(ics).body(),
                StandardCharsets.UTF_8)));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(uid)).findFirst().orElseThrow();
        assertThat(Instant.from(event.getEndDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-02-08T10:30:00Z"));
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Terrace, Amman, Jordan");
    }

    @Test
    void shouldRefuseReviewersAndOthersAndAnswer404ForAnUnknownMeeting() {
        assertThat(BrowserSession.signedIn(port, "kenji").download(ics).statusCode()).isEqualTo(403);
        assertThat(BrowserSession.signedIn(port, "guest", "welcome").download(ics).statusCode()).isEqualTo(403);
        assertThat(BrowserSession.anonymous(port).download(ics).statusCode()).isEqualTo(302);
        assertThat(BrowserSession.signedIn(port, "demo").download(ics).statusCode()).isEqualTo(200);
        assertThat(BrowserSession.signedIn(port, "lena").download("/meetings/NO-SUCH-MEETING/agenda.ics").statusCode())
                .isEqualTo(404);
    }
}
