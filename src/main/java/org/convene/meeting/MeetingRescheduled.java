package org.convene.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff moved a meeting: its first day (in the venue's calendar), venue or time zone changed; it
 * lasts as many days as before. The previous values beside the new ones; {@code reason} may be null.
 */
@NamedInterface("events")
public record MeetingRescheduled(String meetingCode, String title, LocalDate previousFirstDay, LocalDate firstDay,
                                 int numberOfDays, String previousPlace, String place, ZoneId previousTimeZone,
                                 ZoneId timeZone, String reason, Instant occurredAt, String actor)
        implements MeetingEvent {

    /** Whether the meeting's time moved (first day or time zone), not only its venue. */
    public boolean timeChanged() {
        return !previousFirstDay.equals(firstDay) || !previousTimeZone.equals(timeZone);
    }
}
