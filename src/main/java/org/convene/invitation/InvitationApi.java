package org.convene.invitation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.meeting.Meetings;
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
 * The invitations' replies for programs (JSON, HTTP Basic; the API chain answers 401 to an
 * anonymous call; this controller refuses those who may not, 403, before it says whether the
 * meeting exists, 404):
 * <ul>
 * <li>{@code POST /api/meetings/{code}/participants/{id}/reply}: a reply staff received,
 * {@code {"reply": "accept"|"decline", "channel": "phone"|"email"|"letter"|"in-person", "note": "...",
 * "needs": {"travelSupport": true, "visaLetter": false, "dietary": "...", "accessibility": "..."}}}
 * (note and needs optional), correlated as the invitee's link is; 409 when nothing waits for a reply;</li>
 * <li>{@code POST .../participants/{id}/correction}: the same body, correcting the last reply;</li>
 * <li>{@code POST .../participants/{id}/withdrawal}: {@code {"reason": "..."}};</li>
 * <li>{@code GET /api/meetings/{code}/participants/confirmed}: those whose invitation is accepted,
 * with category and needs;</li>
 * <li>{@code GET}/{@code PUT /api/meetings/{code}/invitation-settings}:
 * {@code {"reminderDaysBeforeDeadline": [14, 7]}}.</li>
 * </ul>
 * Changes are for staff and administrators; the confirmed list also for managers. Bad input: 400
 * with a message naming the field; a conflict with where the invitation stands: 409.
 */
@RestController
class InvitationApi {

    private final SignedInUser caller;
    private final Meetings meetings;
    private final Participants participants;
    private final InvitationReplies replies;
    private final Invitations invitations;
    private final InvitationSettings settings;

    InvitationApi(SignedInUser caller, Meetings meetings, Participants participants, InvitationReplies replies,
                  Invitations invitations, InvitationSettings settings) {
        this.caller = caller;
        this.meetings = meetings;
        this.participants = participants;
        this.replies = replies;
        this.invitations = invitations;
        this.settings = settings;
    }

    @PostMapping("/api/meetings/{code}/participants/{id}/reply")
    ResponseEntity<?> reply(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        return change(code, id, () -> {
            Parsed in = parse(body);
            InvitationReplies.Outcome outcome = replies.receive(code, id, in.reply(), in.channel(), in.note(), in.needs(),
                    caller.id());
            return standing(code, id, Map.of("outcome", outcome.name(),
                    "late", outcome != InvitationReplies.Outcome.RECORDED,
                    "seatKept", outcome == InvitationReplies.Outcome.RECORDED || outcome == InvitationReplies.Outcome.LATE_SEAT_KEPT));
        });
    }

    @PostMapping("/api/meetings/{code}/participants/{id}/correction")
    ResponseEntity<?> correct(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        return change(code, id, () -> {
            Parsed in = parse(body);
            replies.correct(code, id, in.reply(), in.channel(), in.note(), in.needs(), caller.id());
            return standing(code, id, Map.of());
        });
    }

    @PostMapping("/api/meetings/{code}/participants/{id}/withdrawal")
    ResponseEntity<?> withdraw(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        return change(code, id, () -> {
            Object reason = body == null ? null : body.get("reason");
            if (reason != null && !(reason instanceof String)) {
                throw new ChangeRefused("reason", "\"reason\" is text.");
            }
            invitations.withdraw(code, id, (String) reason, caller.id());
            return standing(code, id, Map.of());
        });
    }

