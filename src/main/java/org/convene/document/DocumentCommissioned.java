package org.convene.document;

import java.time.Instant;
import java.time.LocalDate;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff commissioned a document from an author (the background paper).
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param title       the document's title
 * @param authorName  the author's name and affiliation, as typed; never null
 * @param dueDate     the day the draft is due (a calendar day, no time zone); never null
 * @param occurredAt  when, by the engine's clock
 * @param actor       the user id of who commissioned it; null when no user did
 */
@NamedInterface("events")
public record DocumentCommissioned(String meetingCode, DocumentKind kind, String title, String authorName,
                                   LocalDate dueDate, Instant occurredAt, String actor) implements MeetingEvent {
}
