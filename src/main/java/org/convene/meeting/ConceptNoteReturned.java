package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager sent a version of the concept note back to its author; {@code comments} say what should
 * change (never blank).
 */
@NamedInterface("events")
public record ConceptNoteReturned(String meetingCode, int version, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
