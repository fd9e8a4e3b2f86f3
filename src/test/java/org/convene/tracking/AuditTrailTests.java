package org.convene.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.BrowserSession;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentSignOffRejected;
import org.convene.document.DocumentSigned;
import org.convene.document.DocumentVersionSubmitted;
import org.convene.invitation.InvitationAccepted;
import org.convene.invitation.InvitationDeclined;
import org.convene.invitation.ParticipantListReviews;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.meeting.AgendaReviews;
import org.convene.meeting.Attendance;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.MeetingEvent;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A meeting's audit trail, on the real app: the concept note phase of a meeting run through the
 * engine as its people run it (lena drafts, grace returns it, omar revises, grace approves), then
 * read by a manager on the page, as CSV and as JSON, refused to everyone else; and what is left
 * of it once the engine's history of the meeting is gone.
 */
@ConveneIntegrationTest
class AuditTrailTests {

    static final String RETURN_COMMENT = "Name the host ministry. <script>alert('x')</script>";
    /** Where the modules' entries come from, in a manager's words (never a table name). */
    static final String RECORD = "Convene's record";
    static final Pattern ROW = Pattern.compile("<tr[^>]*>\\s*(<td.*?)</tr>", Pattern.DOTALL);
    static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired Meetings meetings;
    @Autowired AgendaReviews agendaReviews;
    @Autowired ParticipantListReviews participantListReviews;
    @Autowired Participants participants;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired Attendance attendance;
    @Autowired AuditTrail auditTrail;

    RestClients api;
    String code;

