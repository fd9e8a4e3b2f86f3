package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.RestClients.variables;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.RestClients;
import org.convene.meeting.Attendance;
import org.convene.report.WorkingGroupReportProcess;
import org.convene.TestMeetings;
import org.convene.document.DocumentVariables;
import org.convene.document.SignOffProcess;
import org.convene.framework.CommonFrameworkProcess;
import org.convene.framework.RecommendationsProcess;
import org.convene.framework.SummaryConclusionsProcess;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.InvitationStatus;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.Participants;
import org.convene.invitation.ReplyChannel;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.MeetingProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.meeting.PreparationProcess;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One meeting's whole lifecycle, on PostgreSQL, through the REST API only: every task is
 * worked by a demo user of the task's group, after a user of another group was refused it.
 * Waits for the meeting's dates are fast-forwarded by executing the due timer job, as a
 * manager would in Cockpit, once its due date was checked against the agenda.
 */
@ConveneIntegrationTest
class MeetingLifecycleTests {

    static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    static final Map<String, String> USER_OF_GROUP = Map.of(
            "convener-staff", "lena", "managers", "grace", "reviewers", "ravi");
    static final Map<String, String> OUTSIDER_OF_GROUP = Map.of(
            "convener-staff", "ravi", "managers", "lena", "reviewers", "omar");

    @Autowired TestRestTemplate rest;
    @Autowired Participants participants;
    @Autowired Attendance attendance;

    RestClients api;
    String code;
    final List<String> worked = new ArrayList<>();
    final List<String> timersFired = new ArrayList<>();
    final List<String> repliesSent = new ArrayList<>();

