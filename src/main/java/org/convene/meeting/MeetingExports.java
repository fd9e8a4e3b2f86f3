package org.convene.meeting;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.convene.document.DocumentExports;
import org.convene.document.PrintedDocument;
import org.convene.workflow.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A meeting's files to send or print: {@code /meetings/{code}/concept-note.pdf} and {@code .docx}
 * (the approved version, else the latest draft), {@code /meetings/{code}/agenda.pdf}, {@code .docx}
 * (laid out by {@link MeetingPrints}, written by the document module's {@link DocumentExports}) and
 * {@code agenda.ics} (the agenda as a calendar, {@link AgendaCalendar}). They are for staff, managers
 * (who review the concept note and the agenda) and administrators; others get the 403 page
 * ({@code SecurityConfiguration}), an unknown code or a meeting with no concept note yet the 404 page.
 * Each comes as an attachment named after the meeting ({@code EM-2027-AMMAN-agenda.pdf}).
 */
@Controller
class MeetingExports {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** A meeting with no concept note drafted yet: nothing to print (404). */
    static final class NoConceptNote extends RuntimeException {
        NoConceptNote(String meetingCode) {
            super("Meeting " + meetingCode + " has no concept note yet: it is printed once a first version is drafted.");
        }
    }

    private final AgendaCalendar agendaCalendar;
    private final MeetingPrints prints;
    private final DocumentExports exports;

    MeetingExports(AgendaCalendar agendaCalendar, MeetingPrints prints, DocumentExports exports) {
        this.agendaCalendar = agendaCalendar;
        this.prints = prints;
        this.exports = exports;
    }

    @GetMapping("/meetings/{code}/concept-note.pdf")
    ResponseEntity<byte[]> conceptNotePdf(@PathVariable String code) {
        return Downloads.attachment(code + "-concept-note.pdf", MediaType.APPLICATION_PDF, conceptNote(code, exports::pdf));
    }

    @GetMapping("/meetings/{code}/concept-note.docx")
    ResponseEntity<byte[]> conceptNoteDocx(@PathVariable String code) {
        return Downloads.attachment(code + "-concept-note.docx", DOCX, conceptNote(code, exports::docx));
    }

    @GetMapping("/meetings/{code}/agenda.pdf")
    ResponseEntity<byte[]> agendaPdf(@PathVariable String code) {
        return Downloads.attachment(code + "-agenda.pdf", MediaType.APPLICATION_PDF, exports.pdf(prints.agenda(code)));
    }

    @GetMapping("/meetings/{code}/agenda.docx")
    ResponseEntity<byte[]> agendaDocx(@PathVariable String code) {
        return Downloads.attachment(code + "-agenda.docx", DOCX, exports.docx(prints.agenda(code)));
    }

    @GetMapping("/meetings/{code}/agenda.ics")
    ResponseEntity<byte[]> agendaCalendar(@PathVariable String code) {
        return Downloads.attachment(code + "-agenda.ics", CALENDAR, agendaCalendar.ics(code).getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(NoConceptNote.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noConceptNote(NoConceptNote e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error/404";
    }

    private byte[] conceptNote(String code, Function<PrintedDocument, byte[]> format) {
        return format.apply(prints.conceptNote(code).orElseThrow(() -> new NoConceptNote(code)));
    }

}