    @BeforeEach
    void setUp() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("AUD");
    }

    @Test
    void shouldShowAManagerEveryDecisionOfTheConceptNoteInTimeOrderAndKeepItAfterTheEngineHistoryIsGone() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        ProcessInstance meeting = as("lena", () -> ExpertMeetings.propose(runtimeService, code, ExpertMeetings.firstDay()));
        Task draft = conceptNoteTask();
        as("lena", () -> taskService.claim(draft.getId(), "lena"));
        as("lena", () -> taskService.complete(draft.getId(), ConceptNoteDrafts.submission("First draft.")));
        as("grace", () -> taskService.complete(conceptNoteTask().getId(),
                Map.of(DECISION, ReviewDecision.RETURN.formValue(), COMMENTS, RETURN_COMMENT)));
        as("omar", () -> taskService.complete(conceptNoteTask().getId(), ConceptNoteDrafts.submission("Second draft, naming the ministry.")));
        as("grace", () -> taskService.complete(conceptNoteTask().getId(),
                Map.of(DECISION, ReviewDecision.APPROVE.formValue(), COMMENTS, "Good to go.")));
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);

        // JSON: the decisions from the meeting module's tables, who and when, in time order
        List<Map<String, Object>> entries = json("grace");
        List<OffsetDateTime> times = entries.stream().map(e -> OffsetDateTime.parse((String) e.get("when"))).toList();
        assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBetween(before, after));
        assertThat(recorded(entries)).containsExactly(
                List.of("lena", "Concept note submitted", "Concept note, version 1", "", "", RECORD),
                List.of("grace", "Concept note reviewed", "Concept note, version 1", "returned", RETURN_COMMENT, RECORD),
                List.of("omar", "Concept note submitted", "Concept note, version 2", "", "", RECORD),
                List.of("grace", "Concept note reviewed", "Concept note, version 2", "approved", "Good to go.", RECORD));
        // ...and the engine's user operation log of the meeting's instances (main and called), marked as such
        List<Map<String, Object>> engine = entries.stream().filter(e -> Boolean.TRUE.equals(e.get("engineHistory"))).toList();
        assertThat(engine).extracting(e -> e.get("source")).containsOnly("engine history (kept 180 days)");
        assertThat(engine).extracting(e -> e.get("who") + " " + e.get("what") + ": " + e.get("subject")).containsSubsequence(
                "lena Process started: Expert meeting",
                "lena Task claimed: Draft concept note · Approve concept note",
                "lena Task completed: Draft concept note · Approve concept note",
                "grace Task completed: Review concept note · Approve concept note",
                "omar Task completed: Revise concept note · Approve concept note",
                "grace Task completed: Review concept note · Approve concept note");
        assertThat(engine).filteredOn(e -> "Task claimed".equals(e.get("what"))).singleElement()
                .satisfies(e -> assertThat(e.get("comments")).asString().contains("assignee: lena"));

        // the engine is asked with the caller's authentication cleared (a reviewer may not read this history
        // in Camunda; who sees the audit trail is the app's rule), and the authentication is restored after
        List<AuditEntry> direct = as("ravi", () -> {
            List<AuditEntry> read = auditTrail.of(code);
            assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("ravi");
            return read;
        });
        assertThat(direct).hasSameSizeAs(entries).filteredOn(AuditEntry::engineHistory).hasSameSizeAs(engine);
        assertThat(as("ravi", () -> historyService.createUserOperationLogQuery().processInstanceId(meeting.getId()).count()))
                .isZero();

        // the page: the same entries in the same order, the comment escaped
        HttpResponse<String> page = BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audit trail", ExpertMeetings.TITLE, "href=\"/meetings/" + code + "/audit.csv\"")
                .contains("Name the host ministry. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        List<List<String>> rows = rows(page.body());
        assertThat(rows).hasSameSizeAs(entries);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> e = entries.get(i);
            assertThat(rows.get(i).get(0)).matches("\\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d:\\d\\d");
            assertThat(rows.get(i).subList(1, 4)).as("row %s", i)
                    .containsExactly(html(e.get("who")), html(e.get("what")), html(e.get("subject")));
            assertThat(rows.get(i).get(6)).as("row %s", i).contains(html(e.get("source")));
        }

        // the CSV: a header and the same rows
        HttpResponse<String> csv = BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/audit.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get()
                .isEqualTo("attachment; filename=\"audit-" + code + ".csv\"");
        List<List<String>> lines = parseCsv(csv.body());
        assertThat(lines.get(0)).containsExactly("when (UTC)", "who", "what", "subject", "decision", "comments", "source");
        assertThat(lines).hasSize(entries.size() + 1);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            List<String> line = lines.get(i + 1);
            assertThat(OffsetDateTime.parse(line.get(0))).isEqualTo(OffsetDateTime.parse((String) e.get("when")));
            assertThat(line.subList(1, 7)).as("line %s", i + 1).containsExactly(text(e.get("who")), text(e.get("what")),
                    text(e.get("subject")), text(e.get("decision")), text(e.get("comments")), text(e.get("source")));
        }

        // the meeting's page links to it, for managers only
        assertThat(BrowserSession.signedIn(port, "grace").get("/meetings/" + code).body())
                .contains("href=\"/meetings/" + code + "/audit\"");
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/" + code).body())
                .doesNotContain("/meetings/" + code + "/audit");

        // the engine's history of the meeting goes (cleanup after its time-to-live, here deleted at once)...
        runtimeService.deleteProcessInstance(meeting.getId(), "meeting withdrawn");
        List<String> instances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()
                .stream().map(HistoricProcessInstance::getId).toList();
        assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
        historyService.deleteHistoricProcessInstances(instances);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

        // ...and the decisions stay on the audit trail, with the end of the meeting's process (deleted by hand)
        List<Map<String, Object>> left = json("grace");
        assertThat(left).noneMatch(e -> Boolean.TRUE.equals(e.get("engineHistory")));
        assertThat(left.subList(0, left.size() - 1))
                .isEqualTo(entries.stream().filter(e -> !Boolean.TRUE.equals(e.get("engineHistory"))).toList());
        assertThat(left.get(left.size() - 1)).containsEntry("what", "Meeting's process ended")
                .containsEntry("decision", "stopped").containsEntry("comments", "meeting withdrawn");
        assertThat(recorded(left)).hasSize(5);
        assertThat(BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/audit").body())
                .contains("Concept note, version 1", "Concept note, version 2", "returned", "approved",
                        "Name the host ministry. &lt;script&gt;");
    }

    @Test
    void shouldRefuseTheAuditTrailToStaffReviewersAndUsersInNoGroup() {
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), java.time.LocalDate.of(2027, 2, 8), 2), null, "lena");
        Map<String, BrowserSession> browsers = Map.of("lena", BrowserSession.signedIn(port, "lena"),
                "ravi", BrowserSession.signedIn(port, "ravi"),
                // Tasklist refuses guest's login (no application grant); the welcome page takes it
                "guest", BrowserSession.signedIn(port, "guest", "welcome"));
        browsers.forEach((user, browser) -> {
            for (String path : List.of("/meetings/" + code + "/audit", "/meetings/" + code + "/audit.csv")) {
                HttpResponse<String> refused = browser.get(path);
                assertThat(refused.statusCode()).as("%s %s", user, path).isEqualTo(403);
                assertThat(refused.body()).as("%s %s", user, path).contains("Not allowed", "managers and administrators only")
                        .doesNotContain("Expert meeting on burden sharing");
            }
            ResponseEntity<Map<String, Object>> json = api.as(user).exchange("/api/meetings/" + code + "/audit",
                    HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
            assertThat(json.getStatusCode().value()).as("%s JSON", user).isEqualTo(403);
            assertThat(json.getBody()).doesNotContainKey("entries");
        });
        // a refused user learns nothing of which meetings exist
        assertThat(api.as("lena").getForEntity("/api/meetings/NO-SUCH-MEETING/audit", String.class).getStatusCode().value())
                .isEqualTo(403);

        assertThat(api.anonymous().getForEntity("/api/meetings/" + code + "/audit", String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(BrowserSession.anonymous(port).get("/meetings/" + code + "/audit").statusCode()).isEqualTo(302);
        // managers and administrators
        assertThat(api.as("grace").getForEntity("/api/meetings/" + code + "/audit", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.as("demo").getForEntity("/api/meetings/" + code + "/audit", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.as("grace").getForEntity("/api/meetings/NO-SUCH-MEETING/audit", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(BrowserSession.signedIn(port, "grace").get("/meetings/NO-SUCH-MEETING/audit").statusCode()).isEqualTo(404);
        HttpResponse<String> empty = BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/audit");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Nothing has been recorded for this meeting yet.");
    }

    @Test
    void shouldMergeTheRecordsOfEveryModuleInTimeOrder() {
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), java.time.LocalDate.of(2027, 2, 8), 2), null, "lena");
        OffsetDateTime t = OffsetDateTime.of(2027, 1, 4, 9, 0, 0, 0, ZoneOffset.UTC);
        // the meeting module's records through its services, at the engine's time, out of time order
        atEngineTime(t.plusDays(30), () -> attendance.record(code, 1, 27, "Two came late.", "omar", code + "-att"));
        atEngineTime(t, () -> agendaReviews.record(code, ReviewDecision.RETURN, "Add a break.", "grace", code + "-ag"));
        participants.add(code, "Amina Diallo", "Ministry of Interior", ParticipantCategory.GOV, "a.diallo@gov.example", false);
        atEngineTime(t.plusDays(1), () -> participantListReviews.record(code, ReviewDecision.APPROVE, "Balanced, \"as agreed\".",
                "grace", code + "-pl"));
        // the invitation module's announcements of two replies, as it makes them in the transaction of each
        String invitee = "Amina Diallo, Ministry of Interior";
        publish(new InvitationDeclined(code, 1, invitee, ParticipantCategory.GOV, ReplyChannel.LINK, null,
                t.plusDays(2).toInstant(), null));
        publish(new InvitationAccepted(code, 1, invitee, ParticipantCategory.GOV, ReplyChannel.PHONE, "Called back.",
                t.plusDays(3).toInstant(), "lena"));
        // the document module's announcements of a version and three signatures, the last one first
        publish(new DocumentSignOffRejected(code, DocumentKind.BACKGROUND_PAPER, "", "Background paper", 1,
                "=HYPERLINK(\"x\")", t.plusDays(5).plusHours(1).toInstant(), "sofia"));
        publish(new DocumentSigned(code, DocumentKind.BACKGROUND_PAPER, "", "Background paper", 1, null,
                t.plusDays(5).toInstant(), "ravi"));
        // a manager's decision for a reviewer who did not answer by the due date (the sign-off's escalation)
        publish(new DocumentSigned(code, DocumentKind.BACKGROUND_PAPER, "", "Background paper", 1, "Overdue.",
                t.plusDays(5).plusMinutes(30).toInstant(), "grace", "kenji"));
        publish(new DocumentVersionSubmitted(code, DocumentKind.BACKGROUND_PAPER, "", "Background paper", 1, 1L,
                t.plusDays(4).toInstant(), "lena"));

        List<AuditEntry> entries = auditTrail.of(code);

        assertThat(entries).extracting(AuditEntry::when).isSorted();
        assertThat(entries).noneMatch(AuditEntry::engineHistory);
        assertThat(entries).extracting(e -> String.join(" | ", e.who(), e.what(), e.subject(), String.valueOf(e.decision()),
                String.valueOf(e.comments()), e.source())).containsExactly(
                "grace | Agenda reviewed | Agenda | returned | Add a break. | " + RECORD,
                "grace | Participant list reviewed | Participant list | approved | Balanced, \"as agreed\". | " + RECORD,
                "the invitee (signed link) | Invitation reply recorded (by signed link) | Invitation of Amina Diallo, Ministry of Interior | declined | null | " + RECORD,
                "lena | Invitation reply recorded (by phone) | Invitation of Amina Diallo, Ministry of Interior | accepted | Called back. | " + RECORD,
                "lena | Document version submitted | Background paper, version 1 | null | null | " + RECORD,
                "ravi | Document signed off | Background paper, version 1 | signed | null | " + RECORD,
                "grace | Document signed off | Background paper, version 1 | signed for kenji | Overdue. | " + RECORD,
                "sofia | Document signed off | Background paper, version 1 | rejected | =HYPERLINK(\"x\") | " + RECORD,
                "omar | Attendance recorded | Day 1 | 27 present | Two came late. | " + RECORD);

        // the CSV keeps quotes inside their field and defuses what a spreadsheet would run
        String csv = BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/audit.csv").body();
        assertThat(csv).contains("\"Balanced, \"\"as agreed\"\".\"", "\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(parseCsv(csv)).hasSize(entries.size() + 1);
    }

    /** Publishes an event as its module does: in the transaction of the change. */
    private void publish(MeetingEvent event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static void atEngineTime(OffsetDateTime time, Runnable action) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
        try {
            action.run();
        } finally {
            ClockUtil.reset();
        }
    }

    private Task conceptNoteTask() {
        return taskService.createTaskQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ConceptNoteApprovalProcess.ID).singleResult();
    }

    private List<Map<String, Object>> json(String user) {
        ResponseEntity<Map<String, Object>> response = api.as(user).exchange("/api/meetings/" + code + "/audit",
                HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("meetingCode", code);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) response.getBody().get("entries");
        return entries;
    }

    /** The entries from the modules' tables: who, what, subject, decision, comments, source. */
    private static List<List<String>> recorded(List<Map<String, Object>> entries) {
        return entries.stream().filter(e -> !Boolean.TRUE.equals(e.get("engineHistory")))
                .map(e -> List.of(text(e.get("who")), text(e.get("what")), text(e.get("subject")), text(e.get("decision")),
                        text(e.get("comments")), text(e.get("source"))))
                .toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** What Thymeleaf's th:text makes of a text (and "—" for none, as the page shows it). */
    private static String html(Object value) {
        return value == null ? "—" : value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The cells of the page's table rows, as HTML. */
    private static List<List<String>> rows(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the CSV ends with CRLF").isEmpty();
        assertThat(line).isEmpty();
        return lines;
    }


    /** Runs an engine call as the user with their groups, as the REST API and Tasklist do. */
    private <T> T as(String user, java.util.function.Supplier<T> call) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return call.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void as(String user, Runnable call) {
        as(user, () -> {
            call.run();
            return null;
        });
    }
}
