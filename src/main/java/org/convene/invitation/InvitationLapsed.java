package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;

/**
 * An invitation had no reply by its deadline: recorded when staff decided about the seat (a
 * replacement or none). {@code actor} is null: nobody answered.
 */
public record InvitationLapsed(String meetingCode, long participantId, String invitee, Instant occurredAt, String actor)
        implements MeetingEvent {
}
