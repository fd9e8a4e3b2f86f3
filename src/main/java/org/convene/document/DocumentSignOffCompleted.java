package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A sign-off of a document version ended: signed off under its policy, or not (the draft goes
 * back to its author).
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param part        the working group's code or the day's number; empty for a document the meeting has once
 * @param title       the document's title
 * @param version     the number of the version signed
 * @param signedOff   true when enough reviewers signed under the policy
 * @param occurredAt  when, by the engine's clock
 * @param actor       always null: the engine decides once the outcome is certain
 */
@NamedInterface("events")
public record DocumentSignOffCompleted(String meetingCode, DocumentKind kind, String part, String title, int version,
                                       boolean signedOff, Instant occurredAt, String actor) implements MeetingEvent {
}
