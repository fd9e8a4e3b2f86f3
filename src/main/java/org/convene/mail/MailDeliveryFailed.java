package org.convene.mail;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * The last retry of an outbox mail's delivery failed ({@code error}: the SMTP server's or the
 * connection's message): it is an incident in Cockpit until a manager retries it. {@code recipient}:
 * {@code Name <address>} or the address; {@code actor} null.
 */
@NamedInterface("events")
public record MailDeliveryFailed(String meetingCode, long mailId, String messageId, String recipient, String subject,
                                 String error, Instant occurredAt, String actor) implements MeetingEvent {
}
