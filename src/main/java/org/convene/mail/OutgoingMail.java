package org.convene.mail;

import java.util.List;

/**
 * A mail to write to the {@link Outbox}.
 *
 * @param key         what the mail is for, unique within the meeting and stable across retries
 *                    ({@code invitation-42}, {@code reminder-42-3}); with the meeting's code it makes
 *                    the Message-ID (a character a Message-ID cannot carry becomes {@code _})
 * @param meetingCode the meeting's code, e.g. {@code EM-2027-AMMAN}
 * @param to          the one recipient
 * @param subject     the subject, any length and script (shortened to fit, never cutting a character)
 * @param text        the plain-text body; never null
 * @param html        the HTML alternative (a whole document), or null for plain text only
 * @param calendar    the calendar entry, or null for none
 * @param attachments files attached; never null (empty for none)
 */
public record OutgoingMail(String key, String meetingCode, MailAddress to, String subject, String text,
                           String html, CalendarPart calendar, List<Attachment> attachments) {

    /** A plain-text mail with no HTML, calendar entry or attachment. */
    public static OutgoingMail plain(String key, String meetingCode, MailAddress to, String subject, String text) {
        return new OutgoingMail(key, meetingCode, to, subject, text, null, null, List.of());
    }
}
