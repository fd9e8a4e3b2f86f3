package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.invitation.InvitationProcess.PARTICIPANT_ID;
import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.DECISION;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_DATES;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.invitation.InvitationProcess;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.invitation.Participants;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Roles × actions, through the REST API (and the webapps' login for Cockpit): each group can
 * do its own work and no more. Managers read every meeting's tasks (Cockpit's counts) but claim,
 * assign, change or complete none of another group's, and their Tasklist lists hold their own work. Every row starts its own meeting, waiting at "Draft concept
 * note" (offered to convener-staff).
 */
@ConveneIntegrationTest
class AuthorizationMatrixTests {

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Participants participants;

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
            // role,  action,                 allowed
            "lena,    start a meeting,         true",
            "grace,   start a meeting,         false",
            "ravi,    start a meeting,         false",
            "guest,   start a meeting,         false",
            "demo,    start a meeting,         true",
            "lena,    list the staff task,     true",
            "grace,   list the staff task,     true",
            "ravi,    list the staff task,     false",
            "guest,   list the staff task,     false",
            "lena,    see the staff task,      true",
            "grace,   see the staff task,      true",
            "ravi,    see the staff task,      false",
            "guest,   see the staff task,      false",
            "lena,    find the staff task in My groups' tasks, true",
            "omar,    find the staff task in My groups' tasks, true",
            "grace,   find the staff task in My groups' tasks, false",
            "ravi,    find the staff task in My groups' tasks, false",
            "grace,   find the staff task in My tasks, false",
            "grace,   count the staff task in Cockpit, true",
            "demo,    count the staff task in Cockpit, true",
            "lena,    claim the staff task,    true",
            "grace,   claim the staff task,    false",
            "ravi,    claim the staff task,    false",
            "guest,   claim the staff task,    false",
            "lena,    complete the staff task, true",
            "grace,   complete the staff task, false",
            "ravi,    complete the staff task, false",
            "guest,   complete the staff task, false",
            "lena,    assign the staff task,   true",
            "grace,   assign the staff task,   false",
            "ravi,    assign the staff task,   false",
            "lena,    set the staff task's due date, true",
            "grace,   set the staff task's due date, false",
            "grace,   set a variable of the staff task, false",
            "grace,   complete the review task, true",
            "lena,    complete the review task, false",
            "ravi,    complete the review task, false",
            "lena,    read the history,        false",
            "grace,   read the history,        true",
            "ravi,    read the history,        false",
            "guest,   read the history,        false",
            "demo,    read the history,        true",
            "lena,    open Cockpit,            false",
            "grace,   open Cockpit,            true",
            "ravi,    open Cockpit,            false",
            "guest,   open Cockpit,            false",
            "demo,    open Cockpit,            true",
            "lena,    open Tasklist,           true",
            "grace,   open Tasklist,           true",
            "ravi,    open Tasklist,           true",
            "guest,   open Tasklist,           false",
            "lena,    look up a colleague,     true",
            "grace,   look up a colleague,     true",
            "ravi,    look up a colleague,     true",
            "guest,   look up a colleague,     false",
            "lena,    suspend the meeting,     false",
            "grace,   suspend the meeting,     true",
            "ravi,    suspend the meeting,     false",
            "lena,    retry a job,             false",
            "grace,   retry a job,             true",
            "ravi,    retry a job,             false",
            "lena,    deploy a process,        false",
            "grace,   deploy a process,        false",
            "ravi,    deploy a process,        false",
            "demo,    deploy a process,        true",
            "lena,    create a user,           false",
            "grace,   create a user,           false",
            "ravi,    create a user,           false",
            "demo,    create a user,           true",
    })
    void shouldAllowEachGroupItsOwnWorkAndNoMore(String user, String action, boolean allowed) throws Exception {
        RestClients api = new RestClients(rest);
        String code = TestMeetings.newCode("AUTH");
        ProcessInstance meeting = runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, Map.of(
                MEETING_TITLE, "Authorization matrix", MEETING_PLACE, "Amman, Jordan",
                MEETING_TIME_ZONE, "Asia/Amman", FIRST_DAY, "2027-06-07", NUMBER_OF_DAYS, 2));
        Task staffTask = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();

        boolean done = switch (action) {
            case "start a meeting" -> ok(api.post(user,
                    "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/start",
                    Map.of("businessKey", TestMeetings.newCode("AUTH"), "variables", RestClients.variables(
                            MEETING_TITLE, "Another meeting", MEETING_PLACE, "Geneva", MEETING_TIME_ZONE, "Europe/Zurich",
                            FIRST_DAY, ExpertMeetings.firstDay().toString(), NUMBER_OF_DAYS, 1))));
            case "list the staff task" -> !list(api, user, "/engine-rest/task?processInstanceBusinessKey=" + code).isEmpty();
            case "see the staff task" -> ok(get(api, user, "/engine-rest/task/" + staffTask.getId()));
            case "find the staff task in My groups' tasks", "find the staff task in My tasks" -> {
                String filter = action.substring("find the staff task in ".length());
                yield filterList(api, user, filter).stream().anyMatch(task -> staffTask.getId().equals(task.get("id")));
            }
            // as Cockpit's dashboard counts open tasks, in the webapps' session
            case "count the staff task in Cockpit" -> cockpitTaskCount(user, code) == 1;
            case "assign the staff task" -> ok(api.post(user, "/engine-rest/task/" + staffTask.getId() + "/assignee",
                    Map.of("userId", "omar")));
            case "set the staff task's due date" -> ok(api.as(user).exchange("/engine-rest/task/" + staffTask.getId(),
                    HttpMethod.PUT, RestClients.json(Map.of("name", staffTask.getName(), "due", "2027-05-01T12:00:00.000+0000",
                            "priority", staffTask.getPriority())), String.class));
            case "set a variable of the staff task" -> ok(api.as(user).exchange("/engine-rest/task/" + staffTask.getId()
                    + "/localVariables/note", HttpMethod.PUT, RestClients.json(Map.of("value", "x")), String.class));
            case "claim the staff task" -> ok(api.post(user, "/engine-rest/task/" + staffTask.getId() + "/claim",
                    Map.of("userId", user)));
            case "complete the staff task" -> ok(api.post(user, "/engine-rest/task/" + staffTask.getId() + "/complete",
                    Map.of("variables", ConceptNoteDrafts.restVariables("Background."))));
            case "complete the review task" -> {
                taskService.complete(staffTask.getId(), ConceptNoteDrafts.submission("Background."));
                Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
                yield ok(api.post(user, "/engine-rest/task/" + review.getId() + "/complete",
                        Map.of("variables", RestClients.variables(DECISION, ReviewDecision.APPROVE.formValue()))));
            }
            case "read the history" -> !list(api, user, "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + code).isEmpty();
            case "open Cockpit" -> webappLogin(user, "cockpit") == 200;
            case "open Tasklist" -> webappLogin(user, "tasklist") == 200;
            // as Tasklist's "Set assignee" does before it assigns
            case "look up a colleague" -> !list(api, user, "/engine-rest/user?id=omar").isEmpty();
            case "suspend the meeting" -> ok(api.as(user).exchange("/engine-rest/process-instance/" + meeting.getId()
                    + "/suspended", HttpMethod.PUT, RestClients.json(Map.of("suspended", true)), String.class));
            case "retry a job" -> {
                String jobId = invitationJob(code);
                yield ok(api.as(user).exchange("/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
                        RestClients.json(Map.of("retries", 1)), String.class));
            }
            case "deploy a process" -> ok(deploy(api, user));
            case "create a user" -> ok(api.post(user, "/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", "u" + TestMeetings.newCode("X").replace("-", "").toLowerCase(),
                            "firstName", "New", "lastName", "User", "email", "new@convene.example"),
                    "credentials", Map.of("password", "a-long-password-1"))));
            default -> throw new IllegalArgumentException(action);
        };
        assertThat(done).as("%s may %s", user, action).isEqualTo(allowed);
    }

    private static boolean ok(ResponseEntity<?> response) {
        return response.getStatusCode().is2xxSuccessful();
    }

    private static ResponseEntity<String> get(RestClients api, String user, String path) {
        return api.as(user).getForEntity(path, String.class);
    }

    private static List<Map<String, Object>> list(RestClients api, String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = api.as(user).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : List.of();
    }


    /** The job of an invitation waiting to be sent, as a manager would find it in Cockpit. */
    private String invitationJob(String code) {
        long participant = participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "a.khalil@gov.example", false);
        ProcessInstance invitation = runtimeService.startProcessInstanceByKey(InvitationProcess.ID, code, Map.of(
                MEETING_CODE, code, MEETING_TITLE, "Authorization matrix", MEETING_PLACE, "Amman, Jordan",
                MEETING_DATES, "7–8 June 2027", PARTICIPANT_ID, String.valueOf(participant)));
        return managementService.createJobQuery().processInstanceId(invitation.getId()).singleResult().getId();
    }

    private ResponseEntity<String> deploy(RestClients api, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "rogue");
        body.add("data", new org.springframework.core.io.ByteArrayResource(("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="RogueProcess" isExecutable="true" camunda:historyTimeToLive="1"><startEvent id="s"/></process>
                </definitions>""").getBytes()) {
            @Override
            public String getFilename() {
                return "rogue.bpmn";
            }
        });
        return api.as(user).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    /** The tasks of a Tasklist filter as the user sees them ("My groups' tasks", "My tasks"). */
    private static List<Map<String, Object>> filterList(RestClients api, String user, String filterName) {
        List<Map<String, Object>> filters = list(api, user, "/engine-rest/filter?name=" + filterName);
        if (filters.isEmpty()) {
            return List.of();
        }
        ResponseEntity<List<Map<String, Object>>> response = api.as(user).exchange(
                "/engine-rest/filter/" + filters.get(0).get("id") + "/list", HttpMethod.POST, RestClients.json(Map.of()),
                new ParameterizedTypeReference<>() { });
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : List.of();
    }

    /** Signed into Cockpit, the open tasks of the meeting as Cockpit's dashboard counts them; -1 when refused. */
    private long cockpitTaskCount(String user, String code) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        if (webappLogin(user, "cockpit", browser, cookies) != 200) {
            return -1;
        }
        HttpResponse<String> count = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/default/task/count?processInstanceBusinessKey=" + code))
                .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf(cookies)).build(),
                HttpResponse.BodyHandlers.ofString());
        return count.statusCode() == 200
                ? ((Number) new com.fasterxml.jackson.databind.ObjectMapper().readValue(count.body(), Map.class)
                        .get("count")).longValue()
                : -1;
    }

    private int webappLogin(String user, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        return webappLogin(user, app, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private int webappLogin(String user, String app, HttpClient browser, CookieManager cookies) throws Exception {
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
                .build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = xsrf(cookies);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/camunda/api/admin/auth/user/default/login/" + app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", xsrf)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
