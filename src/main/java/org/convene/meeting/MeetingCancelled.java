package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff or a manager cancelled the meeting, for the reason given (never blank); its processes
 * were ended with that reason.
 */
@NamedInterface("events")
public record MeetingCancelled(String meetingCode, String title, String reason, Instant occurredAt, String actor)
        implements MeetingEvent {
}
