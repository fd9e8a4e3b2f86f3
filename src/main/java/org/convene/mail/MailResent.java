package org.convene.mail;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff resent a mail whose delivery was uncertain ({@code actor}: who); it goes out again under the same Message-ID.
 * {@code recipient}: {@code Name <address>} or the address; {@code messageId} with its angle brackets.
 */
@NamedInterface("events")
public record MailResent(String meetingCode, long mailId, String messageId, String recipient, String subject,
                 Instant occurredAt, String actor) implements MeetingEvent {
}
