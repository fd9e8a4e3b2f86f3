package org.convene.framework;

import java.util.Map;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.workflow.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Common Framework as a file: {@code /meetings/{code}/framework.pdf} and {@code .docx}
 * ({@link CommonFrameworkPrints}: the framework and its traceability annex), an attachment named
 * {@code EM-2027-AMMAN-common-framework.pdf}; for everyone who reads meetings; 404 for an unknown meeting.
 */
@Controller
class CommonFrameworkExports {

    static final MediaType DOCX = MediaType.parseMediaType(CommonFrameworkPublication.DOCX);

    private final CommonFrameworkPrints prints;

    CommonFrameworkExports(CommonFrameworkPrints prints) {
        this.prints = prints;
    }

    @GetMapping("/meetings/{code}/framework.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        return Downloads.attachment(CommonFrameworkPrints.fileName(code) + ".pdf", MediaType.APPLICATION_PDF, prints.pdf(code));
    }

    @GetMapping("/meetings/{code}/framework.docx")
    ResponseEntity<byte[]> docx(@PathVariable String code) {
        return Downloads.attachment(CommonFrameworkPrints.fileName(code) + ".docx", DOCX, prints.docx(code));
    }

    @ExceptionHandler(MeetingNotFoundException.class)
    ModelAndView notFound(MeetingNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }
}
