package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager approved a version of the concept note; the preparation of the meeting follows.
 * {@code comments} may be null.
 */
@NamedInterface("events")
public record ConceptNoteApproved(String meetingCode, int version, String comments, Instant occurredAt, String actor)
        implements MeetingEvent {
}
