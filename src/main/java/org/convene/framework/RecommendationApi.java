package org.convene.framework;

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
import org.convene.meeting.MeetingNotFoundException;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's recommendations as JSON, with HTTP Basic (anonymous: 401); groups are checked before
 * the meeting (403, then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/recommendations} (staff, managers, reviewers, administrators):
 *     {@code {meetingCode, editable, objectives: [{number, text}], recommendations: [{id, text,
 *     objective: {number, text}, proposes: UNDERSTANDING|TRIGGER|…|null, findings: [{id, workingGroupCode,
 *     workingGroupTitle, question, questionText, text, arrangements: {id: name}, fromPlenary, illustrative,
 *     reportStage}]}]}}.</li>
 * <li>{@code PUT} the same address (staff and administrators): {@code {recommendations: [{id, text,
 *     objective, proposes, findings: ["WG1-F3", …]}]}} (or the list alone; a finding may also be given
 *     as GET gives it, an object with its {@code id}, or as {@code "<meeting code>/<finding id>"}): the
 *     whole list replaced at once ({@link Recommendations#replace}). Answers what GET answers (200); 400
 *     with {@code message} and {@code fieldErrors} ({@code "recommendations[0].findings": "A recommendation
 *     rests on at least one finding …"}) and nothing stored; 409 while they are in sign-off or once signed off.</li>
 * </ul>
 */
@RestController
class RecommendationApi {

    static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};

    private final SignedInUser caller;
    private final Recommendations recommendations;
    private final ObjectMapper json;

    RecommendationApi(SignedInUser caller, Recommendations recommendations, ObjectMapper json) {
        this.caller = caller;
        this.recommendations = recommendations;
        this.json = json;
    }

    @GetMapping(path = "/api/meetings/{code}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String code) {
        if (Stream.of(READERS).noneMatch(caller::inGroup)) {
            return message(HttpStatus.FORBIDDEN, "A meeting's recommendations are open to staff, managers, reviewers "
                    + "and administrators.");
        }
        try {
            return ResponseEntity.ok(body(code));
        } catch (MeetingNotFoundException e) {
            return message(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @PutMapping(path = "/api/meetings/{code}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replace(@PathVariable String code, @RequestBody(required = false) String body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Only staff and administrators draft recommendations.");
        }
        try {
            recommendations.list(code);
            JsonNode list = list(body);
            if (list == null) {
                return message(HttpStatus.BAD_REQUEST, "Send the recommendations as GET gives them: {\"recommendations\": "
                        + "[{\"text\", \"objective\", \"proposes\", \"findings\": [\"WG1-F3\"]}]}.");
            }
            Map<String, String> shape = new LinkedHashMap<>();
            List<RecommendationDraft> drafts = drafts(list, shape);
            if (!shape.isEmpty()) {
                throw new ChangeRefused(shape);
            }
            recommendations.replace(code, drafts, caller.id());
            return ResponseEntity.ok(body(code));
        } catch (MeetingNotFoundException e) {
            return message(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ChangeRefused refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", "Nothing was saved: " + refused.getMessage(), "fieldErrors", refused.fieldErrors()));
        } catch (ConflictException e) {
            return message(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private Map<String, Object> body(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", code);
        body.put("recommendations", recommendations.list(code));
        body.put("editable", recommendations.editable(code));
        body.put("objectives", recommendations.objectives(code));
        return body;
    }

    /** The list sent: the body's {@code recommendations}, or the body itself when it is a list; null otherwise. */
    private JsonNode list(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                node = node.get(Recommendations.FIELD);
            }
            return node != null && node.isArray() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The drafts from their JSON; what is of the wrong kind goes to {@code errors}, by field. */
    static List<RecommendationDraft> drafts(JsonNode list, Map<String, String> errors) {
        List<RecommendationDraft> drafts = new ArrayList<>();
        for (JsonNode r : list) {
            String field = Recommendations.FIELD + "[" + drafts.size() + "]";
            if (!r.isObject()) {
                errors.put(field, "A recommendation is an object with its text, objective and findings.");
                drafts.add(null);
                continue;
            }
            Integer objective = null;
            JsonNode o = r.path("objective");
            if (o.isObject()) {
                o = o.path("number");
            }
            if (o.canConvertToExactIntegral() || (o.isTextual() && o.asText().strip().matches("\\d{1,2}"))) {
                objective = o.asInt();
            } else if (!o.isMissingNode() && !o.isNull()) {
                errors.put(field + ".objective", "The objective is its number in the concept note, 1 for the first, not " + o + ".");
            }
            List<String> findings = new ArrayList<>();
            JsonNode cited = r.path("findings");
            if (cited.isArray()) {
                for (JsonNode f : cited) {
                    JsonNode id = f.isObject() ? f.path("id") : f;
                    String meeting = f.isObject() ? text(f, "meetingCode") : null;
                    findings.add(id.isValueNode() && !id.isNull()
                            ? (meeting == null ? "" : meeting + "/") + id.asText() : null);
                }
            } else if (!cited.isMissingNode() && !cited.isNull()) {
                errors.put(field + ".findings", "Send findings as a list of finding ids, e.g. [\"WG1-F3\"].");
            }
            drafts.add(new RecommendationDraft(text(r, "id"), text(r, "text"), objective, text(r, "proposes"), findings));
        }
        return drafts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    static ResponseEntity<?> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
