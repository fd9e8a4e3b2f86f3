package org.convene.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the MIME message of an outbox mail. The structure calendar programs and mail clients
 * read (Outlook takes the invitation from the {@code text/calendar} alternative beside the HTML):
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/html; charset=UTF-8                        (when there is HTML)
 *     text/calendar; charset=UTF-8; method=REQUEST    (when there is a calendar entry)
 *   the attachments, in order
 *   invite.ics (application/ics)                      (the calendar entry again, for clients that read only attachments)
 * </pre>
 * A mail with plain text only is a single {@code text/plain} part. Names and subject are
 * RFC 2047-encoded in UTF-8 where they need it, and a display name with a comma is quoted.
 * The Message-ID is the stored one (Spring's sender keeps an explicit Message-ID).
 */
final class MailMessages {

    static final String CALENDAR_FILE_NAME = "invite.ics";

    private MailMessages() {
    }

    /**
     * @param message an empty message of the sender's session ({@code JavaMailSender.createMimeMessage()})
     * @param attachments the mail's attachments with their bytes, in order
     * @param from    the sender, e.g. {@code Convene secretariat <secretariat@convene.example>}
     * @throws MessagingException when an address cannot be used (the message is not sendable)
     */
    static MimeMessage build(MimeMessage message, StoredMail mail, List<Attachment> attachments, InternetAddress from,
                             Date sentAt) throws MessagingException {
        MimeMessageHelper headers = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        headers.setFrom(from);
        headers.setTo(address(mail.to()));
        headers.setSubject(mail.subject());
        headers.setSentDate(sentAt);
        message.setHeader("Message-ID", mail.messageId());

        if (mail.html() == null && mail.calendar() == null && attachments.isEmpty()) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            return message;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        alternative.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        if (mail.calendar() != null) {
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    mail.calendar().ics().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + mail.calendar().method())));
            alternative.addBodyPart(calendar);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (Attachment attachment : attachments) {
            mixed.addBodyPart(file(attachment.fileName(), attachment.contentType(), attachment.content()));
        }
        if (mail.calendar() != null) {
            mixed.addBodyPart(file(CALENDAR_FILE_NAME, "application/ics",
                    mail.calendar().ics().getBytes(StandardCharsets.UTF_8)));
        }
        message.setContent(mixed);
        return message;
    }

    private static MimeBodyPart file(String fileName, String contentType, byte[] content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    /** The address with its display name (may be null), which is RFC 2047-encoded in UTF-8 when it needs it and quoted when it has a comma. */
    static InternetAddress address(MailAddress address) {
        try {
            return new InternetAddress(address.address(), address.displayName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