    @GetMapping("/api/meetings/{code}/participants/confirmed")
    ResponseEntity<?> confirmed(@PathVariable String code) {
        if (!caller.canEdit() && !caller.usesCockpit()) {
            return message(HttpStatus.FORBIDDEN, "Who is confirmed, with their needs, is open to staff, managers and administrators only.");
        }
        if (meetings.find(code).isEmpty()) {
            return noMeeting(code);
        }
        List<Map<String, Object>> people = replies.confirmed(code).stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("participantId", c.participant().id());
            row.put("name", c.participant().name());
            row.put("organisation", c.participant().organisation());
            row.put("category", c.participant().category().name());
            row.put("categoryLabel", c.participant().category().label());
            row.put("email", c.participant().email());
            row.put("acceptedAt", c.acceptance().recordedAt().toInstant().toString());
            row.put("channel", c.acceptance().channel());
            row.put("late", c.acceptance().late());
            row.put("needs", c.acceptance().needs());
            return row;
        }).toList();
        return ResponseEntity.ok(Map.of("meetingCode", code, "count", people.size(), "confirmed", people));
    }

    @GetMapping("/api/meetings/{code}/invitation-settings")
    ResponseEntity<?> settings(@PathVariable String code) {
        if (meetings.find(code).isEmpty()) {
            return noMeeting(code);
        }
        return ResponseEntity.ok(Map.of("meetingCode", code, "reminderDaysBeforeDeadline", settings.reminderDays(code)));
    }

    @PutMapping("/api/meetings/{code}/invitation-settings")
    ResponseEntity<?> changeSettings(@PathVariable String code, @RequestBody(required = false) Map<String, Object> body) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "The reminder schedule is set by staff and administrators only.");
        }
        if (meetings.find(code).isEmpty()) {
            return noMeeting(code);
        }
        Object days = body == null ? null : body.get("reminderDaysBeforeDeadline");
        if (!(days instanceof List<?> list) || list.stream().anyMatch(d -> !(d instanceof Integer))) {
            return message(HttpStatus.BAD_REQUEST, "reminderDaysBeforeDeadline: give a list of whole numbers of days "
                    + "before the reply deadline, e.g. [14, 7] (an empty list for no reminders).");
        }
        try {
            List<Integer> stored = settings.changeReminderDays(code, list.stream().map(d -> (Integer) d).toList(), caller.id());
            return ResponseEntity.ok(Map.of("meetingCode", code, "reminderDaysBeforeDeadline", stored));
        } catch (ChangeRefused refused) {
            return ResponseEntity.badRequest().body(Map.of("message", refused.getMessage(), "errors", refused.fieldErrors()));
        }
    }

    private record Parsed(InvitationReply reply, ReplyChannel channel, String note, ReplyNeeds needs) {
    }

    private interface Change {
        Map<String, Object> run();
    }

    /** Checks who calls, the meeting and the participant, then runs the change: 200, 400, 403, 404 or 409. */
    private ResponseEntity<?> change(String code, long participantId, Change change) {
        if (!caller.canEdit()) {
            return message(HttpStatus.FORBIDDEN, "Replies and invitations are recorded by staff and administrators only.");
        }
        if (meetings.find(code).isEmpty()) {
            return noMeeting(code);
        }
        if (participants.list(code).stream().noneMatch(p -> p.id() == participantId)) {
            return message(HttpStatus.NOT_FOUND, "Meeting " + code + " has no participant " + participantId + ".");
        }
        try {
            return ResponseEntity.ok(change.run());
        } catch (InvitationConflict conflict) {
            return message(HttpStatus.CONFLICT, conflict.fieldErrors().values().iterator().next());
        } catch (ChangeRefused refused) {
            return ResponseEntity.badRequest().body(Map.of("message", refused.getMessage(), "errors", refused.fieldErrors()));
        }
    }

    private Map<String, Object> standing(String code, long participantId, Map<String, Object> extra) {
        Participants.Participant p = participants.get(participantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingCode", code);
        body.put("participantId", participantId);
        body.put("name", p.name());
        body.put("status", p.invitationStatus() == null ? null : p.invitationStatus().name());
        replies.latest(code, participantId).ifPresent(r -> body.put("lastReply", Map.of("reply", r.reply(),
                "channel", r.channel(), "recordedAt", r.recordedAt().toInstant().toString(), "late", r.late(),
                "correction", r.correction(), "needs", r.needs())));
        body.putAll(extra);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Parsed parse(Map<String, Object> body) {
        if (body == null) {
            throw new ChangeRefused("reply", "Send a JSON body: {\"reply\": \"accept\" or \"decline\", \"channel\": "
                    + "\"phone\", \"email\", \"letter\" or \"in-person\"}.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        InvitationReply reply = InvitationReply.ofFormValue(body.get("reply")).orElse(null);
        if (reply == null) {
            errors.put("reply", "\"reply\" is \"accept\" or \"decline\", not " + quoted(body.get("reply")) + ".");
        }
        ReplyChannel channel = ReplyChannel.ofFormValue(body.get("channel")).filter(c -> c != ReplyChannel.LINK).orElse(null);
        if (channel == null) {
            errors.put("channel", "\"channel\" is how the reply came: \"phone\", \"email\", \"letter\" or \"in-person\", not "
                    + quoted(body.get("channel")) + ".");
        }
        Object note = body.get("note");
        if (note != null && !(note instanceof String)) {
            errors.put("note", "\"note\" is text.");
        }
        ReplyNeeds needs = ReplyNeeds.NONE;
        Object given = body.get("needs");
        if (given instanceof Map<?, ?> map) {
            Map<String, Object> n = (Map<String, Object>) map;
            if (!(n.getOrDefault("travelSupport", false) instanceof Boolean travel)
                    || !(n.getOrDefault("visaLetter", false) instanceof Boolean visa)
                    || !(n.get("dietary") == null || n.get("dietary") instanceof String)
                    || !(n.get("accessibility") == null || n.get("accessibility") instanceof String)) {
                errors.put("needs", "\"needs\" is {\"travelSupport\": true|false, \"visaLetter\": true|false, "
                        + "\"dietary\": text, \"accessibility\": text}.");
            } else {
                needs = new ReplyNeeds(travel, visa, (String) n.get("dietary"), (String) n.get("accessibility"));
            }
        } else if (given != null) {
            errors.put("needs", "\"needs\" is an object: {\"travelSupport\": true, \"dietary\": \"vegetarian\"}.");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        return new Parsed(reply, channel, (String) note, needs);
    }

    private static String quoted(Object value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }

    private static ResponseEntity<Map<String, Object>> noMeeting(String code) {
        return message(HttpStatus.NOT_FOUND, "There is no meeting with the code " + code + ".");
    }

    private static ResponseEntity<Map<String, Object>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
