package org.convene.invitation;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager approved the participant list against the concept note's targets: {@code invitees} on the
 * list are invited now, {@code reserve} wait on the reserve list. {@code comments} may be null.
 */
@NamedInterface("events")
public record ParticipantListApproved(String meetingCode, int invitees, int reserve, String comments, Instant occurredAt,
                                      String actor) implements MeetingEvent {
}
