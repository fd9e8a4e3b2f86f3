package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A drafting task submitted a new version of a document; it now waits for the phase's review
 * or sign-off, where the phase has one.
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param part        the working group's code or the day's number; empty for a document the meeting has once
 * @param title       the document's title, e.g. "Report of Working Group 1"
 * @param version     the version's number, 1 for the first
 * @param versionId   the version's id ({@link Documents#version(long)})
 * @param occurredAt  when, by the engine's clock
 * @param actor       the user id of who submitted it; null when no user did
 */
@NamedInterface("events")
public record DocumentVersionSubmitted(String meetingCode, DocumentKind kind, String part, String title, int version,
                                       long versionId, Instant occurredAt, String actor) implements MeetingEvent {
}
