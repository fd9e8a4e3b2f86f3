package org.convene.mail;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A delivery job found an outbox mail still being sent: a node stopped between the SMTP server's answer and the mark, so the mail may or may not have gone. Staff resend it or mark it as sent on the mail page; it is never resent by itself. {@code actor} null.
 * {@code recipient}: {@code Name <address>} or the address; {@code messageId} with its angle brackets.
 */
@NamedInterface("events")
public record MailDeliveryUncertain(String meetingCode, long mailId, String messageId, String recipient, String subject,
                 Instant occurredAt, String actor) implements MeetingEvent {
}
