package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff left the seat of a participant who declined or did not answer empty: no replacement.
 */
@NamedInterface("events")
public record SeatLeftEmpty(String meetingCode, long participantId, String invitee, Instant occurredAt, String actor)
        implements MeetingEvent {
}
