package org.convene.invitation;

import java.time.Instant;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * An invitee will attend: the reply came {@code channel} (by the invitee's signed link, then
 * {@code actor} is null, or recorded by staff, then {@code actor} is the staff member). {@code note}
 * may be null.
 */
@NamedInterface("events")
public record InvitationAccepted(String meetingCode, long participantId, String invitee, ParticipantCategory category,
                                 ReplyChannel channel, String note, Instant occurredAt, String actor) implements MeetingEvent {
}
