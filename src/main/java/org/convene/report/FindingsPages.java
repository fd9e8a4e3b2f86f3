package org.convene.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * A meeting's findings: the page {@code /meetings/{code}/findings} (filtered by working group,
 * question and word: {@code ?workingGroup=WG1&question=3&q=funding}), the same list as CSV
 * ({@code /meetings/{code}/findings.csv}, UTF-8 with a byte-order mark for Excel) for everyone who
 * reads meetings, and as JSON ({@code GET /api/meetings/{code}/findings} with the same parameters,
 * HTTP Basic; staff, managers, reviewers, administrators): {@code {meetingCode, workingGroup,
 * question, q, findings: [{workingGroupCode, workingGroupTitle, id, question, questionText, text,
 * arrangements: {id: name}, fromPlenary, illustrative, reportStage}]}}; an unknown working group or a
 * question that is no number answers 400 naming the parameter, an unknown meeting 404.
 */
@Controller
class FindingsPages {

    static final String[] HEADER = {"Finding", "Working group", "Question", "Question text", "Finding text",
        "Refers to", "From plenary", "Illustrative", "Report"};

    private final MeetingFindings findings;
    private final WorkingGroupReports reports;
    private final SignedInUser caller;

    FindingsPages(MeetingFindings findings, WorkingGroupReports reports, SignedInUser caller) {
        this.findings = findings;
        this.reports = reports;
        this.caller = caller;
    }

    @GetMapping("/meetings/{code}/findings")
    String page(@PathVariable String code, @RequestParam(required = false) String workingGroup,
                @RequestParam(required = false) Integer question, @RequestParam(required = false) String q, Model model,
                HttpServletResponse response) {
        MeetingFindings.Filter filter = new MeetingFindings.Filter(blank(workingGroup), question, q);
        model.addAttribute("meetingCode", code);
        model.addAttribute("reports", reports.ofMeeting(code));
        model.addAttribute("filter", filter);
        try {
            model.addAttribute("findings", findings.list(code, filter));
        } catch (ChangeRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", String.join(" ", refused.fieldErrors().values()));
            model.addAttribute("findings", List.of());
        }
        return "reports/findings";
    }

    @GetMapping("/meetings/{code}/findings.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String workingGroup,
                               @RequestParam(required = false) Integer question, @RequestParam(required = false) String q) {
        List<MeetingFindings.Listed> list = findings.list(code, new MeetingFindings.Filter(blank(workingGroup), question, q));
        return Downloads.attachment("findings-" + code + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                csv(list));
    }

    @GetMapping(path = "/api/meetings/{code}/findings", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> api(@PathVariable String code, @RequestParam(required = false) String workingGroup,
                          @RequestParam(required = false) String question, @RequestParam(required = false) String q) {
        if (Stream.of(ReportApi.READERS).noneMatch(caller::inGroup)) {
            return ReportApi.message(HttpStatus.FORBIDDEN, "A meeting's findings are open to staff, managers, reviewers "
                    + "and administrators.");
        }
        Integer number = null;
        if (question != null && !question.isBlank()) {
            if (!question.strip().matches("\\d{1,3}")) {
                return ReportApi.message(HttpStatus.BAD_REQUEST, "question: the question is its number, 1 for the first, not '"
                        + question + "'.");
            }
            number = Integer.parseInt(question.strip());
        }
        try {
            MeetingFindings.Filter filter = new MeetingFindings.Filter(blank(workingGroup), number, q);
            List<MeetingFindings.Listed> list = findings.list(code, filter);
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("meetingCode", code);
            body.put("workingGroup", filter.workingGroup());
            body.put("question", filter.question());
            body.put("q", q);
            body.put("findings", list);
            return ResponseEntity.ok(body);
        } catch (ReportNotFoundException e) {
            return ReportApi.message(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ChangeRefused refused) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", refused.getMessage(), "fieldErrors", refused.fieldErrors()));
        }
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ModelAndView notFound(ReportNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ChangeRefused.class)
    ModelAndView refused(ChangeRefused e) {
        return new ModelAndView("error/400", Map.of("message", String.join(" ", e.fieldErrors().values())),
                HttpStatus.BAD_REQUEST);
    }

    static byte[] csv(List<MeetingFindings.Listed> list) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            printer.printRecord((Object[]) HEADER);
            for (MeetingFindings.Listed f : list) {
                printer.printRecord(f.id(), f.workingGroupCode(), f.question(), safe(f.questionText()), safe(f.text()),
                        String.join("; ", f.arrangements().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()),
                        f.fromPlenary() ? "yes" : "no", f.illustrative() ? "yes" : "no", f.reportStage().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A cell Excel would read as a formula starts with an apostrophe. */
    private static String safe(String value) {
        return value == null || value.isEmpty() ? "" : "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
