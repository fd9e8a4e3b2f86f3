package org.convene.mail;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * The SMTP server accepted an outbox mail (by the engine's delivery job: {@code actor} null).
 * {@code recipient}: {@code Name <address>} or the address; {@code messageId} with its angle brackets.
 */
@NamedInterface("events")
public record MailSent(String meetingCode, long mailId, String messageId, String recipient, String subject,
                 Instant occurredAt, String actor) implements MeetingEvent {
}
