package org.convene.invitation;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar entry of an invitation, written with iCal4j: a VCALENDAR ({@code METHOD:REQUEST} for
 * an invitation or an update, {@code METHOD:CANCEL} when it is withdrawn or the meeting cancelled)
 * holding the venue's VTIMEZONE and one VEVENT. The event keeps one {@code UID} per meeting and
 * invitee ({@link #uid}), so a calendar replaces the entry it holds when a higher {@code SEQUENCE}
 * arrives. Times are written in the venue's time zone ({@code DTSTART;TZID=Asia/Amman:...}).
 *
 * <p>The VTIMEZONE is built here from Java's own zone rules ({@link ZoneId#getRules()}, today's
 * tz data): the observance in force at the start of the meeting and the transitions up to the first
 * after its end, no more. iCal4j's bundled definition of Asia/Amman is some 100 lines of RDATEs,
 * and the old "outlook" definitions (2015 data) give the wrong hour for Amman (UTC+3 all year since
 * October 2022).
 *
 * <p>Lines are folded at 75 octets by {@link IcsFolding}, not by iCal4j's {@code FoldingWriter}, which
 * counts chars and so lets a line of Arabic run to about 150 octets.
 */
final class InvitationCalendar {

    static final String PRODID = "-//Convene//Expert meeting invitations//EN";

    /** A person in a calendar entry: the name shown (CN) and the e-mail address (a {@code mailto:} URI). */
    record CalendarUser(String displayName, String address) {
    }

    /**
     * What the entry says.
     *
     * @param uid         {@link #uid}: the same for every version of one invitation
     * @param sequence    0 for the first version, one more for each change
     * @param stamp       when this version was written (DTSTAMP, in UTC)
     * @param start       the meeting's first session, in the venue's time zone
     * @param end         the end of its last day, in the same zone
     * @param description plain text, lines separated by {@code \n}
     */
    record Entry(String uid, int sequence, Instant stamp, ZonedDateTime start, ZonedDateTime end, String summary,
                 String location, String description, CalendarUser organizer, CalendarUser attendee) {
    }

    private InvitationCalendar() {
    }

    /** {@code invitation-<participantId>.<meetingCode>@convene}: one per meeting and invitee, never reused. */
    static String uid(String meetingCode, long participantId) {
        return "invitation-" + participantId + "." + meetingCode + "@convene";
    }

    /** The entry as an invitation or update: {@code METHOD:REQUEST}, {@code STATUS:CONFIRMED}, the invitee asked to reply. */
    static String request(Entry entry) {
        return write(entry, Method.VALUE_REQUEST, Status.VALUE_CONFIRMED);
    }

    /** The entry withdrawn: {@code METHOD:CANCEL}, {@code STATUS:CANCELLED}; give it a higher sequence than the last sent. */
    static String cancel(Entry entry) {
        return write(entry, Method.VALUE_CANCEL, Status.VALUE_CANCELLED);
    }

    private static String write(Entry entry, String method, String status) {
        if (!entry.start().getZone().equals(entry.end().getZone()) || !entry.end().isAfter(entry.start())) {
            throw new IllegalArgumentException("An entry ends after it starts, in the same zone: " + entry.start()
                    + " – " + entry.end());
        }
        ZoneId zone = entry.start().getZone();
        VEvent event = new VEvent(entry.start(), entry.end(), entry.summary());
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        event.replace(new DtStamp(entry.stamp())); // the constructor stamped it with the wall clock
        event.add(new Location(entry.location()));
        event.add(new Description(entry.description()));
        Organizer organizer = new Organizer(mailto(entry.organizer()));
        organizer.add(cn(entry.organizer()));
        event.add(organizer);
        Attendee attendee = new Attendee(mailto(entry.attendee()));
        attendee.add(cn(entry.attendee()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        attendee.add(Rsvp.TRUE);
        event.add(attendee);
        event.add(new Status(status));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(method));
        calendar.add(timeZone(zone, entry.start().toInstant(), entry.end().toInstant()));
        calendar.add(event);
        return IcsFolding.fold(calendar.toString());
    }

    private static Cn cn(CalendarUser user) {
        // a parameter value may not hold a double quote (RFC 5545 §3.2); iCal4j quotes one with , ; or :
        return new Cn(user.displayName().replace("\"", "'"));
    }

    private static URI mailto(CalendarUser user) {
        return URI.create("mailto:" + user.address().strip());
    }

    /**
     * The zone's VTIMEZONE for a meeting from {@code start} to {@code end}: the observance in force at
     * the start (from the zone's last transition before it; for a zone that never changed, one
     * STANDARD from 1970), each transition until the end, and the first one after it.
     */
    static VTimeZone timeZone(ZoneId zone, Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition transition = rules.previousTransition(start.plusSeconds(1));
        if (transition == null) {
            ZoneOffset offset = rules.getOffset(start);
            observances.add(observance(false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
            transition = rules.nextTransition(start);
        }
        boolean first = true;
        while (transition != null) {
            // the first: as it stands at the meeting (Amman's +03 began as summer time in February 2022
            // and became standard time in October 2022, with no change of offset and so no transition)
            Instant when = first ? start : transition.getInstant();
            observances.add(observance(rules.isDaylightSavings(when), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter()));
            first = false;
            if (transition.getInstant().isAfter(end)) {
                break;
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        VTimeZone timeZone = new VTimeZone();
        timeZone.add(new TzId(zone.getId()));
        observances.forEach(timeZone::add);
        return timeZone;
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new DtStart<>(onset));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        return observance;
    }
}
