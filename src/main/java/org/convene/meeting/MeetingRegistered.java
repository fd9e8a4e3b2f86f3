package org.convene.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A meeting was registered under its code when ExpertMeetingProcess started: its title, venue, time
 * zone and days (the first day in the venue's calendar). {@code actor}: who started it, null when
 * no user of the app did.
 */
@NamedInterface("events")
public record MeetingRegistered(String meetingCode, String title, String place, ZoneId timeZone, LocalDate firstDay,
                                int numberOfDays, Instant occurredAt, String actor) implements MeetingEvent {
}
