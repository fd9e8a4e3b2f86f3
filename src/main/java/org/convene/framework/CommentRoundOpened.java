package org.convene.framework;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * The participants' comment round on the draft summary conclusions opened; silence by the
 * deadline means no objection. Announced once per round.
 *
 * @param meetingCode the meeting's code; never null
 * @param deadline    the end of the round (midnight at the end of the 14th day after it opened, in the venue's time zone); never null
 * @param occurredAt  when, by the engine's clock
 * @param actor       null: the engine opens it after the chair's review
 */
@NamedInterface("events")
public record CommentRoundOpened(String meetingCode, Instant deadline, Instant occurredAt, String actor)
        implements MeetingEvent {
}