    @Test
    void shouldCarryAMeetingFromConceptNoteToPublishedFramework() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("E2E");
        LocalDate firstDay = LocalDate.now(AMMAN).plusWeeks(10).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        ResponseEntity<Map<String, Object>> started = api.post("lena",
                "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/start",
                Map.of("businessKey", code, "variables", variables(
                        ProcessVariables.MEETING_TITLE, "Expert Meeting on International Cooperation to Share Burden and Responsibilities",
                        ProcessVariables.MEETING_PLACE, "Amman, Jordan", ExpertMeetingProcess.MEETING_TIME_ZONE, "Asia/Amman",
                        ExpertMeetingProcess.FIRST_DAY, firstDay.toString(), ExpertMeetingProcess.NUMBER_OF_DAYS, 2)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");

        participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV, "a.khalil@gov.example", false);
        participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        participants.add(code, "Grace Otieno", "National refugee NGO", ParticipantCategory.NGO, "g.otieno@ngo.example", true);

        for (int step = 0; step < 300 && !ended(instanceId); step++) {
            if (!runDueJobs() && !workNextTask() && !replyToNextInvitation() && !fireNextTimer(firstDay)) {
                break;
            }
        }

        assertThat(ended(instanceId)).as("meeting ended; worked %s", worked).isTrue();
        Map<String, Object> history = get("grace", "/engine-rest/history/process-instance/" + instanceId);
        assertThat(history).containsEntry("state", "COMPLETED").containsEntry("businessKey", code);
        assertThat(worked).contains("Draft concept note", "Review concept note", "Revise concept note",
                "Draft agenda", "Approve agenda", "Compile participant list", "Approve participant list",
                "Invite replacement", "Commission background paper", "Submit background paper draft",
                "Sign off draft", "Circulate documentation pack", "Record attendance", "Draft working group report",
                "Record plenary discussion", "Write day summary", "Record closing session notes", "Draft summary conclusions",
                "Review summary conclusions", "Revise summary conclusions", "Approve summary conclusions",
                "Draft recommendations", "Draft Common Framework", "Approve Common Framework");
        assertThat(repliesSent).containsExactly("Amira Khalil: decline", "Peter Mwangi: accept", "Grace Otieno: accept");
        assertThat(attendance.records(code)).as("each day: the two who accepted, not marked absent")
                .extracting(Attendance.DayRecord::day, Attendance.DayRecord::count).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 2));
        assertThat(timersFired).containsExactly(MeetingProcess.TIMER_EVENT_DAY_STARTED,
                MeetingProcess.TIMER_EVENT_DAY_STARTED, SummaryConclusionsProcess.TIMER_EVENT_COMMENT_DEADLINE_PASSED);
        shouldShowTheManagersTheFinishedMeeting();
    }

    /** The managers' dashboard (tracking's read model, kept from the events) followed it to its end. */
    @SuppressWarnings("unchecked")
    private void shouldShowTheManagersTheFinishedMeeting() {
        List<Map<String, Object>> meetings = (List<Map<String, Object>>) get("grace", "/api/meetings").get("meetings");
        assertThat(meetings).filteredOn(m -> code.equals(m.get("code"))).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("state", "FINISHED").containsEntry("phase", "COMMON_FRAMEWORK")
                    .containsEntry("draftsInReview", 0).containsEntry("overdueTasks", 0).containsEntry("incidents", 0);
            assertThat((Map<String, Object>) row.get("invitations")).containsEntry("invited", 3).containsEntry("accepted", 2)
                    .containsEntry("declined", 1).containsEntry("pending", 0);
        });
    }

    /**
     * Staff record the reply of the next invitee whose invitation waits (no task: through the API,
     * as the participants page does): the first declines and is replaced from the reserve list, the
     * others accept; false when no invitation waits.
     */
    private boolean replyToNextInvitation() {
        var waiting = participants.list(code).stream().filter(p -> p.invitationStatus() == InvitationStatus.SENT).findFirst();
        if (waiting.isEmpty()) {
            return false;
        }
        assertThat(list("lena", "/engine-rest/task?processInstanceBusinessKeyLike=" + code))
                .as("no staff task while an invitation waits").isEmpty();
        String reply = (repliesSent.isEmpty() ? InvitationReply.DECLINE : InvitationReply.ACCEPT).formValue();
        ResponseEntity<Map<String, Object>> recorded = api.post("lena", "/api/meetings/" + code + "/participants/"
                + waiting.get().id() + "/reply", Map.of("reply", reply, "channel", ReplyChannel.PHONE.formValue(),
                "note", "Called the secretariat."));
        assertThat(recorded.getStatusCode().value()).as("reply of %s: %s", waiting.get().name(), recorded.getBody())
                .isEqualTo(200);
        repliesSent.add(waiting.get().name() + ": " + reply);
        return true;
    }

    /** Staff name each working group's rapporteur through the agenda API before they submit the agenda. */
    @SuppressWarnings("unchecked")
    private void nameRapporteurs(String user) {
        Map<String, Object> agenda = get(user, "/api/meetings/" + code + "/agenda");
        List<Map<String, Object>> groups = ((List<Map<String, Object>>) agenda.get("workingGroups")).stream()
                .map(group -> {
                    Map<String, Object> named = new java.util.LinkedHashMap<>(group);
                    named.putIfAbsent("rapporteurName", null);
                    if (named.get("rapporteurName") == null) {
                        named.put("rapporteurName", "Rapporteur of " + group.get("code"));
                    }
                    return named;
                }).toList();
        ResponseEntity<Map<String, Object>> saved = api.as(user).exchange("/api/meetings/" + code + "/agenda",
                org.springframework.http.HttpMethod.PUT, RestClients.json(Map.of("sessions", agenda.get("sessions"),
                        "workingGroups", groups)), new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        assertThat((List<?>) saved.getBody().get("missingRapporteurs")).isEmpty();
    }

    /**
     * Staff enter the working group's report through the API (an arrangement and a finding under
     * each of questions 3 to 5) before they send it to the chair.
     */
    private Map<String, Object> enterReport(String taskId, String user) {
        String group = (String) get(user, "/engine-rest/task/" + taskId + "/variables/"
                + WorkingGroupReportProcess.WORKING_GROUP_CODE).get("value");
        Map<String, Object> report = Map.of(
                "arrangements", List.of(Map.of("name", "CIREFCA", "period", "1987-1994", "region", "Central America",
                        "actors", List.of(Map.of("actor", "host States", "role", "hosted and integrated refugees")),
                        "formsOfSupport", List.of("financial", "political"), "scale", "comprehensive",
                        "phases", List.of("protracted", "solutions"))),
                "findings", List.of(
                        Map.of("question", 3, "text", "Regional ownership of " + group + ".", "arrangements", List.of("CIREFCA")),
                        Map.of("question", 4, "text", "Funding stopped early."),
                        Map.of("question", 5, "text", "Agree triggers in advance.")));
        ResponseEntity<Map<String, Object>> saved = api.as(user).exchange("/api/meetings/" + code + "/working-groups/"
                + group + "/report", org.springframework.http.HttpMethod.PUT, RestClients.json(report),
                new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        return variables(WorkingGroupReportProcess.REPORT_READY, true);
    }

    /**
     * Staff enter the recommendations through the API, each citing findings of the meeting's reports
     * (as the findings API lists them), before they send them to the reviewers.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> enterRecommendations(String user) {
        List<Map<String, Object>> findings = (List<Map<String, Object>>) get(user, "/api/meetings/" + code + "/findings")
                .get("findings");
        assertThat(findings).hasSizeGreaterThanOrEqualTo(2);
        Map<String, Object> body = Map.of("recommendations", List.of(
                Map.of("text", "Agree in advance the triggers for a collective response.", "objective", 1,
                        "proposes", "TRIGGER", "findings", List.of(findings.get(0).get("id"), findings.get(1).get("id"))),
                Map.of("text", "Back regional ownership with predictable funding.", "objective", 1,
                        "findings", List.of(findings.get(findings.size() - 1).get("id")))));
        ResponseEntity<Map<String, Object>> saved = api.as(user).exchange("/api/meetings/" + code + "/recommendations",
                HttpMethod.PUT, RestClients.json(body), new ParameterizedTypeReference<>() { });
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        return variables(RecommendationsProcess.RECOMMENDATIONS_READY, true);
    }

    /** Staff enter the framework through the API: an understanding and a trigger, each resting on the recommendations. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> enterFramework(String user) {
        List<Map<String, Object>> recommendations = (List<Map<String, Object>>) get(user, "/api/meetings/" + code
                + "/recommendations").get("recommendations");
        Map<String, Object> body = Map.of("elements", List.of(
                Map.of("kind", "UNDERSTANDING", "title", "Predictable sharing", "recommendations",
                        List.of(recommendations.get(0).get("id"), recommendations.get(1).get("id"))),
                Map.of("kind", "TRIGGER", "title", "Mass influx", "text", "Considerable numbers arriving over a border.",
                        "recommendations", List.of(recommendations.get(0).get("id")))));
        ResponseEntity<Map<String, Object>> saved = api.as(user).exchange("/api/meetings/" + code + "/framework",
                HttpMethod.PUT, RestClients.json(body), new ParameterizedTypeReference<>() { });
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        return variables(CommonFrameworkProcess.FRAMEWORK_READY, true);
    }

    /** Works one open task of the meeting; false when none is open. */
    private boolean workNextTask() {
        List<Map<String, Object>> tasks = list("demo", "/engine-rest/task?processInstanceBusinessKeyLike=" + code + "&sortBy=created&sortOrder=asc");
        if (tasks.isEmpty()) {
            return false;
        }
        Map<String, Object> task = tasks.get(0);
        String taskId = (String) task.get("id");
        String assignee = (String) task.get("assignee");
        String group = candidateGroup(taskId);
        String user = assignee != null ? assignee : USER_OF_GROUP.get(group);
        // someone outside the task's group (a returned draft is assigned to its author, still offered to the group)
        String outsider = group != null ? OUTSIDER_OF_GROUP.get(group) : assignee.equals("lena") ? "omar" : "lena";

        Map<String, Object> values = valuesFor((String) task.get("taskDefinitionKey"), taskId, user);
        ResponseEntity<Map<String, Object>> refused = api.post(outsider, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", values));
        assertThat(refused.getStatusCode().value()).as("%s completing '%s'", outsider, task.get("name")).isIn(403, 404);
        assertThat(list(outsider, "/engine-rest/task?processInstanceBusinessKeyLike=" + code))
                .extracting(t -> t.get("id")).doesNotContain(taskId);

        assertThat(get(user, "/engine-rest/task/" + taskId + "/form-variables")).isNotNull();
        ResponseEntity<Map<String, Object>> done = api.post(user, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", values));
        assertThat(done.getStatusCode().value()).as("%s completing '%s': %s", user, task.get("name"), done.getBody())
                .isEqualTo(204);
        worked.add((String) task.get("name"));
        return true;
    }

    private Map<String, Object> valuesFor(String taskKey, String taskId, String user) {
        if (taskKey.equals(PreparationProcess.TASK_DRAFT_AGENDA)) {
            nameRapporteurs(user);
        }
        if (taskKey.equals(WorkingGroupReportProcess.TASK_DRAFT_WORKING_GROUP_REPORT)) {
            return enterReport(taskId, user);
        }
        if (taskKey.equals(RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS)) {
            return enterRecommendations(user);
        }
        if (taskKey.equals(CommonFrameworkProcess.TASK_DRAFT_COMMON_FRAMEWORK)) {
            return enterFramework(user);
        }
        long timesSeen = worked.stream().filter(n -> n.equals(nameOf(taskKey))).count();
        return switch (taskKey) {
            case ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE,
                 ConceptNoteApprovalProcess.TASK_REVISE_CONCEPT_NOTE -> variables(
                    ConceptNoteApprovalProcess.BACKGROUND,
                    "The international refugee regime is predicated on cooperation between States. ".repeat(60),
                    ConceptNoteApprovalProcess.OBJECTIVES,
                    "Identify situations where better international cooperation could be instrumental.",
                    ConceptNoteApprovalProcess.CONVENER, "UNHCR", ConceptNoteApprovalProcess.PARTICIPANTS_TARGET, 25,
                    ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES, List.of(ParticipantCategory.GOV.name(),
                            ParticipantCategory.IO.name(), ParticipantCategory.NGO.name()),
                    ConceptNoteApprovalProcess.TIMING_AND_LOCATION, "Amman, Jordan",
                    ConceptNoteApprovalProcess.DOCUMENTATION, "A background paper.");
            // the concept note goes back once, with comments, then is approved
            case ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE -> timesSeen == 0
                    ? variables(ProcessVariables.DECISION, ReviewDecision.RETURN.formValue(),
                            ProcessVariables.COMMENTS, "Add the regional bodies.")
                    : variables(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue());
            case PreparationProcess.TASK_DRAFT_AGENDA -> variables(PreparationProcess.AGENDA_READY, true);
            case ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST -> variables(ParticipantListProcess.LIST_READY, true);
            case PreparationProcess.TASK_APPROVE_AGENDA, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST,
                 SummaryConclusionsProcess.TASK_REVIEW_SUMMARY_CONCLUSIONS,
                 SummaryConclusionsProcess.TASK_APPROVE_SUMMARY_CONCLUSIONS, CommonFrameworkProcess.TASK_APPROVE_COMMON_FRAMEWORK,
                 SignOffProcess.TASK_SIGN_OFF_DRAFT -> variables(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue(),
                    ProcessVariables.COMMENTS, "Fine.");
            case InvitationProcess.TASK_INVITE_REPLACEMENT -> variables(InvitationProcess.REPLACEMENT_ID,
                    reserveOption(taskId, user));
            case PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER -> variables(
                    PreparationProcess.PAPER_AUTHOR, "Prof. Daniel Reyes",
                    PreparationProcess.PAPER_BRIEF, "International cooperation to share burden and responsibilities.",
                    PreparationProcess.PAPER_DUE_DATE, LocalDate.now().plusWeeks(4).toString());
            case PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK -> variables(PreparationProcess.PACK_CIRCULATED, true,
                    PreparationProcess.PACK_NOTE, "Sent.");
            case MeetingProcess.TASK_RECORD_ATTENDANCE -> variables(MeetingProcess.ATTENDANCE_RECORDED, true,
                    MeetingProcess.ATTENDANCE_NOTE, "One apology.");
            default -> variables(DocumentVariables.DRAFT_TEXT, "## Draft\n\nText of " + taskKey + ".");
        };
    }

    @SuppressWarnings("unchecked")
    private String reserveOption(String taskId, String user) {
        Map<String, Object> options = (Map<String, Object>) get(user, "/engine-rest/task/" + taskId
                + "/form-variables?deserializeValues=false").get(InvitationProcess.RESERVE_OPTIONS);
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            Object value = options.get("value");
            var list = value instanceof String text ? mapper.readTree(text) : mapper.valueToTree(value);
            assertThat(list.get(list.size() - 1).get("value").asText()).isEqualTo(InvitationProcess.NO_REPLACEMENT);
            return list.get(0).get("value").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String nameOf(String taskKey) {
        return taskKey.equals(ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE) ? "Review concept note" : taskKey;
    }

    /** Executes jobs that are due now (async continuations); false when none. */
    private boolean runDueJobs() {
        List<Map<String, Object>> jobs = list("grace", "/engine-rest/job?processInstanceBusinessKey=" + code + "&executable=true");
        List<Map<String, Object>> due = jobs.stream().filter(j -> j.get("dueDate") == null
                || OffsetDateTime.parse((String) j.get("dueDate"), FORMAT).toInstant().isBefore(Instant.now())).toList();
        for (Map<String, Object> job : due) {
            assertThat(api.post("grace", "/engine-rest/job/" + job.get("id") + "/execute", Map.of()).getStatusCode().value())
                    .isEqualTo(204);
        }
        return !due.isEmpty();
    }

    /** Fast-forwards the next timer, after checking its due date; false when there is none. */
    private boolean fireNextTimer(LocalDate firstDay) {
        List<Map<String, Object>> timers = list("grace", "/engine-rest/job?timers=true&sortBy=jobDueDate&sortOrder=asc");
        for (Map<String, Object> timer : timers) {
            Map<String, Object> definition = get("grace", "/engine-rest/job-definition/" + timer.get("jobDefinitionId"));
            String activity = (String) definition.get("activityId");
            // the invitations' reminders and deadline wait behind the replies, which come first
            if (!isOurs(timer) || activity.startsWith("BoundaryEvent_")
                    || activity.equals(InvitationProcess.TIMER_EVENT_REMINDER_DUE)
                    || activity.equals(InvitationProcess.TIMER_EVENT_REPLY_DEADLINE_PASSED)) {
                continue;
            }
            Instant due = OffsetDateTime.parse((String) timer.get("dueDate"), FORMAT).toInstant();
            long dayTimers = timersFired.stream().filter(MeetingProcess.TIMER_EVENT_DAY_STARTED::equals).count();
            switch (activity) {
                case MeetingProcess.TIMER_EVENT_DAY_STARTED -> assertThat(due).isEqualTo(
                        firstDay.plusDays(dayTimers).atTime(9, 0).atZone(AMMAN).toInstant());
                case SummaryConclusionsProcess.TIMER_EVENT_COMMENT_DEADLINE_PASSED -> {
                    // the end (midnight) of the 14th calendar day after today, in Amman
                    assertThat(due.atZone(AMMAN).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
                    assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ofDays(14), Duration.ofDays(15));
                }
                default -> throw new AssertionError("Unexpected timer " + activity);
            }
            assertThat(api.post("grace", "/engine-rest/job/" + timer.get("id") + "/execute", Map.of()).getStatusCode().value())
                    .isEqualTo(204);
            timersFired.add(activity);
            return true;
        }
        return false;
    }

    private boolean isOurs(Map<String, Object> job) {
        Map<String, Object> instance = get("grace", "/engine-rest/process-instance/" + job.get("processInstanceId"));
        return instance != null && code.equals(instance.get("businessKey"));
    }

    private boolean ended(String instanceId) {
        return list("grace", "/engine-rest/process-instance?processInstanceIds=" + instanceId).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private String candidateGroup(String taskId) {
        return list("demo", "/engine-rest/task/" + taskId + "/identity-links?type=candidate").stream()
                .map(l -> (String) l.get("groupId")).filter(g -> g != null).findFirst().orElse(null);
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = api.as(user).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode().value()).as("GET %s as %s", path, user).isEqualTo(200);
        return response.getBody();
    }

    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> response = api.as(user).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
    }

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
}
