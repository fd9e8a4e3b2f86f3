package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * The meeting's ExpertMeetingProcess instance ended: it ran to its end ({@link MeetingState#FINISHED}),
 * or was deleted — by a cancellation ({@link MeetingState#CANCELLED}, also announced as
 * {@link MeetingCancelled}) or by hand in Cockpit or through the REST API ({@link MeetingState#STOPPED}).
 *
 * @param meetingCode the meeting's code; never null
 * @param state       FINISHED, CANCELLED or STOPPED; never RUNNING
 * @param reason      the engine's delete reason ("Meeting cancelled: …", what Cockpit's user typed); null when finished
 * @param occurredAt  when, by the engine's clock
 * @param actor       the user id who ended it; null when no user did
 */
@NamedInterface("events")
public record MeetingEnded(String meetingCode, MeetingState state, String reason, Instant occurredAt, String actor)
        implements MeetingEvent {
}
