package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * ExpertMeetingProcess called the next phase of the meeting's lifecycle.
 *
 * @param meetingCode       the meeting's code; never null
 * @param phase             the phase now running; never null
 * @param processInstanceId the meeting's ExpertMeetingProcess instance (the one Cockpit shows); never null
 * @param occurredAt        when, by the engine's clock
 * @param actor             the user id whose step started it; null when no user did (a timer, a job)
 */
@NamedInterface("events")
public record MeetingPhaseStarted(String meetingCode, MeetingPhase phase, String processInstanceId, Instant occurredAt,
                                  String actor) implements MeetingEvent {
}
