package org.convene.invitation;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.identity.SignedInUser;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's participant list for programs, with HTTP Basic (the API's filter chain answers 401
 * to an anonymous call); this controller checks the groups itself, before it says whether the
 * meeting exists (403, then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/participants}: the list and the reserve list as JSON, every
 *     field and the invitation's status; for staff, managers, reviewers and administrators.</li>
 * <li>{@code POST /api/meetings/{code}/participants} with a {@code text/csv} body (the secretariat's
 *     spreadsheet as Excel saves it, see {@link ParticipantSpreadsheet}): adds the rows that pass the
 *     checks and answers {@code {added: [...], refused: [{row, reason}]}} (200); with
 *     {@code ?dryRun=true} stores nothing and answers what it would do. For staff and administrators.
 *     The body's bytes decide its charset (a byte-order mark, else strict UTF-8, else Windows-1252),
 *     not a {@code charset} parameter, which clients add by habit (RestTemplate says ISO-8859-1 for
 *     any text). A body that is no CSV at all, or whose first row names no usable columns, gets 400
 *     with a message; another content type 415; a body over {@value #MAX_BYTES} bytes 413.</li>
 * </ul>
 */
@RestController
class ParticipantApi {

    /** 2 MB: some ten thousand rows, far more than a meeting's list. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "text/comma-separated-values", "text/tab-separated-values", "application/vnd.ms-excel");

    /**
     * A participant as the API shows it: title label (may be null), name, organisation, category
     * code and label, e-mail (lower case), country and language (may be null), role label, list
     * ("participant" or "reserve"), invitation status (null until invited, else SENT, ACCEPTED,
     * DECLINED or LAPSED).
     */
    record ParticipantJson(long id, String title, String name, String organisation, String category,
                           String categoryLabel, String email, String country, String language, String role,
                           String list, InvitationStatus invitationStatus) {

        static ParticipantJson of(Participants.Participant p) {
            return new ParticipantJson(p.id(), p.title() == null ? null : p.title().label(), p.name(), p.organisation(),
                    p.category().name(), p.category().label(), p.email(), p.country(), p.language(), p.role().label(),
                    p.reserve() ? "reserve" : "participant", p.invitationStatus());
        }
    }

    private final SignedInUser caller;
    private final Meetings meetings;
    private final Participants participants;
    private final ParticipantImport participantImport;

    ParticipantApi(SignedInUser caller, Meetings meetings, Participants participants, ParticipantImport participantImport) {
        this.caller = caller;
        this.meetings = meetings;
        this.participants = participants;
        this.participantImport = participantImport;
    }

    @GetMapping(path = "/api/meetings/{code}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@PathVariable String code) {
        if (!caller.readsParticipants()) {
            return refuse(HttpStatus.FORBIDDEN, "A meeting's participant list (names, addresses, needs) is open to staff, "
                    + "managers and administrators only.");
        }
        if (meetings.find(code).isEmpty()) {
            return notFound(code);
        }
        List<ParticipantJson> list = participants.list(code).stream().map(ParticipantJson::of).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", code);
        body.put("participants", list);
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = "/api/meetings/{code}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importCsv(@PathVariable String code, @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestHeader(name = "Content-Type", required = false) String contentType,
                                InputStream body) throws IOException {
        if (!caller.canEdit()) {
            return refuse(HttpStatus.FORBIDDEN, "Only staff and administrators add participants to a meeting's list.");
        }
        if (meetings.find(code).isEmpty()) {
            return notFound(code);
        }
        if (!isCsv(contentType)) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the participant list as CSV with Content-Type: "
                    + "text/csv (got " + (contentType == null ? "none" : contentType) + ").");
        }
        byte[] file = body.readNBytes(MAX_BYTES + 1);
        if (file.length > MAX_BYTES) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than " + MAX_BYTES / 1024 / 1024
                    + " MB; a participant list is far smaller. Send one meeting's list.");
        }
        ParticipantImport.Result result;
        try {
            result = dryRun ? participantImport.preview(code, file) : participantImport.add(code, file);
        } catch (ChangeRefused refused) {
            return refuse(HttpStatus.BAD_REQUEST, String.join(" ", refused.fieldErrors().values()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meetingCode", code);
        answer.put("dryRun", dryRun);
        answer.put("added", result.added());
        answer.put("refused", result.refused());
        answer.put("ignoredColumns", result.ignoredColumns());
        return ResponseEntity.ok(answer);
    }

    private static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return CSV_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (IllegalArgumentException notAType) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, String>> notFound(String code) {
        return refuse(HttpStatus.NOT_FOUND, "There is no meeting with the code " + code + ".");
    }

    private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
