package org.convene.mail;

/**
 * A calendar entry sent with a mail: {@code method} the iTIP method, {@code REQUEST} (an invitation
 * or its update) or {@code CANCEL}; {@code ics} a whole {@code VCALENDAR} text (RFC 5545, lines
 * folded, CRLF) whose {@code METHOD} is the same. It goes out as the {@code text/calendar} alternative
 * that calendar programs read, and as the attachment {@code invite.ics}.
 */
public record CalendarPart(String method, String ics) {
}
