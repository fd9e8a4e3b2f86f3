package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff recorded how many attended a day of the meeting ({@code day} 1 for the first day,
 * {@code count} 0 to 500); {@code note} may be null.
 */
@NamedInterface("events")
public record AttendanceRecorded(String meetingCode, int day, int count, String note, Instant occurredAt, String actor)
        implements MeetingEvent {
}
