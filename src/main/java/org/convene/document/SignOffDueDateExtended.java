package org.convene.document;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A manager gave an overdue sign-off a new due date ("Resolve overdue sign-off"): the reviewers'
 * tasks moved to it and the reminders start again.
 *
 * @param meetingCode the meeting's code; never null
 * @param kind        the document's kind; never null
 * @param part        the working group's code or the day's number; empty for a document the meeting has once
 * @param title       the document's title
 * @param version     the number of the version under sign-off
 * @param dueAt       the new due date (an instant; the end of the chosen day, UTC)
 * @param occurredAt  when, by the engine's clock
 * @param actor       the manager's user id
 */
@NamedInterface("events")
public record SignOffDueDateExtended(String meetingCode, DocumentKind kind, String part, String title, int version,
        Instant dueAt, Instant occurredAt, String actor) implements MeetingEvent {
}
