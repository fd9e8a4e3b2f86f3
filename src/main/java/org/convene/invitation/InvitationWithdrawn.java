package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff withdrew an invitation ({@code actor}): it was still waiting for its reply, or had been
 * accepted ({@code wasAccepted}). {@code reason} may be null. The invitee's calendar entry is to be
 * cancelled (METHOD:CANCEL): listen to this event, with the meeting's code and the participant's id.
 */
@NamedInterface("events")
public record InvitationWithdrawn(String meetingCode, long participantId, String invitee, boolean wasAccepted,
                                  String reason, Instant occurredAt, String actor) implements MeetingEvent {
}
