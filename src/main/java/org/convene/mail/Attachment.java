package org.convene.mail;

/**
 * A file attached to a mail: {@code fileName} as the recipient sees it ({@code concept-note.pdf}),
 * {@code contentType} a MIME type ({@code application/pdf}), {@code content} its bytes. Stored with
 * the mail in the outbox, so keep it to documents of a few megabytes.
 */
public record Attachment(String fileName, String contentType, byte[] content) {
}
