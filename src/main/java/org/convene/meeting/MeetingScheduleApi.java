package org.convene.meeting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's schedule as JSON, with HTTP Basic: {@code GET /api/meetings/{code}/schedule} (any
 * user of the app), {@code PUT} the same with {@code {"firstDay": "2027-03-01", "place": "...",
 * "timeZone": "Asia/Amman", "reason": "..."}} (staff and administrators; a missing field keeps its
 * value), and {@code POST /api/meetings/{code}/cancellation} with {@code {"reason": "..."}} (staff,
 * managers and administrators). Answers 403 to others before saying whether the meeting exists, 404
 * for an unknown code, 422 with {@code message} and {@code fieldErrors} for a refused change.
 */
@RestController
class MeetingScheduleApi {

    record ScheduleBody(String firstDay, String place, String timeZone, String reason) {
    }

    record CancellationBody(String reason) {
    }

    private final SignedInUser caller;
    private final Meetings meetings;
    private final MeetingSchedules schedules;

    MeetingScheduleApi(SignedInUser caller, Meetings meetings, MeetingSchedules schedules) {
        this.caller = caller;
        this.meetings = meetings;
        this.schedules = schedules;
    }

    @GetMapping("/api/meetings/{code}/schedule")
    ResponseEntity<?> schedule(@PathVariable String code) {
        return meetings.find(code).<ResponseEntity<?>>map(meeting -> ResponseEntity.ok(body(meeting)))
                .orElseGet(() -> notFound(code));
    }

    @PutMapping("/api/meetings/{code}/schedule")
    ResponseEntity<?> reschedule(@PathVariable String code, @RequestBody(required = false) ScheduleBody body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Only staff move a meeting.");
        }
        if (meetings.find(code).isEmpty()) {
            return notFound(code);
        }
        if (body == null) {
            return message(HttpStatus.BAD_REQUEST, "Send the new schedule as JSON: firstDay (YYYY-MM-DD), place, "
                    + "timeZone, reason; a missing field keeps its value.");
        }
        try {
            Meeting moved = schedules.reschedule(code, new MeetingSchedules.NewSchedule(body.firstDay(), body.place(),
                    body.timeZone(), body.reason()), caller.id());
            return ResponseEntity.ok(body(moved));
        } catch (ChangeRefused refused) {
            return refused(refused);
        }
    }

    @PostMapping("/api/meetings/{code}/cancellation")
    ResponseEntity<?> cancel(@PathVariable String code, @RequestBody(required = false) CancellationBody body) {
        if (!caller.cancelsMeetings()) {
            return message(HttpStatus.FORBIDDEN, "Only staff and managers cancel a meeting.");
        }
        if (meetings.find(code).isEmpty()) {
            return notFound(code);
        }
        try {
            schedules.cancel(code, body == null ? null : body.reason(), caller.id());
            return ResponseEntity.ok(body(meetings.get(code)));
        } catch (ChangeRefused refused) {
            return refused(refused);
        }
    }

    private Map<String, Object> body(Meeting meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", meeting.code());
        body.put("title", meeting.title());
        body.put("place", meeting.place());
        body.put("timeZone", meeting.timeZone().getId());
        body.put("firstDay", meeting.firstDay().toString());
        body.put("lastDay", meeting.lastDay().toString());
        body.put("numberOfDays", meeting.numberOfDays());
        schedules.cancellation(meeting.code()).ifPresent(c -> body.put("cancellation", Map.of("reason", c.reason(),
                "cancelledAt", c.cancelledAt().toString(), "cancelledBy", String.valueOf(c.cancelledBy()))));
        return body;
    }

    private static ResponseEntity<?> refused(ChangeRefused refused) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(Map.of("message", refused.getMessage(), "fieldErrors", refused.fieldErrors()));
    }

    private static ResponseEntity<?> notFound(String code) {
        return message(HttpStatus.NOT_FOUND, new MeetingNotFoundException(code).getMessage());
    }

    private static ResponseEntity<?> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
