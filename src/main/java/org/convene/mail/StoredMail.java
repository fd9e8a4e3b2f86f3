package org.convene.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An outbox mail as stored: what {@link OutgoingMail} gave, its Message-ID (angle brackets
 * included) and where its delivery stands. Times are UTC offsets as the database returns them;
 * {@code claimedAt} is when a node last began sending it, {@code sentAt} when the server accepted
 * it (null until then).
 */
public record StoredMail(long id, String messageId, String meetingCode, MailAddress to, String subject, String text,
                         String html, CalendarPart calendar, List<StoredAttachment> attachments, MailStatus status,
                         int attempts, String lastError, String claimedBy, OffsetDateTime createdAt,
                         OffsetDateTime claimedAt, OffsetDateTime sentAt) {

    /** An attachment's description (the bytes: {@link Mails#attachment}). {@code size} in bytes. */
    public record StoredAttachment(int partNo, String fileName, String contentType, int size) {
    }

    /** {@code Dr. Renée Müller <renee@example.org>}, or the address alone. */
    public String recipient() {
        return to.displayName() == null || to.displayName().isBlank() ? to.address()
                : to.displayName() + " <" + to.address() + ">";
    }
}
