package org.convene.invitation;

import java.time.Instant;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * An invitation went to the outbox for a participant ({@code invitee}: {@code name, organisation}),
 * with signed links valid until {@code replyBy}. Announced once per invitation (not again when the
 * sending step runs again). {@code actor} is null: the engine sent it.
 */
@NamedInterface("events")
public record InvitationSent(String meetingCode, long participantId, String invitee, ParticipantCategory category,
                             Instant replyBy, Instant occurredAt, String actor) implements MeetingEvent {
}
