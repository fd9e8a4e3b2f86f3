package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff circulated a document to the participants who accepted (the documentation pack with
 * the background paper).
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param title       the document's title
 * @param occurredAt  when, by the engine's clock
 * @param actor       the user id of who circulated it; null when no user did
 */
@NamedInterface("events")
public record DocumentCirculated(String meetingCode, DocumentKind kind, String title, Instant occurredAt, String actor)
        implements MeetingEvent {
}
