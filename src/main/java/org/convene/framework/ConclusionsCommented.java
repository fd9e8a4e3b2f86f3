package org.convene.framework;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A participant's comments on the draft summary conclusions arrived through their signed link
 * (announced once per participant and round, with the comments stored).
 *
 * @param meetingCode the meeting's code; never null
 * @param participant the participant's name as the secretariat addresses them ("Dr Renée Müller")
 * @param onWhat      what they commented on: "paragraphs 2 and 5, the whole draft"
 * @param occurredAt  when, by the engine's clock
 * @param actor       null: no user, the participant through the link
 */
@NamedInterface("events")
public record ConclusionsCommented(String meetingCode, String participant, String onWhat, Instant occurredAt,
                                   String actor) implements MeetingEvent {
}
