package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager approved the agenda. {@code comments} may be null.
 */
@NamedInterface("events")
public record AgendaApproved(String meetingCode, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
