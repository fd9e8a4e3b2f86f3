package org.convene.report;

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
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.ReportDraft.FindingDraft;
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
 * A working group's report as JSON, with HTTP Basic (anonymous: 401); the groups are checked here,
 * before whether the meeting exists (403, then 404):
 * <ul>
 * <li>{@code GET /api/meetings/{code}/working-groups/{wg}/report} (staff, managers, reviewers,
 *     administrators): {@code {meetingCode, workingGroupCode, title, stage, version, questions: [...],
 *     ownQuestions, arrangements: [{id, name, period, region, actors: [{actor, role}], framework,
 *     formsOfSupport: [FINANCIAL|MATERIAL|TECHNICAL|PHYSICAL|POLITICAL], scale: TARGETED|COMPREHENSIVE,
 *     temporalScope: AD_HOC|TIME_BOUND|STANDING, phases: [EMERGENCY|PROTRACTED|SOLUTIONS], illustrative}],
 *     findings: [{id, question, text, arrangements: [arrangement ids], fromPlenary, illustrative}],
 *     updatedBy, updatedAt}}; {@code updatedAt} ISO-8601 UTC, {@code question} 1 for the first.</li>
 * <li>{@code PUT} the same address (staff and administrators) with the same shape: the whole report
 *     replaced at once ({@link WorkingGroupReports#save}; ids as there; values of the lists may also be
 *     given by their words, {@code "physical/resettlement"}; {@code questions} may be left out to keep
 *     the agenda's). Answers the report as stored (200); 400 with {@code message} and
 *     {@code fieldErrors} ({@code "findings[2].text": "A finding needs its text."}) and nothing stored;
 *     409 while the report is with the chair or after it was presented.</li>
 * </ul>
 */
@RestController
class ReportApi {

    static final String[] READERS = {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS,
            ConveneGroups.ADMINS};

    private final SignedInUser caller;
    private final WorkingGroupReports reports;
    private final ObjectMapper json;

    ReportApi(SignedInUser caller, WorkingGroupReports reports, ObjectMapper json) {
        this.caller = caller;
        this.reports = reports;
        this.json = json;
    }

    @GetMapping(path = "/api/meetings/{code}/working-groups/{wg}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@PathVariable String code, @PathVariable String wg) {
        if (Stream.of(READERS).noneMatch(caller::inGroup)) {
            return message(HttpStatus.FORBIDDEN, "Working-group reports are open to staff, managers, reviewers and "
                    + "administrators.");
        }
        try {
            return ResponseEntity.ok(reports.get(code, wg));
        } catch (ReportNotFoundException e) {
            return message(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @PutMapping(path = "/api/meetings/{code}/working-groups/{wg}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replace(@PathVariable String code, @PathVariable String wg,
                              @RequestBody(required = false) String body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Only staff and administrators enter working-group reports.");
        }
        JsonNode report;
        try {
            report = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            report = null;
        }
        try {
            reports.get(code, wg);
            if (report == null || !report.isObject()) {
                return message(HttpStatus.BAD_REQUEST, "Send the whole report as a JSON object, as GET gives it: "
                        + "{\"arrangements\": [{\"name\", \"period\", \"region\", \"actors\": [{\"actor\", \"role\"}], "
                        + "\"framework\", \"formsOfSupport\": [], \"scale\", \"temporalScope\", \"phases\": []}], "
                        + "\"findings\": [{\"question\", \"text\", \"arrangements\": []}]}.");
            }
            Map<String, String> shape = new LinkedHashMap<>();
            ReportDraft draft = draft(report, shape);
            if (!shape.isEmpty()) {
                throw new ChangeRefused(shape);
            }
            return ResponseEntity.ok(reports.save(code, wg, draft, caller.id()));
        } catch (ReportNotFoundException e) {
            return message(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ChangeRefused refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", "Nothing was saved: " + refused.getMessage(),
                            "fieldErrors", refused.fieldErrors()));
        } catch (ConflictException e) {
            return message(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** The report's draft from its JSON; what is of the wrong kind goes to {@code errors}, by field. */
    static ReportDraft draft(JsonNode report, Map<String, String> errors) {
        List<String> questions = texts(report, "questions", "questions", errors);
        List<ArrangementDraft> arrangements = new ArrayList<>();
        for (JsonNode a : list(report, "arrangements", "arrangements", errors)) {
            String field = "arrangements[" + arrangements.size() + "]";
            if (!a.isObject()) {
                errors.put(field, "An arrangement is an object with its name, actors and elements.");
                arrangements.add(null);
                continue;
            }
            List<WorkingGroupReport.Actor> actors = new ArrayList<>();
            for (JsonNode actor : list(a, "actors", field + ".actors", errors)) {
                if (actor.isObject()) {
                    actors.add(new WorkingGroupReport.Actor(text(actor, "actor"), text(actor, "role")));
                } else if (actor.isTextual()) {
                    actors.add(new WorkingGroupReport.Actor(actor.asText(), null));
                } else {
                    actors.add(null);
                }
            }
            arrangements.add(new ArrangementDraft(text(a, "id"), text(a, "name"), text(a, "period"), text(a, "region"),
                    actors, text(a, "framework"), texts(a, "formsOfSupport", field + ".formsOfSupport", errors),
                    text(a, "scale"), text(a, "temporalScope"), texts(a, "phases", field + ".phases", errors),
                    a.path("illustrative").asBoolean(false)));
        }
        List<FindingDraft> findings = new ArrayList<>();
        for (JsonNode f : list(report, "findings", "findings", errors)) {
            String field = "findings[" + findings.size() + "]";
            if (!f.isObject()) {
                errors.put(field, "A finding is an object with its question and text.");
                findings.add(null);
                continue;
            }
            Integer question = null;
            JsonNode q = f.path("question");
            if (q.canConvertToExactIntegral() || (q.isTextual() && q.asText().strip().matches("\\d{1,3}"))) {
                question = q.asInt();
            } else if (!q.isMissingNode() && !q.isNull()) {
                errors.put(field + ".question", "The question is its number, 1 for the first, not " + q + ".");
            }
            findings.add(new FindingDraft(text(f, "id"), question, text(f, "text"),
                    texts(f, "arrangements", field + ".arrangements", errors), f.path("illustrative").asBoolean(false)));
        }
        return new ReportDraft(questions, arrangements, findings);
    }

    private static List<JsonNode> list(JsonNode node, String name, String field, Map<String, String> errors) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.put(field, "Send " + name + " as a list.");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static List<String> texts(JsonNode node, String name, String field, Map<String, String> errors) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list(node, name, field, errors)) {
            if (item.isValueNode() && !item.isNull()) {
                texts.add(item.asText());
            } else {
                errors.put(field + "[" + texts.size() + "]", "Each of " + name + " is a text.");
                texts.add(null);
            }
        }
        return texts;
    }

    /** A scalar field as text (a number as its digits); null when absent, null or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    static ResponseEntity<?> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
