package org.convene.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
 * A meeting's agenda as JSON, with HTTP Basic (the API's filter chain answers 401 to an anonymous
 * call); this controller checks the groups itself, before it says whether the meeting exists (403,
 * then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/agenda}: for staff, managers, reviewers and administrators
 *     (who read the agenda page). {@code {meetingCode, timeZone, days: [{day, date}], sessions: [{id,
 *     day, startsAt, endsAt, kind, title, room, workingGroup}], workingGroups: [{code, title, day,
 *     chairName, chairUserId, rapporteurName, questions: [...]}], missingRapporteurs: [...]}}; times
 *     {@code HH:MM} in the venue's time zone, dates {@code YYYY-MM-DD}, kind a {@link SessionKind} name.</li>
 * <li>{@code PUT} the same address with {@code {sessions: [...], workingGroups: [...]}} in that shape
 *     (staff and administrators): the whole agenda replaced at once ({@link Agendas#replace}): a session
 *     sent with its {@code id} is changed and keeps it, one without is added, a stored one left out is
 *     removed; every working group is sent once by code (theme and questions required; {@code day} is
 *     not changed here). Answers the agenda as stored (200), or 400 with {@code message} and
 *     {@code fieldErrors} ({@code "sessions[3].endsAt": "..."}) and nothing stored.</li>
 * </ul>
 */
@RestController
class AgendaApi {

    private static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};

    private final SignedInUser caller;
    private final Meetings meetings;
    private final Agendas agendas;
    private final ObjectMapper json;

    AgendaApi(SignedInUser caller, Meetings meetings, Agendas agendas, ObjectMapper json) {
        this.caller = caller;
        this.meetings = meetings;
        this.agendas = agendas;
        this.json = json;
    }

    @GetMapping(path = "/api/meetings/{code}/agenda", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> agenda(@PathVariable String code) {
        if (Stream.of(READERS).noneMatch(caller::inGroup)) {
            return message(HttpStatus.FORBIDDEN, "A meeting's agenda is open to staff, managers, reviewers and "
                    + "administrators.");
        }
        return meetings.find(code).<ResponseEntity<?>>map(meeting -> ResponseEntity.ok(body(meeting)))
                .orElseGet(() -> notFound(code));
    }

    @PutMapping(path = "/api/meetings/{code}/agenda", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replace(@PathVariable String code, @RequestBody(required = false) String body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Only staff and administrators change a meeting's agenda.");
        }
        if (meetings.find(code).isEmpty()) {
            return notFound(code);
        }
        JsonNode agenda;
        try {
            agenda = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            agenda = null;
        }
        if (agenda == null || !agenda.isObject() || !agenda.path("sessions").isArray()
                || !agenda.path("workingGroups").isArray()) {
            return message(HttpStatus.BAD_REQUEST, "Send the whole agenda as a JSON object: {\"sessions\": [{\"id\", "
                    + "\"day\", \"startsAt\", \"endsAt\", \"kind\", \"title\", \"room\", \"workingGroup\"}], "
                    + "\"workingGroups\": [{\"code\", \"title\", \"chairName\", \"chairUserId\", \"rapporteurName\", "
                    + "\"questions\": []}]}, as GET gives it.");
        }
        Map<String, String> shapeErrors = new LinkedHashMap<>();
        Agendas.AgendaChange change = new Agendas.AgendaChange(sessions(agenda.get("sessions"), shapeErrors),
                groups(agenda.get("workingGroups"), shapeErrors));
        try {
            if (shapeErrors.isEmpty()) {
                agendas.replace(code, change);
            } else {
                agendas.check(code, change, shapeErrors);
                throw new ChangeRefused(shapeErrors);
            }
        } catch (ChangeRefused refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", "Nothing was saved: " + refused.getMessage(),
                            "fieldErrors", refused.fieldErrors()));
        }
        return ResponseEntity.ok(body(meetings.get(code)));
    }

    private static List<Agendas.SessionChange> sessions(JsonNode sessions, Map<String, String> errors) {
        List<Agendas.SessionChange> list = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            JsonNode s = sessions.get(i);
            if (!s.isObject()) {
                list.add(null);
                continue;
            }
            Long id = null;
            if (s.hasNonNull("id")) {
                if (s.get("id").canConvertToExactIntegral()) {
                    id = s.get("id").asLong();
                } else {
                    errors.put("sessions[" + i + "].id", "The id is the number GET gives; leave it out for a new session.");
                }
            }
            list.add(new Agendas.SessionChange(id, new Agendas.NewSession(text(s, "day"), text(s, "startsAt"),
                    text(s, "endsAt"), text(s, "kind"), text(s, "title"), text(s, "room"), text(s, "workingGroup"))));
        }
        return list;
    }

    private static List<Agendas.GroupChange> groups(JsonNode groups, Map<String, String> errors) {
        List<Agendas.GroupChange> list = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            if (!g.isObject()) {
                list.add(null);
                continue;
            }
            List<String> questions = new ArrayList<>();
            JsonNode given = g.path("questions");
            String field = "workingGroups[" + i + "].questions";
            if (!given.isArray() && !given.isMissingNode() && !given.isNull()) {
                errors.put(field, "Send the questions as a list of texts, in order.");
            }
            given.forEach(q -> {
                if (q.isTextual()) {
                    questions.add(q.asText());
                } else {
                    errors.put(field, "Each question is a text.");
                }
            });
            list.add(new Agendas.GroupChange(text(g, "code"), new Agendas.WorkingGroupChange(text(g, "title"),
                    text(g, "chairName"), text(g, "chairUserId"), text(g, "rapporteurName"), questions)));
        }
        return list;
    }

    /** A scalar field as text (a number as its digits); null when absent, null or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    private Map<String, Object> body(Meeting meeting) {
        String code = meeting.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", code);
        body.put("timeZone", meeting.timeZone().getId());
        List<Map<String, Object>> days = new ArrayList<>();
        for (int day = 1; day <= meeting.numberOfDays(); day++) {
            days.add(Map.of("day", day, "date", meeting.firstDay().plusDays(day - 1L).toString()));
        }
        body.put("days", days);
        body.put("sessions", agendas.sessions(code).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.id());
            session.put("day", s.day());
            session.put("startsAt", s.startsAt().toString());
            session.put("endsAt", s.endsAt().toString());
            session.put("kind", s.kind());
            session.put("title", s.title());
            session.put("room", s.room());
            session.put("workingGroup", s.workingGroupCode());
            return session;
        }).toList());
        body.put("workingGroups", agendas.workingGroups(code).stream().map(g -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("code", g.code());
            group.put("title", g.title());
            group.put("day", g.day());
            group.put("chairName", g.chairName());
            group.put("chairUserId", g.chairUserId());
            group.put("rapporteurName", g.rapporteurName());
            group.put("questions", g.questions());
            return group;
        }).toList());
        body.put("missingRapporteurs", agendas.missingRapporteurs(code));
        return body;
    }

    private static ResponseEntity<?> notFound(String code) {
        return message(HttpStatus.NOT_FOUND, new MeetingNotFoundException(code).getMessage());
    }

    private static ResponseEntity<?> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
