package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.invitation.InvitationProcess.PARTICIPANT_ID;
import static org.convene.meeting.ConceptNoteApprovalProcess.BACKGROUND;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONCEPT_NOTE_APPROVED;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONVENER;
import static org.convene.meeting.ConceptNoteApprovalProcess.DOCUMENTATION;
import static org.convene.meeting.ConceptNoteApprovalProcess.OBJECTIVES;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANTS_TARGET;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES;
import static org.convene.meeting.ConceptNoteApprovalProcess.TIMING_AND_LOCATION;
import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.identity.SignedLinks;
import org.convene.invitation.InvitationProcess;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.invitation.Participants;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every bad input is a 4xx with a message, never a 5xx: a battery of malformed, mistyped,
 * out-of-range, unknown, forged and conflicting requests, over real HTTP, to every operation that
 * Convene's users call — the REST operations Tasklist uses (through {@code /engine-rest} with HTTP
 * Basic, and some through Tasklist's own {@code /camunda/api/engine/...} with its session and XSRF
 * header), the app's API and pages, and the invitees' signed-link pages. It counts the answers by
 * status, lists every 5xx with its body, and checks the status and message of the named cases.
 */
@ConveneIntegrationTest
class BadInputTests {

    static final String ENGINE = "/engine-rest";
    static final String TASKLIST = "/camunda/api/engine/engine/default";
    static final String START = "/process-definition/key/" + ExpertMeetingProcess.ID + "/start";
    static final String SUBMIT_START = "/process-definition/key/" + ExpertMeetingProcess.ID + "/submit-form";
    static final String UNKNOWN_ID = "00000000-aaaa-bbbb-cccc-000000000000";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired SignedLinks links;
    @Autowired Participants participants;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<Answer> answers = new ArrayList<>();
    /** The named cases whose status or message was not the one expected. */
    final List<String> unexpected = new ArrayList<>();

    record Answer(String what, String method, String path, int status, String body) {

        String message() {
            return body == null ? "" : body;
        }

        @Override
        public String toString() {
            return status + " " + method + " " + path + " (" + what + "): "
                    + (body == null ? "" : body.substring(0, Math.min(400, body.length())).replaceAll("\\s+", " "));
        }
    }

