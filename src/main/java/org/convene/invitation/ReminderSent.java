package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A reminder went to the outbox for an invitee who has not replied (at most two per invitation).
 * {@code actor} is null: the engine's timer sent it.
 */
@NamedInterface("events")
public record ReminderSent(String meetingCode, long participantId, String invitee, Instant occurredAt, String actor)
        implements MeetingEvent {
}
