package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager sent the participant list back to staff; {@code comments} say what should change (never
 * blank).
 */
@NamedInterface("events")
public record ParticipantListReturned(String meetingCode, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
