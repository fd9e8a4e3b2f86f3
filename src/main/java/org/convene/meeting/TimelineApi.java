package org.convene.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convene.identity.ConveneGroups;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's timeline as JSON, with HTTP Basic (anonymous: 401); the groups are checked before
 * whether the meeting exists (403, then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/timeline} (staff, managers, reviewers, administrators):
 *     {@code {meetingCode, timeZone, milestones: [{milestone, label, daysBefore, defaultDaysBefore,
 *     moved, dueAt, sets}]}}; {@code dueAt} ISO-8601 with the venue's offset, {@code milestone} a
 *     {@link Milestone} name.</li>
 * <li>{@code PUT} the same address (staff and administrators) with {@code {daysBefore: {MILESTONE:
 *     days, ...}}}: the milestones given are moved ({@link MeetingTimeline#move}), the others stay.
 *     Answers the timeline as stored (200), or 400 with {@code message} and {@code fieldErrors} keyed by
 *     milestone, nothing stored.</li>
 * </ul>
 */
@RestController
class TimelineApi {

    private static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};

    private final SignedInUser caller;
    private final Meetings meetings;
    private final MeetingTimeline timeline;
    private final ObjectMapper json;

    TimelineApi(SignedInUser caller, Meetings meetings, MeetingTimeline timeline, ObjectMapper json) {
        this.caller = caller;
        this.meetings = meetings;
        this.timeline = timeline;
        this.json = json;
    }

    @GetMapping(path = "/api/meetings/{code}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String code) {
        if (Stream.of(READERS).noneMatch(caller::inGroup)) {
            return message(HttpStatus.FORBIDDEN, "A meeting's timeline is open to staff, managers, reviewers and "
                    + "administrators.");
        }
        return meetings.find(code).<ResponseEntity<?>>map(m -> ResponseEntity.ok(body(m, timeline.of(code))))
                .orElseGet(() -> message(HttpStatus.NOT_FOUND, new MeetingNotFoundException(code).getMessage()));
    }

    @PutMapping(path = "/api/meetings/{code}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> move(@PathVariable String code, @RequestBody(required = false) String body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Only staff and administrators move a meeting's timeline.");
        }
        Meeting meeting = meetings.find(code).orElse(null);
        if (meeting == null) {
            return message(HttpStatus.NOT_FOUND, new MeetingNotFoundException(code).getMessage());
        }
        JsonNode days;
        try {
            days = body == null || body.isBlank() ? null : json.readTree(body).get("daysBefore");
        } catch (JsonProcessingException e) {
            days = null;
        }
        if (days == null || !days.isObject()) {
            return message(HttpStatus.BAD_REQUEST, "Send {\"daysBefore\": {\"INVITATIONS_OUT\": 56, ...}}: each "
                    + "milestone to move with its days before the meeting's first session.");
        }
        Map<String, Integer> moves = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        days.fields().forEachRemaining(e -> {
            if (e.getValue().canConvertToExactIntegral() && e.getValue().canConvertToInt()) {
                moves.put(e.getKey(), e.getValue().asInt());
            } else {
                errors.put(e.getKey(), "Give a whole number of days.");
            }
        });
        try {
            if (!errors.isEmpty()) {
                throw new ChangeRefused(errors);
            }
            return ResponseEntity.ok(body(meeting, timeline.move(code, moves, caller.id())));
        } catch (ChangeRefused refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", "Nothing was saved: " + refused.getMessage(),
                            "fieldErrors", refused.fieldErrors()));
        }
    }

    private static Map<String, Object> body(Meeting meeting, List<MeetingTimeline.Entry> entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", meeting.code());
        body.put("timeZone", meeting.timeZone().getId());
        body.put("milestones", entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("milestone", e.milestone().name());
            m.put("label", e.milestone().label());
            m.put("daysBefore", e.daysBefore());
            m.put("defaultDaysBefore", e.milestone().defaultDaysBefore());
            m.put("moved", e.moved());
            m.put("dueAt", e.dueAt().toOffsetDateTime().toString());
            m.put("sets", e.milestone().sets());
            return m;
        }).toList());
        return body;
    }

    private static ResponseEntity<?> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
