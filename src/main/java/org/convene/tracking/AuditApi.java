package org.convene.tracking;

import java.util.List;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.meeting.Meetings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's audit trail as JSON, for programs: {@code GET /api/meetings/{code}/audit} with
 * HTTP Basic (the API's filter chain answers 401 to an anonymous call). The chain lets any
 * known user through, so this controller refuses everyone but managers and administrators (403)
 * before it says whether the meeting exists (404).
 */
@RestController
class AuditApi {

    private final SignedInUser caller;
    private final Meetings meetings;
    private final AuditTrail auditTrail;

    AuditApi(SignedInUser caller, Meetings meetings, AuditTrail auditTrail) {
        this.caller = caller;
        this.meetings = meetings;
        this.auditTrail = auditTrail;
    }

    @GetMapping("/api/meetings/{code}/audit")
    ResponseEntity<?> audit(@PathVariable String code) {
        if (!caller.readsAudit()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("message", "A meeting's audit trail is open to managers and administrators only."));
        }
        if (meetings.find(code).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("message", "There is no meeting with the code " + code + "."));
        }
        List<AuditEntry> entries = auditTrail.of(code);
        return ResponseEntity.ok(Map.of("meetingCode", code, "entries", entries));
    }
}
