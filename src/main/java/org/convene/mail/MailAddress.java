package org.convene.mail;

/**
 * Who a mail goes to: {@code address} a plain e-mail address ({@code renee.muller@example.org}, never
 * null), {@code displayName} the name shown beside it ({@code Dr. Renée Müller}, any script, commas
 * allowed: it is quoted and RFC 2047-encoded when the mail is built), or null for none.
 */
public record MailAddress(String address, String displayName) {
}
