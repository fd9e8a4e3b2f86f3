package org.convene.tracking;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.meeting.Meetings;
import org.convene.workflow.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting's audit trail as a page and as a CSV download. Spring Security lets only managers
 * and administrators reach them (identity's SecurityConfiguration); an unknown code gets the
 * 404 page.
 */
@Controller
class AuditPages {

    private final Meetings meetings;
    private final AuditTrail auditTrail;

    AuditPages(Meetings meetings, AuditTrail auditTrail) {
        this.meetings = meetings;
        this.auditTrail = auditTrail;
    }

    @GetMapping("/meetings/{code}/audit")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        List<AuditEntry> entries = auditTrail.of(code);
        model.addAttribute("entries", entries);
        model.addAttribute("engineCount", entries.stream().filter(AuditEntry::engineHistory).count());
        return "tracking/audit";
    }

    @GetMapping("/meetings/{code}/audit.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        byte[] body = AuditCsv.of(auditTrail.of(code)).getBytes(StandardCharsets.UTF_8);
        return Downloads.attachment("audit-" + code + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8), body);
    }
}
