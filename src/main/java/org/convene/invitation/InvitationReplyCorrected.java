package org.convene.invitation;

import java.time.Instant;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff ({@code actor}) corrected an invitee's reply from {@code from} to {@code to} (the invitee
 * changed their mind, {@code channel} tells how it came); the earlier reply stays on record. An
 * acceptance corrected to a decline asks staff for a replacement; a decline corrected to an
 * acceptance kept the seat. {@code note} may be null.
 */
@NamedInterface("events")
public record InvitationReplyCorrected(String meetingCode, long participantId, String invitee,
                                       ParticipantCategory category, InvitationReply from, InvitationReply to,
                                       ReplyChannel channel, String note, Instant occurredAt, String actor)
        implements MeetingEvent {
}
