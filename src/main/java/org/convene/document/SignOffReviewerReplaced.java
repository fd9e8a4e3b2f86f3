package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager gave the task of a reviewer who had not decided to another member of the reviewer
 * group ("Resolve overdue sign-off"), with a new due date.
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param part        the working group's code or the day's number; empty for a document the meeting has once
 * @param title       the document's title
 * @param version     the number of the version under sign-off
 * @param replaced    the user id of the reviewer replaced
 * @param replacement the user id of the reviewer who took their task
 * @param dueAt       the sign-off's new due date
 * @param occurredAt  when, by the engine's clock
 * @param actor       the manager's user id
 */
@NamedInterface("events")
public record SignOffReviewerReplaced(String meetingCode, DocumentKind kind, String part, String title, int version,
        String replaced, String replacement, Instant dueAt, Instant occurredAt, String actor) implements MeetingEvent {
}
