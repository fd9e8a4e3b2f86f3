package org.convene.invitation;

import java.time.Instant;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A reply came after the invitation had lapsed at its deadline; it is recorded all the same. An
 * acceptance keeps the seat when staff had not yet decided about it ({@code seatKept}: the
 * invitation is accepted, "Invite replacement" closes); otherwise the seat had gone to a
 * replacement or was left empty, and staff must tell the invitee. {@code actor} is null for a
 * reply by signed link; {@code note} may be null.
 */
@NamedInterface("events")
public record InvitationRepliedLate(String meetingCode, long participantId, String invitee, ParticipantCategory category,
                                    InvitationReply reply, ReplyChannel channel, boolean seatKept, String note,
                                    Instant occurredAt, String actor) implements MeetingEvent {
}
