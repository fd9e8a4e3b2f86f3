package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * One reviewer of a sign-off rejected a version of a document.
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param part        the working group's code or the day's number; empty for a document the meeting has once
 * @param title       the document's title, e.g. "Recommendations"
 * @param version     the number of the version judged
 * @param comments    why it was rejected; never blank
 * @param occurredAt  when, by the engine's clock
 * @param actor       the user id of the reviewer, or of the manager who decided for them at the escalation;
 *                    null when no user of the app did it
 * @param onBehalfOf  the reviewer a manager decided for (the actor); null when the reviewer decided
 */
@NamedInterface("events")
public record DocumentSignOffRejected(String meetingCode, DocumentKind kind, String part, String title, int version,
        String comments, Instant occurredAt, String actor, String onBehalfOf) implements MeetingEvent {

    /** The reviewer decided themselves. */
    public DocumentSignOffRejected(String meetingCode, DocumentKind kind, String part, String title, int version, String comments,
            Instant occurredAt, String actor) {
        this(meetingCode, kind, part, title, version, comments, occurredAt, actor, null);
    }
}
