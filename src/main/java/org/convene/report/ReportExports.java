package org.convene.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.HttpStatus;
import java.util.Map;

/**
 * A working group's report to print or send: {@code /meetings/{code}/working-groups/{wg}/report.pdf}
 * and {@code .docx}, laid out by the document module's exports (title, the meeting, the stage and
 * version, then the report question by question as {@link ReportText} writes it). Without a
 * parameter the report as it stands (once presented: with the plenary's findings); with
 * {@code ?version=N} the version kept as N exactly as it was kept — the version the chair signed is
 * the last one sent to the chair ({@link WorkingGroupReports#validatedVersion}). An attachment named
 * {@code EM-2027-AMMAN-WG1-report.pdf} ({@code -v2.pdf} for a version); for everyone who reads
 * meetings. An unknown meeting, working group or version answers 404 with a message.
 */
@Controller
class ReportExports {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final DateTimeFormatter KEPT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final WorkingGroupReports reports;
    private final Meetings meetings;
    private final DocumentExports exports;

    ReportExports(WorkingGroupReports reports, Meetings meetings, DocumentExports exports) {
        this.reports = reports;
        this.meetings = meetings;
        this.exports = exports;
    }

    @GetMapping("/meetings/{code}/working-groups/{wg}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable String wg,
                               @RequestParam(required = false) Integer version) {
        return file(code, wg, version, ".pdf", MediaType.APPLICATION_PDF, exports::pdf);
    }

    @GetMapping("/meetings/{code}/working-groups/{wg}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable String code, @PathVariable String wg,
                                @RequestParam(required = false) Integer version) {
        return file(code, wg, version, ".docx", DOCX, exports::docx);
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ModelAndView notFound(ReportNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    /** The report as it stands, laid out for print. */
    PrintedDocument printed(WorkingGroupReport report) {
        return printed(report, "Report " + report.stage().label()
                + (report.version() == 0 ? "" : ", version " + report.version()));
    }

    private PrintedDocument printed(WorkingGroupReport report, String state) {
        Meeting meeting = meetings.get(report.meetingCode());
        List<String> subtitle = new ArrayList<>();
        subtitle.add(meeting.title());
        subtitle.add(meeting.place() + " · " + meeting.datesLabel());
        subtitle.add(state);
        return new PrintedDocument(report.title(), subtitle,
                List.of(new PrintedDocument.Markdown(ReportText.markdown(report))),
                report.meetingCode() + " · " + report.workingGroupCode());
    }

    /** A kept version laid out for print, saying what it was kept as and, for the signed one, that the chair signed it. */
    private PrintedDocument printed(WorkingGroupReports.Version kept, boolean signed) {
        String state = "Version " + kept.version() + (kept.stage() == ReportStage.PRESENTED ? ", as presented in plenary"
                : signed ? ", as validated by the chair" : ", as sent to the chair")
                + " on " + KEPT.format(kept.savedAt()) + " UTC";
        return printed(kept.report(), state);
    }

    private ResponseEntity<byte[]> file(String code, String wg, Integer version, String extension, MediaType type,
                                        Function<PrintedDocument, byte[]> format) {
        WorkingGroupReport report = reports.get(code, wg);
        String name = report.meetingCode() + "-" + report.workingGroupCode() + "-report";
        if (version == null) {
            return Downloads.attachment(name + extension, type, format.apply(printed(report)));
        }
        List<WorkingGroupReports.Version> versions = reports.versions(code, wg);
        WorkingGroupReports.Version kept = versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> ReportNotFoundException.noVersion(code, wg, version, versions.size()));
        boolean signed = reports.validatedVersion(code, wg).map(v -> v.version() == version).orElse(false);
        return Downloads.attachment(name + "-v" + version + extension, type, format.apply(printed(kept, signed)));
    }
}
