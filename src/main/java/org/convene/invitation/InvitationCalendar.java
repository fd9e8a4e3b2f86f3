package org.convene.invitation;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.convene.meeting.IcsWriting;

/**
 * The calendar entry of an invitation, written with iCal4j: a VCALENDAR ({@code METHOD:REQUEST} for
 * an invitation or an update, {@code METHOD:CANCEL} when it is withdrawn or the meeting cancelled)
 * holding the venue's VTIMEZONE and one VEVENT. The event keeps one {@code UID} per meeting and
 * invitee ({@link #uid}), so a calendar replaces the entry it holds when a higher {@code SEQUENCE}
 * arrives. Times are written in the venue's time zone ({@code DTSTART;TZID=Asia/Amman:...}).
 *
 * <p>The VTIMEZONE (from Java's own zone rules) and the folding at 75 octets (not iCal4j's
 * {@code FoldingWriter}, which counts chars and so lets a line of Arabic run to about 150 octets)
 * come from the meeting module's {@link IcsWriting}, which the agenda's calendar file uses too.
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
        calendar.add(IcsWriting.timeZone(zone, entry.start().toInstant(), entry.end().toInstant()));
        calendar.add(event);
        return IcsWriting.write(calendar);
    }

    private static Cn cn(CalendarUser user) {
        // a parameter value may not hold a double quote (RFC 5545 §3.2); iCal4j quotes one with , ; or :
        return new Cn(user.displayName().replace("\"", "'"));
    }

    private static URI mailto(CalendarUser user) {
        return URI.create("mailto:" + user.address().strip());
    }
}
