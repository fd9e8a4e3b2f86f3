package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff gave the seat of a participant who declined or did not answer ({@code participantId}) to
 * someone from the reserve list ({@code replacementId}, {@code replacement}: {@code name, organisation}),
 * whose invitation goes out next.
 */
@NamedInterface("events")
public record ReplacementInvited(String meetingCode, long participantId, long replacementId, String replacement,
                                 Instant occurredAt, String actor) implements MeetingEvent {
}
