package org.convene.meeting;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A version of the concept note was stored: the first draft, a revision, or the seed's text.
 * {@code version} counts from 1; {@code actor} is its author.
 */
@NamedInterface("events")
public record ConceptNoteSubmitted(String meetingCode, int version, Instant occurredAt, String actor)
        implements MeetingEvent {
}
