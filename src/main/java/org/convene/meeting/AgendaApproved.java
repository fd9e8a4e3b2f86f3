package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;

/**
 * A manager approved the agenda. {@code comments} may be null.
 */
public record AgendaApproved(String meetingCode, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
