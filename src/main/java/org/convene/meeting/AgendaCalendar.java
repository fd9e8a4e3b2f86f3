package org.convene.meeting;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.convene.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The agenda as a calendar file ({@code /meetings/{code}/agenda.ics}, iCal4j): a VCALENDAR with
 * {@code METHOD:PUBLISH}, the venue's VTIMEZONE ({@link IcsWriting#timeZone}) and one VEVENT per
 * session, its times written in the venue's time zone ({@code DTSTART;TZID=Asia/Amman:20270208T090000}).
 * Each event's {@code UID} is the session's ({@code agenda-session-<id>.<meetingCode>@convene}): an
 * edited session keeps it, so a calendar that imports the file again updates the event instead of
 * adding a second. The summary is the session's title, the location its room and the venue, the
 * description its kind and, for a working group, the group's theme, chair, rapporteur and questions.
 */
@Component
class AgendaCalendar {

    static final String PRODID = "-//Convene//Expert meeting agenda//EN";

    private final Meetings meetings;
    private final Agendas agendas;

    AgendaCalendar(Meetings meetings, Agendas agendas) {
        this.meetings = meetings;
        this.agendas = agendas;
    }

    /** {@code agenda-session-<id>.<meetingCode>@convene}: one per session, kept when the session is edited. */
    static String uid(String meetingCode, long sessionId) {
        return "agenda-session-" + sessionId + "." + meetingCode + "@convene";
    }

    /**
     * The agenda's calendar file: lines end with CRLF and are folded at 75 octets.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    String ics(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        ZoneId zone = meeting.timeZone();
        Map<String, Agendas.WorkingGroup> groups = agendas.workingGroups(meetingCode).stream()
                .collect(Collectors.toMap(Agendas.WorkingGroup::code, Function.identity()));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", "Agenda: " + meeting.title()));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        calendar.add(IcsWriting.timeZone(zone, meeting.firstDay().atStartOfDay(zone).toInstant(),
                meeting.lastDay().plusDays(1).atStartOfDay(zone).toInstant()));
        DtStamp stamp = new DtStamp(EngineClock.now().toInstant());
        for (Agendas.Session session : agendas.sessions(meetingCode)) {
            ZonedDateTime date = meeting.firstDay().plusDays(session.day() - 1L).atStartOfDay(zone);
            VEvent event = new VEvent(date.with(session.startsAt()), date.with(session.endsAt()), session.title());
            event.add(new Uid(uid(meetingCode, session.id())));
            event.replace(stamp); // the constructor stamped it with the wall clock
            event.add(new Location(session.room() + ", " + meeting.place()));
            event.add(new Categories(session.kindLabel()));
            event.add(new Description(description(session, groups.get(session.workingGroupCode()))));
            calendar.add(event);
        }
        return IcsWriting.write(calendar);
    }

    private static String description(Agendas.Session session, Agendas.WorkingGroup group) {
        if (group == null) {
            return session.kindLabel();
        }
        List<String> questions = group.questions();
        return "Working group " + group.code() + ": " + group.title()
                + "\nChair: " + (group.chairName() == null ? "to be named" : group.chairName())
                + "\nRapporteur: " + (group.rapporteurName() == null ? "to be named" : group.rapporteurName())
                + "\n\nQuestions:\n" + IntStream.range(0, questions.size())
                .mapToObj(i -> (i + 1) + ". " + questions.get(i)).collect(Collectors.joining("\n"));
    }
}
