package org.convene.mail;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff marked a mail whose delivery was uncertain as sent ({@code actor}: who), e.g. after the invitee confirmed having it.
 * {@code recipient}: {@code Name <address>} or the address; {@code messageId} with its angle brackets.
 */
@NamedInterface("events")
public record MailMarkedSent(String meetingCode, long mailId, String messageId, String recipient, String subject,
                 Instant occurredAt, String actor) implements MeetingEvent {
}