    @Test
    void shouldAnswerEveryBadInputWithA4xxAndAMessageNeverA5xx() throws Exception {
        String code = TestMeetings.newCode("BAD");
        LocalDate firstDay = ExpertMeetings.firstDay();
        Answer started = rest("lena", "a good start", "POST", ENGINE + START, json(start(code, proposal(firstDay))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        Task draft = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        String task = ENGINE + "/task/" + draft.getId();

        startProcess(code, firstDay);
        tasks(draft, task);
        tasklistApi(code, firstDay);
        claimRaces();
        appApiAndPages(code);
        meetingApi(code);
        documentsAndExports(code);
        cockpitJobs();
        signedLinks(code);

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        List<Answer> serverErrors = answers.stream().filter(a -> a.status() >= 500).toList();
        System.out.printf("Bad-input battery: %d requests; answers by status %s; 5xx: %d%n",
                answers.size(), byStatus, serverErrors.size());
        serverErrors.forEach(a -> System.out.println("  5xx " + a));
        answers.stream().filter(a -> a.status() < 400)
                .forEach(a -> System.out.println("  not refused: " + a));

        unexpected.forEach(u -> System.out.println("  " + u));

        assertThat(serverErrors).as("answers with a 5xx").isEmpty();
        assertThat(unexpected).as("named cases answered otherwise").isEmpty();
        assertThat(answers).as("requests with no message in their refusal")
                .filteredOn(a -> a.status() >= 400 && a.message().isBlank()).isEmpty();
    }

    // --- starting a meeting: /start (REST clients) and /submit-form (Tasklist's start form) -------------

    private void startProcess(String takenCode, LocalDate firstDay) {
        for (String operation : List.of(START, SUBMIT_START)) {
            String path = ENGINE + operation;
            expect(rest("lena", "a taken code", "POST", path, json(start(takenCode, proposal(firstDay)))),
                    409, "already exists");
            expect(rest("lena", "a taken code as the form's field", "POST", path,
                    json(start(null, with(proposal(firstDay), MEETING_CODE, takenCode)))),
                    409, "already exists");
            expect(rest("lena", "not JSON", "POST", path, "this is not JSON"), 400, "");
            expect(rest("lena", "truncated JSON", "POST", path, "{\"businessKey\": \"EM-1\", \"variables\": {"), 400, "");
            rest("lena", "a JSON array", "POST", path, "[1, 2, 3]");
            rest("lena", "variables as a string", "POST", path, "{\"variables\": \"meetingTitle\"}");
            rest("lena", "a variable without its value object", "POST", path,
                    "{\"variables\": {\"meetingTitle\": \"Expert meeting\"}}");
            rest("lena", "an empty body", "POST", path, "");
            rest("lena", "no variables", "POST", path, json(Map.of("businessKey", TestMeetings.newCode("BAD"))));
            expect(rest("lena", "numberOfDays as text", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), NUMBER_OF_DAYS, "two")))), 400, "Number of days");
            expect(rest("lena", "numberOfDays not whole", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), NUMBER_OF_DAYS, 2.5)))), 400, "whole number");
            expect(rest("lena", "numberOfDays 0", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), NUMBER_OF_DAYS, 0)))), 400, "at least 1");
            expect(rest("lena", "numberOfDays 9", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), NUMBER_OF_DAYS, 9)))), 400, "at most 5");
            rest("lena", "numberOfDays typed Integer but text", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), NUMBER_OF_DAYS, "two", "Integer"))));
            rest("lena", "numberOfDays typed Long, too big", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), NUMBER_OF_DAYS, "99999999999999999999", "Long"))));
            expect(rest("lena", "an impossible date", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), FIRST_DAY, "2027-02-30")))), 400, "First day");
            expect(rest("lena", "a first day in 2020", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), FIRST_DAY, "2020-03-02")))), 400, "past");
            expect(rest("lena", "a first day yesterday (venue's zone)", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), FIRST_DAY,
                            LocalDate.now(ExpertMeetings.AMMAN).minusDays(1).toString())))), 400, "past");
            expect(rest("lena", "a first day in words", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), FIRST_DAY, "next Monday")))), 400, "First day");
            rest("lena", "a first day typed Date", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), FIRST_DAY, firstDay + "T00:00:00.000+0000", "Date"))));
            rest("lena", "a first day typed Date, garbled", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), FIRST_DAY, "Monday", "Date"))));
            expect(rest("lena", "an unknown time zone", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_TIME_ZONE, "Mars/Olympus_Mons")))),
                    400, "Venue time zone");
            rest("lena", "a time zone as a number", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_TIME_ZONE, 3))));
            rest("lena", "no title", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_TITLE, ""))));
            rest("lena", "a title of 301 characters", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_TITLE, "x".repeat(301)))));
            rest("lena", "a title as a list", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_TITLE, List.of("a")))));
            rest("lena", "a malformed code", "POST", path, json(start("bad code!", proposal(firstDay))));
            rest("lena", "a code that differs from the business key", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), MEETING_CODE, "OTHER-CODE"))));
            expect(rest("lena", "a variable the form does not have", "POST", path,
                    json(start(newCode(), with(proposal(firstDay), CONCEPT_NOTE_APPROVED, true)))), 400, "not: conceptNoteApproved");
            rest("lena", "a Json variable that is not JSON", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), MEETING_TITLE, "{oops", "Json"))));
            rest("lena", "an Object variable of an unknown class", "POST", path,
                    json(start(newCode(), object(proposal(firstDay), MEETING_TITLE))));
            rest("lena", "an unknown variable type", "POST", path,
                    json(start(newCode(), typed(proposal(firstDay), MEETING_TITLE, "x", "Martian"))));
            rest("lena", "text/plain", "POST", path, "text/plain", json(start(newCode(), proposal(firstDay))));
        }
        expect(rest("lena", "an unknown process key", "POST", ENGINE + "/process-definition/key/NoSuchProcess/start",
                json(start(newCode(), proposal(firstDay)))), 404, "");
        expect(rest("lena", "an unknown process definition id", "POST", ENGINE + "/process-definition/" + UNKNOWN_ID + "/submit-form",
                json(start(newCode(), proposal(firstDay)))), 404, "");
        expect(rest("lena", "an unknown process key", "GET", ENGINE + "/process-definition/key/NoSuchProcess", null), 404, "");
        expect(rest("lena", "an unknown process key's start form", "GET",
                ENGINE + "/process-definition/key/NoSuchProcess/startForm", null), 404, "");
        rest("lena", "an unknown process key's deployed form", "GET",
                ENGINE + "/process-definition/key/NoSuchProcess/deployed-start-form", null);
        rest("lena", "an unknown process key's form variables", "GET",
                ENGINE + "/process-definition/key/NoSuchProcess/form-variables", null);
        rest("lena", "a garbled process definition id", "GET", ENGINE + "/process-definition/%25%00%20", null);
    }

    // --- tasks: what Tasklist calls on a task --------------------------------------------------------

    private void tasks(Task draft, String task) throws JsonProcessingException {
        String unknown = ENGINE + "/task/" + UNKNOWN_ID;
        expect(rest("lena", "an unknown task", "GET", unknown, null), 404, "");
        for (String operation : List.of("claim", "unclaim", "assignee", "complete", "submit-form", "resolve", "delegate")) {
            expect(rest("lena", "an unknown task", "POST", unknown + "/" + operation,
                    json(Map.of("userId", "lena", "variables", Map.of()))), 404, "");
        }
        for (String read : List.of("variables", "form-variables", "localVariables", "form", "deployed-form",
                "rendered-form", "identity-links", "comment")) {
            rest("lena", "an unknown task", "GET", unknown + "/" + read, null);
        }
        rest("lena", "an unknown task's variable", "PUT", unknown + "/variables/x", json(Map.of("value", 1)));
        rest("lena", "an unknown task", "POST", unknown + "/variables", json(Map.of("modifications", Map.of())));

        expect(rest("lena", "a claim that is not JSON", "POST", task + "/claim", "not JSON"), 400, "");
        rest("lena", "a claim without a user", "POST", task + "/claim", "{}");
        rest("lena", "a claim for a user id object", "POST", task + "/claim", "{\"userId\": {\"id\": \"lena\"}}");
        rest("lena", "an assignee that is not JSON", "POST", task + "/assignee", "{userId: lena");
        expect(rest("lena", "a first claim", "POST", task + "/claim", json(Map.of("userId", "lena"))), 204, null);
        Answer claimed = expect(rest("omar", "a claim of a task already claimed", "POST", task + "/claim",
                json(Map.of("userId", "omar"))), 409, "already claimed by lena");
        assertThat(claimed.body()).contains("\"type\"", "\"message\"");

        expect(rest("lena", "a completion that is not JSON", "POST", task + "/complete", "not JSON"), 400, "");
        expect(rest("lena", "a whole number given as 25.5", "POST", task + "/complete",
                json(Map.of("variables", typedVariables(draftValues(PARTICIPANTS_TARGET, 25.5))))), 400, "whole number");
        expect(rest("lena", "a checklist given a plain string", "POST", task + "/submit-form",
                json(Map.of("variables", typedVariables(draftValues(PARTICIPANT_CATEGORIES, "GOV"))))), 400, "list");
        Map<String, Object> duplicates = typedVariables(draftValues());
        duplicates.put(PARTICIPANT_CATEGORIES, Map.of("value", "[\"GOV\", \"GOV\"]", "type", "Json"));
        expect(rest("lena", "a checklist with a value twice", "POST", task + "/complete",
                json(Map.of("variables", duplicates))), 400, "twice");
        Map<String, Object> brokenJson = typedVariables(draftValues());
        brokenJson.put(PARTICIPANT_CATEGORIES, Map.of("value", "[\"GOV\", ", "type", "Json"));
        rest("lena", "a checklist that is broken JSON", "POST", task + "/complete", json(Map.of("variables", brokenJson)));
        Map<String, Object> notAList = typedVariables(draftValues());
        notAList.put(PARTICIPANT_CATEGORIES, Map.of("value", "{\"GOV\": true}", "type", "Json"));
        rest("lena", "a checklist that is a JSON object", "POST", task + "/complete", json(Map.of("variables", notAList)));
        expect(rest("lena", "a text with a NUL character", "POST", task + "/complete",
                json(Map.of("variables", typedVariables(draftValues(BACKGROUND, "Before \u0000 after"))))), 400, "");
        expect(rest("lena", "a variable with a NUL character", "PUT", task + "/localVariables/note",
                json(Map.of("value", "a \u0000 b", "type", "String"))), 400, "");
        rest("lena", "a variable name of 300 characters", "PUT", task + "/localVariables/" + "n".repeat(300),
                json(Map.of("value", "x", "type", "String")));
        rest("lena", "a number as text", "POST", task + "/complete",
                json(Map.of("variables", typedVariables(draftValues(PARTICIPANTS_TARGET, "many")))));
        rest("lena", "a variable typed Integer that is text", "POST", task + "/complete",
                json(Map.of("variables", typed(draftValues(), PARTICIPANTS_TARGET, "many", "Integer"))));
        rest("lena", "variables as a list", "POST", task + "/submit-form", "{\"variables\": [1, 2]}");
        rest("lena", "a variable that is not JSON", "PUT", task + "/variables/participantsTarget", "{\"value\": ");
        rest("lena", "a variable of an unknown type", "PUT", task + "/variables/participantsTarget",
                json(Map.of("value", "x", "type", "Martian")));
        rest("lena", "modifications that are not a map", "POST", task + "/variables", "{\"modifications\": 5}");
        rest("lena", "a form-variables query for no name", "GET", task + "/form-variables?variableNames=,,,", null);
        rest("lena", "a query with a date that is not one", "GET", ENGINE + "/task?dueBefore=tomorrow", null);
        rest("lena", "a query sorted by nothing known", "GET", ENGINE + "/task?sortBy=colour&sortOrder=up", null);
        rest("lena", "a query with a page size in words", "GET", ENGINE + "/task?maxResults=ten", null);
        rest("lena", "a task query that is not JSON", "POST", ENGINE + "/task", "{\"processInstanceBusinessKey\": ");
        rest("lena", "an unclaim that is not JSON", "POST", task + "/unclaim", "}{");
        expect(rest("lena", "unclaim", "POST", task + "/unclaim", null), 204, null);
    }

    // --- the same doors through Tasklist's own API (session cookie and XSRF header) ------------------

    private void tasklistApi(String takenCode, LocalDate firstDay) throws JsonProcessingException {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        BrowserSession omar = BrowserSession.signedIn(port, "omar");
        expect(tasklist(lena, "a taken code", "POST", SUBMIT_START,
                json(start(null, with(proposal(firstDay), MEETING_CODE, takenCode)))), 409, "already exists");
        expect(tasklist(lena, "not JSON", "POST", SUBMIT_START, "not JSON"), 400, "");
        expect(tasklist(lena, "numberOfDays as text", "POST", SUBMIT_START,
                json(start(null, with(proposal(firstDay), MEETING_CODE, newCode(), NUMBER_OF_DAYS, "two")))),
                400, "Number of days");
        expect(tasklist(lena, "a first day in the past", "POST", SUBMIT_START,
                json(start(null, with(proposal(firstDay), MEETING_CODE, newCode(), FIRST_DAY, "2020-03-02")))),
                400, "past");
        expect(tasklist(lena, "an unknown task", "GET", "/task/" + UNKNOWN_ID, null), 404, "");
        expect(tasklist(lena, "an unknown task", "POST", "/task/" + UNKNOWN_ID + "/claim", json(Map.of("userId", "lena"))), 404, "");
        expect(tasklist(lena, "an unknown process key", "GET", "/process-definition/key/NoSuchProcess", null), 404, "");

        String code = newCode();
        runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, proposal(firstDay));
        Task draft = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        String task = "/task/" + draft.getId();
        expect(tasklist(lena, "a claim", "POST", task + "/claim", json(Map.of("userId", "lena"))), 204, null);
        expect(tasklist(omar, "a claim of a task already claimed", "POST", task + "/claim", json(Map.of("userId", "omar"))),
                409, "already claimed by lena");
        expect(tasklist(lena, "a whole number given as 25.5", "POST", task + "/submit-form",
                json(Map.of("variables", typedVariables(draftValues(PARTICIPANTS_TARGET, 25.5))))), 400, "whole number");
        expect(tasklist(lena, "a completion that is not JSON", "POST", task + "/submit-form", "{\"variables\": "), 400, "");
    }

    // --- lost races: two staff members claim the same tasks at the same moment -----------------------

    private void claimRaces() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = newCode();
            runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, proposal(ExpertMeetings.firstDay()));
            tasks.add(taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String id : tasks) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Answer>> claims = new ArrayList<>();
                for (String user : List.of("lena", "omar")) {
                    claims.add(() -> {
                        together.await();
                        return record(send("a claim racing another", "POST", ENGINE + "/task/" + id + "/claim",
                                basic(user), "application/json", json(Map.of("userId", user))));
                    });
                }
                List<Answer> both = new ArrayList<>();
                for (Future<Answer> answer : pool.invokeAll(claims)) {
                    both.add(answer.get());
                }
                List<Integer> statuses = both.stream().map(Answer::status).sorted().toList();
                if (!statuses.equals(List.of(204, 409))) {
                    unexpected.add("two claims at once: one wins (204), the other 409; got " + both);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- the app's own API and pages -----------------------------------------------------------------

    private void appApiAndPages(String code) {
        expect(rest("grace", "an unknown meeting", "GET", "/api/meetings/NO-SUCH-MEETING/audit", null), 404, "NO-SUCH-MEETING");
        expect(rest("lena", "a staff member", "GET", "/api/meetings/" + code + "/audit", null), 403, "managers");
        rest("grace", "a code of 5000 characters", "GET", "/api/meetings/" + "A".repeat(5000) + "/audit", null);
        record(send("a user name with a NUL character", "GET", ENGINE + "/task", basic("le\u0000na"), null, null));
        record(send("a Basic header that is not Base64", "GET", ENGINE + "/task", "Basic ***", null, null));
        record(tasklistLogin("a Tasklist login with a NUL in the user name", "le\u0000na"));
        rest("grace", "a garbled code", "GET", "/api/meetings/%E0%A4/audit", null);

        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        for (String page : List.of("", "/agenda", "/participants")) {
            expect(page(lena, "an unknown meeting", "/meetings/NO-SUCH-MEETING" + page), 404, "NO-SUCH-MEETING");
        }
        expect(page(grace, "an unknown meeting", "/meetings/NO-SUCH-MEETING/audit"), 404, "NO-SUCH-MEETING");
        page(grace, "an unknown meeting's CSV", "/meetings/NO-SUCH-MEETING/audit.csv");
        page(lena, "a garbled code", "/meetings/%C3%28/agenda");

        String agenda = "/meetings/" + code + "/agenda";
        lena.get(agenda);
        for (Map<String, String> session : List.<Map<String, String>>of(
                session("x", "09:00", "10:00", "PLENARY", "Opening"),
                session("9", "09:00", "10:00", "PLENARY", "Opening"),
                session("1", "25:99", "10:00", "PLENARY", "Opening"),
                session("1", "10:00", "09:00", "PLENARY", "Opening"),
                session("1", "09:00", "10:00", "PICNIC", "Opening"),
                session("1", "09:00", "10:00", "PLENARY", ""),
                session("1", "09:00", "10:00", "PLENARY", "x".repeat(5000)),
                session("1", "09:00", "10:00", "PLENARY", "Opening \u0000 session"),
                Map.of())) {
            form(lena, "a session that breaks the rules " + session.keySet(), agenda + "/sessions", session);
            lena.get(agenda);
        }
        form(lena, "a session id in words", agenda + "/sessions/abc/remove", Map.of());
        lena.get(agenda);
        form(lena, "an unknown session", agenda + "/sessions/999999999/remove", Map.of());
        lena.get(agenda);
        form(lena, "an unknown working group", agenda + "/working-groups/WG99",
                Map.of("chairName", "Ann Chair", "chairUserId", "", "rapporteurName", ""));
        lena.get(agenda);
        form(lena, "a chair who is no user", agenda + "/working-groups/WG1",
                Map.of("chairName", "", "chairUserId", "nobody-at-all", "rapporteurName", "x".repeat(5000)));
        lena.get(agenda);
        form(lena, "an unknown meeting", "/meetings/NO-SUCH-MEETING/agenda/sessions",
                session("1", "09:00", "10:00", "PLENARY", "Opening"));
        expect(form(BrowserSession.signedIn(port, "lena"), "no CSRF token", agenda + "/sessions",
                session("1", "09:00", "10:00", "PLENARY", "Opening")), 403, "");

        String people = "/meetings/" + code + "/participants";
        long listed = participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "a.khalil@gov.example", false);
        lena.get(people);
        for (Map<String, String> person : List.<Map<String, String>>of(
                person("", "Ministry", "GOV", "a@b.example"),
                person("Ann", "Ministry", "PRESS", "a@b.example"),
                person("Ann", "Ministry", "GOV", "not an address"),
                person("Ann", "x".repeat(5000), "GOV", "a@b.example"),
                person("Ann \u0000 Lee", "Ministry", "GOV", "a@b.example"),
                person("Amira Khalil", "Ministry of Interior", "GOV", "a.khalil@gov.example"),
                Map.of("reserve", "perhaps"),
                Map.of())) {
            form(lena, "a participant who breaks the rules " + person, people, person);
            lena.get(people);
        }
        form(lena, "a participant id in words", people + "/abc/move", Map.of("reserve", "true"));
        lena.get(people);
        form(lena, "no reserve flag", people + "/" + listed + "/move", Map.of());
        lena.get(people);
        form(lena, "a reserve flag in words", people + "/" + listed + "/move", Map.of("reserve", "perhaps"));
        lena.get(people);
        form(lena, "an unknown participant", people + "/999999999/remove", Map.of());
        lena.get(people);
        form(lena, "an id too big", people + "/99999999999999999999999/remove", Map.of());
        lena.get(people);
        form(lena, "an unknown meeting", "/meetings/NO-SUCH-MEETING/participants",
                person("Ann", "Ministry", "GOV", "a@b.example"));
    }

    // --- the app's JSON API: schedule, cancellation, replies, invitation settings, participants, agenda ----

    private void meetingApi(String code) {
        String meeting = "/api/meetings/" + code;
        String unknown = "/api/meetings/NO-SUCH-MEETING";
        expect(rest("lena", "an unknown meeting", "GET", unknown + "/schedule", null), 404, "NO-SUCH-MEETING");
        expect(rest("lena", "a schedule that is not JSON", "PUT", meeting + "/schedule", "{firstDay:"), 400, "");
        expect(rest("lena", "a first day in the past", "PUT", meeting + "/schedule",
                json(Map.of("firstDay", "2020-01-06", "reason", "test"))), 422, "The first day must be after today");
        rest("lena", "an impossible first day", "PUT", meeting + "/schedule", json(Map.of("firstDay", "2027-02-30")));
        rest("lena", "a first day as a number", "PUT", meeting + "/schedule", "{\"firstDay\": 20270208}");
        rest("lena", "an unknown time zone", "PUT", meeting + "/schedule", json(Map.of("timeZone", "Mars/Olympus_Mons")));
        rest("lena", "a schedule that is a list", "PUT", meeting + "/schedule", "[]");
        rest("lena", "an empty schedule", "PUT", meeting + "/schedule", "{}");
        expect(rest("grace", "an unknown meeting", "POST", unknown + "/cancellation", json(Map.of("reason", "x"))), 404, "");
        rest("grace", "a cancellation that is not JSON", "POST", meeting + "/cancellation", "reason=none");
        rest("grace", "a cancellation reason as a list", "POST", meeting + "/cancellation", "{\"reason\": [1, 2]}");

        for (String operation : List.of("reply", "correction", "withdrawal")) {
            expect(rest("lena", "an unknown participant", "POST", meeting + "/participants/999999999/" + operation,
                    json(Map.of("reply", "accept"))), 404, "");
            rest("lena", "a participant id in words", "POST", meeting + "/participants/amira/" + operation,
                    json(Map.of("reply", "accept")));
            rest("lena", "a participant id too big", "POST", meeting + "/participants/99999999999999999999999/" + operation,
                    json(Map.of("reply", "accept")));
            rest("lena", "a body that is not JSON", "POST", meeting + "/participants/1/" + operation, "accept");
            rest("lena", "an unknown meeting", "POST", unknown + "/participants/1/" + operation, json(Map.of("reply", "accept")));
        }
        rest("lena", "a reply of maybe", "POST", meeting + "/participants/1/reply", json(Map.of("reply", "maybe")));
        rest("lena", "a reply as a number", "POST", meeting + "/participants/1/reply", "{\"reply\": 1}");
        expect(rest("lena", "an unknown meeting", "GET", unknown + "/participants/confirmed", null), 404, "");
        expect(rest("lena", "an unknown meeting", "GET", unknown + "/invitation-settings", null), 404, "");
        rest("lena", "settings that are not JSON", "PUT", meeting + "/invitation-settings", "{");
        rest("lena", "settings with a list of words", "PUT", meeting + "/invitation-settings",
                "{\"reminderDaysBeforeDeadline\": [\"soon\"], \"replyDays\": -5}");
        rest("lena", "settings that are a list", "PUT", meeting + "/invitation-settings", "[1]");
        expect(rest("lena", "an unknown meeting", "GET", unknown + "/participants", null), 404, "");
        rest("lena", "a participants' CSV that is binary", "POST", meeting + "/participants", "text/csv", "\u0000\u0001\u0002");
        rest("lena", "a participants' CSV with a dry run of perhaps", "POST", meeting + "/participants?dryRun=perhaps",
                "text/csv", "name,organisation,category,email\nAnn,Ministry,GOV,a@b.example\n");
        rest("lena", "a participants' CSV without its header", "POST", meeting + "/participants", "text/csv", "Ann;GOV\n");

        expect(rest("lena", "an unknown meeting", "GET", unknown + "/agenda", null), 404, "NO-SUCH-MEETING");
        expect(rest("lena", "an agenda that is not JSON", "PUT", meeting + "/agenda", "{sessions: ["), 400, "");
        rest("lena", "an agenda that is a list", "PUT", meeting + "/agenda", "[]");
        rest("lena", "an empty agenda", "PUT", meeting + "/agenda", "{}");
        rest("lena", "sessions as a word", "PUT", meeting + "/agenda", json(Map.of("sessions", "many")));
        for (Map<String, Object> session : List.<Map<String, Object>>of(
                Map.of("day", "one", "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "Opening"),
                Map.of("day", 99, "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "Opening"),
                Map.of("day", 1, "startsAt", "25:99", "endsAt", "10:00", "kind", "PLENARY", "title", "Opening"),
                Map.of("day", 1, "startsAt", "10:00", "endsAt", "09:00", "kind", "PLENARY", "title", "Opening"),
                Map.of("day", 1, "startsAt", "09:00", "endsAt", "10:00", "kind", "PICNIC", "title", "Opening"),
                Map.of("day", 1, "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "x".repeat(5000)),
                Map.of("id", 999999999, "day", 1, "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "A"),
                Map.of("id", "abc", "day", 1, "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "A"))) {
            expect(rest("lena", "an agenda with a session that breaks the rules " + session.keySet(), "PUT",
                    meeting + "/agenda", json(Map.of("sessions", List.of(session), "workingGroups", List.of()))), 400, "");
        }
        expect(rest("lena", "an agenda with a working group that has no code", "PUT", meeting + "/agenda",
                json(Map.of("sessions", List.of(), "workingGroups", List.of(Map.of("questions", "what?"))))), 400, "");
    }

    // --- documents: version pages, changes, PDF and DOCX, the version API; the meeting's prints -------

    private void documentsAndExports(String code) {
        long id = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", "# Background\n\nFirst text.", "lena", null)
                .documentId();
        documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", "# Background\n\nSecond text.", "omar", null);
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        BrowserSession ravi = BrowserSession.signedIn(port, "ravi");
        for (String suffix : List.of("", ".pdf", ".docx", "/changes")) {
            expect(page(lena, "an unknown document", "/documents/999999999/versions/1" + suffix), 404, "");
            expect(page(lena, "an unknown version", "/documents/" + id + "/versions/99" + suffix), 404, "");
            page(lena, "a version 0", "/documents/" + id + "/versions/0" + suffix);
            page(lena, "a version below 0", "/documents/" + id + "/versions/-1" + suffix);
            page(lena, "a document id in words", "/documents/paper/versions/1" + suffix);
            page(lena, "a document id too big", "/documents/99999999999999999999999/versions/1" + suffix);
            expect(page(ravi, "a reviewer not asked", "/documents/" + id + "/versions/1" + suffix), 403, "");
        }
        String changes = "/documents/" + id + "/versions/2/changes";
        expect(page(lena, "changes from a version in words", changes + "?from=first"), 400, "from");
        expect(page(lena, "changes from an unknown version", changes + "?from=99"), 404, "");
        page(lena, "changes from version 0", changes + "?from=0");
        page(lena, "changes from a version too big", changes + "?from=99999999999999999999999");

        String meeting = "/meetings/" + code;
        for (String print : List.of("/concept-note.pdf", "/concept-note.docx", "/agenda.pdf", "/agenda.docx",
                "/agenda.ics", "/concept-note/changes", "/documents")) {
            expect(page(lena, "an unknown meeting", "/meetings/NO-SUCH-MEETING" + print), 404, "");
            page(lena, "a garbled code", "/meetings/%C3%28" + print);
        }
        page(lena, "concept note changes from a version in words", meeting + "/concept-note/changes?from=first");
        page(lena, "concept note changes from an unknown version", meeting + "/concept-note/changes?from=99");

        String api = "/api/documents/" + id + "/versions/1";
        expect(rest("lena", "a change to a submitted version", "PUT", api, json(Map.of("text", "changed"))), 409, "");
        expect(rest("lena", "a change to an unknown document", "PUT", "/api/documents/999999999/versions/1",
                json(Map.of("text", "changed"))), 404, "");
        rest("lena", "a document id in words", "PUT", "/api/documents/paper/versions/1", json(Map.of("text", "x")));
        rest("lena", "a version in words", "PUT", "/api/documents/" + id + "/versions/first", json(Map.of("text", "x")));
        rest("lena", "a change that is not JSON", "PUT", api, "text=changed");
    }

    // --- what a manager does to jobs in Cockpit, on jobs that do not exist ---------------------------

    private void cockpitJobs() {
        String job = ENGINE + "/job/" + UNKNOWN_ID;
        expect(rest("grace", "an unknown job's due date", "PUT", job + "/duedate",
                json(Map.of("duedate", "2027-01-01T09:00:00.000+0000"))), 404, UNKNOWN_ID);
        expect(rest("grace", "an unknown job's retries", "PUT", job + "/retries", json(Map.of("retries", 3))), 404, "");
        expect(rest("grace", "an unknown job run now", "POST", job + "/execute", null), 404, "");
        rest("grace", "an unknown job suspended", "PUT", job + "/suspended", json(Map.of("suspended", true)));
        rest("grace", "an unknown job's priority", "PUT", job + "/priority", json(Map.of("priority", 5)));
        rest("grace", "an unknown job", "GET", job, null);
        rest("grace", "an unknown job's stack trace", "GET", job + "/stacktrace", null);
        rest("grace", "a due date that is no date", "PUT", job + "/duedate", json(Map.of("duedate", "tomorrow")));
        rest("grace", "retries in words", "PUT", job + "/retries", json(Map.of("retries", "three")));
    }

    // --- the invitees' signed links (no login) -------------------------------------------------------

    private void signedLinks(String code) {
        String valid = invitationLinkToken(code);
        String payload = valid.substring(0, valid.indexOf('.'));
        String signature = valid.substring(valid.indexOf('.') + 1);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("invitation-reply|" + code + "|1|4102444800|AAAAAAAAAAAAAAAAAAAAAA").getBytes(StandardCharsets.UTF_8));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("garbage", "garbage");
        tokens.put("one character changed", payload.substring(0, payload.length() - 2)
                + (payload.endsWith("AA") ? "BB" : "AA") + "." + signature);
        tokens.put("a forged payload", forgedPayload + "." + signature);
        tokens.put("no signature", payload + ".");
        tokens.put("two dots", valid + "." + signature);
        tokens.put("5000 characters", "A".repeat(2500) + "." + "B".repeat(2500));
        tokens.put("percent-encoded junk", "%F0%9F%92%A9.%C3%28");
        tokens.put("signed for an unknown action", links.issue("no-such-action", code, "1", Duration.ofDays(1)));
        tokens.put("signed for an unknown meeting", links.issue("invitation-reply", "NO-SUCH-MEETING", "1", Duration.ofDays(1)));
        tokens.put("signed for a participant id in words", links.issue("invitation-reply", code, "amira", Duration.ofDays(1)));
        tokens.put("signed for a participant id too big",
                links.issue("invitation-reply", code, "99999999999999999999999", Duration.ofDays(1)));
        tokens.put("expired", links.issue("invitation-reply", code, "1", Instant.now().minusSeconds(60)));
        BrowserSession invitee = BrowserSession.anonymous(port);
        for (Map.Entry<String, String> forged : tokens.entrySet()) {
            Answer opened = page(invitee, "a link " + forged.getKey(), "/links/" + forged.getValue());
            invitee.get("/links/" + valid); // the page of a good link gives the anonymous session its CSRF token
            Answer posted = form(invitee, "a link " + forged.getKey(), "/links/" + forged.getValue(),
                    Map.of("reply", "accept", "note", ""));
            if (forged.getKey().equals("one character changed") || forged.getKey().equals("garbage")) {
                expect(opened, 400, "This link is not valid");
                expect(posted, 400, "This link is not valid");
            }
        }
        for (Map<String, String> reply : List.<Map<String, String>>of(Map.of("reply", "maybe"), Map.of(),
                Map.of("reply", "accept", "note", "a NUL \u0000 character"), Map.of("reply", "accept", "note", "x".repeat(20000)))) {
            invitee.get("/links/" + valid);
            form(invitee, "a reply that breaks the page's rules " + reply.keySet(), "/links/" + valid, reply);
        }
        invitee.get("/links/" + valid);
        form(invitee, "a reply with no CSRF token", "/links/" + valid + "?_csrf=", Map.of("reply", "accept", "_csrf", "forged"));
    }

    /** The token of a real invitation's link, as the invitation mail carries it. */
    private String invitationLinkToken(String code) {
        ProcessInstance meeting = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExpertMeetingProcess.ID)
                .processInstanceBusinessKey(code).singleResult();
        long invitee = participants.add(code, "Grace Otieno", "Refugee Law Project", ParticipantCategory.NGO,
                "g.otieno@ngo.example", false);
        Map<String, Object> variables = new HashMap<>(ExpertMeetings.phaseVariables(runtimeService, meeting));
        variables.put(PARTICIPANT_ID, String.valueOf(invitee));
        ProcessInstance invitation = runtimeService.startProcessInstanceByKey(InvitationProcess.ID, code, variables);
        List<Job> continuations;
        while (!(continuations = managementService.createJobQuery().processInstanceId(invitation.getId())
                .messages().list()).isEmpty()) {
            continuations.forEach(job -> managementService.executeJob(job.getId()));
        }
        String mail = jdbc.sql("select body from cv_outbox_mail where meeting_code = ?").param(code)
                .query(String.class).single();
        Matcher link = Pattern.compile("/links/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as("a signed link in the invitation mail").isTrue();
        return link.group(1);
    }

    // --- requests -------------------------------------------------------------------------------------

    private Answer rest(String user, String what, String method, String path, String body) {
        return rest(user, what, method, path, "application/json", body);
    }

    private Answer rest(String user, String what, String method, String path, String contentType, String body) {
        return record(send(what, method, path, basic(user), contentType, body));
    }

    /** Signs in through Tasklist's login form, as its page does (the webapps' XSRF cookie and header). */
    private Answer tasklistLogin(String what, String user) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String path = "/camunda/api/admin/auth/user/default/login/tasklist";
        try {
            browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(what, "POST", path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer tasklist(BrowserSession browser, String what, String method, String path, String body) {
        HttpResponse<String> response = browser.webappApi(method, TASKLIST + path, body);
        return record(new Answer(what, method, TASKLIST + path, response.statusCode(), response.body()));
    }

    private Answer page(BrowserSession browser, String what, String path) {
        HttpResponse<String> response = browser.get(path);
        return record(new Answer(what, "GET", path, response.statusCode(), response.body()));
    }

    private Answer form(BrowserSession browser, String what, String path, Map<String, String> fields) {
        HttpResponse<String> response = browser.post(path, fields);
        return record(new Answer(what, "POST", path, response.statusCode(), response.body()));
    }

    private synchronized Answer record(Answer answer) {
        answers.add(answer);
        return answer;
    }

    private Answer send(String what, String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(what, method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Notes it when the status is not {@code status} or the body does not name {@code message} (null: any body). */
    private Answer expect(Answer answer, int status, String message) {
        if (answer.status() != status || (message != null && !answer.message().contains(message))) {
            unexpected.add("expected " + status + (message == null || message.isEmpty() ? "" : " naming '" + message + "'")
                    + ", got " + answer);
        }
        return answer;
    }

    // --- request bodies -------------------------------------------------------------------------------

    private static String newCode() {
        return TestMeetings.newCode("BAD");
    }

    private static Map<String, Object> proposal(LocalDate firstDay) {
        return new LinkedHashMap<>(ExpertMeetings.proposal(firstDay));
    }

    private static Map<String, Object> with(Map<String, Object> values, Object... namesAndValues) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changed.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return changed;
    }

    /** The body of a start: the business key (none: null) and the values as Camunda's typed variables. */
    private static Map<String, Object> start(String businessKey, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>();
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        body.put("variables", typedVariables(values));
        return body;
    }

    /** {"name": {"value": v}}, lists as Json; a value that is already a typed map is kept as it is. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> typedVariables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> typed && typed.containsKey("type")) {
                variables.put(name, typed);
            } else if (value instanceof List<?> list) {
                variables.put(name, Map.of("value", json(list), "type", "Json"));
            } else {
                Map<String, Object> untyped = new HashMap<>();
                untyped.put("value", value);
                variables.put(name, untyped);
            }
        });
        return variables;
    }

    private static Map<String, Object> typed(Map<String, Object> values, String name, Object value, String type) {
        return with(values, name, Map.of("value", value, "type", type));
    }

    private static Map<String, Object> object(Map<String, Object> values, String name) {
        return with(values, name, Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object",
                "valueInfo", Map.of("objectTypeName", "com.example.Nothing", "serializationDataFormat", "application/x-java-serialized-object")));
    }

    private static Map<String, Object> draftValues(Object... overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(BACKGROUND, "Cooperation between States.");
        values.put(OBJECTIVES, "Identify lessons.");
        values.put(CONVENER, "UNHCR");
        values.put(PARTICIPANTS_TARGET, 25);
        values.put(PARTICIPANT_CATEGORIES, List.of("GOV", "IO"));
        values.put(TIMING_AND_LOCATION, "Amman, Jordan");
        values.put(DOCUMENTATION, "A background paper.");
        return with(values, overrides);
    }

    private static Map<String, String> session(String day, String startsAt, String endsAt, String kind, String title) {
        return Map.of("day", day, "startsAt", startsAt, "endsAt", endsAt, "kind", kind, "title", title, "description", "");
    }

    private static Map<String, String> person(String name, String organisation, String category, String email) {
        return Map.of("name", name, "organisation", organisation, "category", category, "email", email, "reserve", "false");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
