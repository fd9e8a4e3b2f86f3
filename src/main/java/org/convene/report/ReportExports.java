package org.convene.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.convene.document.DocumentExports;
import org.convene.document.PrintedDocument;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.workflow.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.HttpStatus;
import java.util.Map;

/**
 * A working group's report as it stands, to print or send: {@code /meetings/{code}/working-groups/{wg}/report.pdf}
 * and {@code .docx}, laid out by the document module's exports (title, the meeting, the stage and
 * version, then the report question by question as {@link ReportText} writes it). An attachment
 * named {@code EM-2027-AMMAN-WG1-report.pdf}; for everyone who reads meetings.
 */
@Controller
class ReportExports {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final WorkingGroupReports reports;
    private final Meetings meetings;
    private final DocumentExports exports;

    ReportExports(WorkingGroupReports reports, Meetings meetings, DocumentExports exports) {
        this.reports = reports;
        this.meetings = meetings;
        this.exports = exports;
    }

    @GetMapping("/meetings/{code}/working-groups/{wg}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable String wg) {
        return file(code, wg, ".pdf", MediaType.APPLICATION_PDF, exports::pdf);
    }

    @GetMapping("/meetings/{code}/working-groups/{wg}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable String code, @PathVariable String wg) {
        return file(code, wg, ".docx", DOCX, exports::docx);
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ModelAndView notFound(ReportNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    /** The report laid out for print. */
    PrintedDocument printed(WorkingGroupReport report) {
        Meeting meeting = meetings.get(report.meetingCode());
        List<String> subtitle = new ArrayList<>();
        subtitle.add(meeting.title());
        subtitle.add(meeting.place() + " · " + meeting.datesLabel());
        subtitle.add("Report " + report.stage().label() + (report.version() == 0 ? "" : ", version " + report.version()));
        return new PrintedDocument(report.title(), subtitle,
                List.of(new PrintedDocument.Markdown(ReportText.markdown(report))),
                report.meetingCode() + " · " + report.workingGroupCode());
    }

    private ResponseEntity<byte[]> file(String code, String wg, String extension, MediaType type,
                                        Function<PrintedDocument, byte[]> format) {
        WorkingGroupReport report = reports.get(code, wg);
        String name = report.meetingCode() + "-" + report.workingGroupCode() + "-report" + extension;
        return Downloads.attachment(name, type, format.apply(printed(report)));
    }
}
