package org.convene.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.workflow.MeetingHeadings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's mails as JSON: {@code GET /api/meetings/{code}/mails} with HTTP Basic (the API chain
 * answers 401 to an anonymous call and lets any known user through, so this controller refuses
 * everyone but staff and administrators with 403 before it says whether the meeting exists: 404).
 * Each mail: id, recipient ({@code Name <address>}), recipientAddress, subject, status (a
 * {@link MailStatus}), messageId (angle brackets included), createdAt and sentAt (ISO-8601 with
 * offset, sentAt null until the server accepted it), attempts, lastError (null when none).
 */
@RestController
class MailApi {

    /** One mail of the list. */
    record MailEntry(long id, String recipient, String recipientAddress, String subject, MailStatus status,
                     String messageId, OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts, String lastError) {
    }

    private final SignedInUser caller;
    private final MeetingHeadings meetings;
    private final Mails mails;

    MailApi(SignedInUser caller, MeetingHeadings meetings, Mails mails) {
        this.caller = caller;
        this.meetings = meetings;
        this.mails = mails;
    }

    @GetMapping("/api/meetings/{code}/mails")
    ResponseEntity<?> mails(@PathVariable String code) {
        if (!caller.readsMail()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message",
                    "A meeting's mails carry the invitees' signed links: they are open to convener staff and administrators only."));
        }
        if (meetings.find(code).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("message", "There is no meeting with the code " + code + "."));
        }
        List<MailEntry> entries = mails.of(code).stream()
                .map(m -> new MailEntry(m.id(), m.recipient(), m.to().address(), m.subject(), m.status(), m.messageId(),
                        m.createdAt(), m.sentAt(), m.attempts(), m.lastError()))
                .toList();
        return ResponseEntity.ok(Map.of("meetingCode", code, "mails", entries));
    }
}
