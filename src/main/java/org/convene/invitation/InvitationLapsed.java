package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * An invitation had no reply by its deadline: recorded when staff decided about the seat (a
 * replacement or none). {@code actor} is null: nobody answered.
 */
@NamedInterface("events")
public record InvitationLapsed(String meetingCode, long participantId, String invitee, Instant occurredAt, String actor)
        implements MeetingEvent {
}
