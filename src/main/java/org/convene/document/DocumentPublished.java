package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A document was published (summary conclusions, the Common Framework); announced once, at
 * the first publication.
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param title       the document's title
 * @param occurredAt  when, by the engine's clock
 * @param actor       null: the engine publishes it after a manager's approval
 */
@NamedInterface("events")
public record DocumentPublished(String meetingCode, DocumentKind kind, String title, Instant occurredAt, String actor)
        implements MeetingEvent {
}
