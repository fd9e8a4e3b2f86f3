package org.convene.meeting;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting's files to send or print: {@code /meetings/{code}/agenda.ics} (the agenda as a calendar,
 * {@link AgendaCalendar}). They are for staff, managers (who review the concept note and the agenda)
 * and administrators; others get the 403 page ({@code SecurityConfiguration}), an unknown code the
 * 404 page. Each comes as an attachment named after the meeting ({@code EM-2027-AMMAN-agenda.ics}).
 */
@Controller
class MeetingExports {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final AgendaCalendar agendaCalendar;

    MeetingExports(AgendaCalendar agendaCalendar) {
        this.agendaCalendar = agendaCalendar;
    }

    @GetMapping("/meetings/{code}/agenda.ics")
    ResponseEntity<byte[]> agendaCalendar(@PathVariable String code) {
        return download(code + "-agenda.ics", CALENDAR, agendaCalendar.ics(code).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file as an attachment: {@code attachment; filename="<name>"; filename*=UTF-8''<name>}, both
     * written by Spring's {@link ContentDisposition} (which, given a charset, would put an RFC 2047
     * word into the plain {@code filename}; the names here are ASCII, so that one stays plain).
     */
    static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] content) {
        String plain = ContentDisposition.attachment().filename(fileName).build().toString();
        String extended = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, plain + extended.substring(extended.indexOf("; filename*=")))
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
