package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager sent the agenda back to staff; {@code comments} say what should change (never blank).
 */
@NamedInterface("events")
public record AgendaReturned(String meetingCode, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
