package org.convene.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convene.identity.ConveneGroups;
import org.convene.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's attendance as JSON, day by day, with HTTP Basic (anonymous: 401): {@code GET
 * /api/meetings/{code}/attendance} for staff, managers, reviewers and administrators (who read the
 * registers' pages); the groups are checked before whether the meeting exists (403, then 404).
 * Answers {@code {meetingCode, timeZone, days: [{day, date, present, absent, walkIns, unmarked,
 * people: [{participantId, name, organisation, category, present, walkIn}]}]}}: {@code date}
 * {@code YYYY-MM-DD} in the venue's calendar; the figures as {@link AttendanceRegister#count} gives
 * them (a confirmed participant not marked yet counts as present); {@code participantId} null and
 * {@code walkIn} true for a walk-in; {@code present} null while a confirmed participant is not marked.
 */
@RestController
class AttendanceApi {

    private static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};

    private final SignedInUser caller;
    private final Meetings meetings;
    private final AttendanceRegister register;

    AttendanceApi(SignedInUser caller, Meetings meetings, AttendanceRegister register) {
        this.caller = caller;
        this.meetings = meetings;
        this.register = register;
    }

    @GetMapping(path = "/api/meetings/{code}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> attendance(@PathVariable String code) {
        if (Stream.of(READERS).noneMatch(caller::inGroup)) {
            return message(HttpStatus.FORBIDDEN, "A meeting's attendance is open to staff, managers, reviewers and "
                    + "administrators.");
        }
        return meetings.find(code).map(meeting -> ResponseEntity.ok(body(meeting)))
                .orElseGet(() -> message(HttpStatus.NOT_FOUND, new MeetingNotFoundException(code).getMessage()));
    }

    private Map<String, Object> body(Meeting meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", meeting.code());
        body.put("timeZone", meeting.timeZone().getId());
        body.put("days", java.util.stream.IntStream.rangeClosed(1, meeting.numberOfDays())
                .mapToObj(day -> day(meeting, day)).toList());
        return body;
    }

    private Map<String, Object> day(Meeting meeting, int day) {
        List<AttendanceRegister.Line> lines = register.day(meeting.code(), day);
        AttendanceRegister.Count count = register.count(meeting.code(), day);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("day", day);
        body.put("date", meeting.firstDay().plusDays(day - 1L).toString());
        body.put("present", count.present());
        body.put("absent", count.absent());
        body.put("walkIns", count.walkIns());
        body.put("unmarked", count.unmarked());
        body.put("people", lines.stream().map(line -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("participantId", line.participantId());
            person.put("name", line.name());
            person.put("organisation", line.organisation());
            person.put("category", line.category());
            person.put("present", line.present());
            person.put("walkIn", line.walkIn());
            return person;
        }).toList());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
