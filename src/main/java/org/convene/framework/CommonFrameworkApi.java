package org.convene.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * A meeting's Common Framework as JSON, with HTTP Basic (anonymous: 401); groups are checked before
 * the meeting (403, then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/framework} (staff, managers, reviewers, administrators):
 *     {@code {meetingCode, editable, summary, elements: [{id, kind: UNDERSTANDING|TRIGGER|FORM_OF_SUPPORT|ACTOR|PHASE|
 *     EXAMPLE_ARRANGEMENT|SCENARIO, title, text, formOfSupport, phase, arrangement: {id, name, workingGroupCode},
 *     illustrative, recommendations: [{id, text, objective, proposes, findings: [...]}], findings: [...],
 *     workingGroups: [...], questions: [...]}]}}: every element with what it rests on.</li>
 * <li>{@code PUT} the same address (staff and administrators): {@code {elements: [{id, kind, title, text,
 *     formOfSupport, phase, arrangement: "WG1-A1", illustrative, recommendations: ["R1"]}]}} (or the list alone;
 *     recommendations and the arrangement may also be given as GET gives them, objects with their {@code id}):
 *     the whole framework replaced at once ({@link CommonFramework#replace}). Answers what GET answers (200);
 *     400 with {@code message} and {@code fieldErrors} ({@code "elements[2].recommendations": "An element of the
 *     framework rests on at least one recommendation …"}) and nothing stored; 409 while it is in sign-off, with the
 *     manager or approved.</li>
 * </ul>
 */
@RestController
class CommonFrameworkApi {

    private final SignedInUser caller;
    private final CommonFramework framework;
    private final ObjectMapper json;

    CommonFrameworkApi(SignedInUser caller, CommonFramework framework, ObjectMapper json) {
        this.caller = caller;
        this.framework = framework;
        this.json = json;
    }

    @GetMapping(path = "/api/meetings/{code}/framework", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String code) {
        if (Stream.of(RecommendationApi.READERS).noneMatch(caller::inGroup)) {
            return RecommendationApi.message(HttpStatus.FORBIDDEN, "A meeting's Common Framework is open to staff, managers, "
                    + "reviewers and administrators.");
        }
        try {
            return ResponseEntity.ok(body(code));
        } catch (MeetingNotFoundException e) {
            return RecommendationApi.message(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @PutMapping(path = "/api/meetings/{code}/framework", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replace(@PathVariable String code, @RequestBody(required = false) String body) {
        if (!caller.canEdit()) {
            return RecommendationApi.message(HttpStatus.FORBIDDEN, "Only staff and administrators draft the Common Framework.");
        }
        try {
            framework.elements(code);
            JsonNode list = list(body);
            if (list == null) {
                return RecommendationApi.message(HttpStatus.BAD_REQUEST, "Send the framework as GET gives it: {\"elements\": "
                        + "[{\"kind\", \"title\", \"text\", \"formOfSupport\", \"phase\", \"arrangement\", \"illustrative\", "
                        + "\"recommendations\": [\"R1\"]}]}.");
            }
            Map<String, String> shape = new LinkedHashMap<>();
            List<FrameworkElementDraft> drafts = drafts(list, shape);
            if (!shape.isEmpty()) {
                throw new ChangeRefused(shape);
            }
            framework.replace(code, drafts, caller.id());
            return ResponseEntity.ok(body(code));
        } catch (MeetingNotFoundException e) {
            return RecommendationApi.message(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ChangeRefused refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", "Nothing was saved: " + refused.getMessage(), "fieldErrors", refused.fieldErrors()));
        } catch (ConflictException e) {
            return RecommendationApi.message(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private Map<String, Object> body(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", code);
        body.put("elements", framework.elements(code));
        body.put("editable", framework.editable(code));
        body.put("summary", framework.summary(code));
        return body;
    }

    private JsonNode list(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                node = node.get(CommonFramework.FIELD);
            }
            return node != null && node.isArray() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The drafts from their JSON; what is of the wrong kind goes to {@code errors}, by field. */
    static List<FrameworkElementDraft> drafts(JsonNode list, Map<String, String> errors) {
        List<FrameworkElementDraft> drafts = new ArrayList<>();
        for (JsonNode e : list) {
            String field = CommonFramework.FIELD + "[" + drafts.size() + "]";
            if (!e.isObject()) {
                errors.put(field, "An element is an object with its kind, title and the recommendations it rests on.");
                drafts.add(null);
                continue;
            }
            List<String> sources = new ArrayList<>();
            JsonNode cited = e.path("recommendations");
            if (cited.isArray()) {
                cited.forEach(r -> sources.add(id(r)));
            } else if (!cited.isMissingNode() && !cited.isNull()) {
                errors.put(field + ".recommendations", "Send recommendations as a list of their ids, e.g. [\"R1\"].");
            }
            drafts.add(new FrameworkElementDraft(text(e, "id"), text(e, "kind"), text(e, "title"), text(e, "text"),
                    text(e, "formOfSupport"), text(e, "phase"), id(e.path("arrangement")),
                    e.path("illustrative").asBoolean(false), sources));
        }
        return drafts;
    }

    /** A reference as text: a value, or an object's {@code id} (with its {@code meetingCode} when it has one). */
    private static String id(JsonNode node) {
        if (node.isObject()) {
            String meeting = text(node, "meetingCode");
            String id = text(node, "id");
            return id == null ? null : meeting == null ? id : meeting + "/" + id;
        }
        return node.isValueNode() && !node.isNull() && !node.isMissingNode() ? node.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
