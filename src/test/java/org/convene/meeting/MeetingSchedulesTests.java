package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.AnnouncedEvents;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Moving and cancelling a meeting: the rules, the timers that move, the processes that end, the page and the API. */
@ConveneIntegrationTest
class MeetingSchedulesTests {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired Meetings meetings;
    @Autowired MeetingSchedules schedules;
    @Autowired MeetingCalendar calendar;
    @Autowired AnnouncedEvents events;

    String code;
    LocalDate firstDay;
    ProcessInstance meetingDays;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("MS");
        firstDay = ExpertMeetings.firstDay();
        meetingDays = driver.start(MeetingProcess.ID, code, driver.registerMeeting(code));
    }

    @Test
    void shouldMoveTheMeetingItsDayTimersAndWhatTheFormsShow() {
        LocalDate later = firstDay.plusWeeks(3);

        Meeting moved = schedules.reschedule(code, new MeetingSchedules.NewSchedule(later.toString(),
                "Palais des Nations, Geneva", "Europe/Zurich", "The venue in Amman is under renovation."), "lena");

        assertThat(moved).isEqualTo(new Meeting(code, ExpertMeetings.TITLE, "Palais des Nations, Geneva", GENEVA, later, 2));
        assertThat(meetings.get(code)).isEqualTo(moved);
        Job dayTimer = managementService.createJobQuery().processInstanceId(meetingDays.getId())
                .activityId(MeetingProcess.TIMER_EVENT_DAY_STARTED).singleResult();
        assertThat(dayTimer.getDuedate()).as("day 1's first session, 09:00 in Geneva")
                .isEqualTo(calendar.dayStart(code, 1))
                .isEqualTo(java.util.Date.from(later.atTime(9, 0).atZone(GENEVA).toInstant()));
        ProcessInstance root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ExpertMeetingProcess.ID).singleResult();
        assertThat(runtimeService.getVariable(root.getId(), ProcessVariables.MEETING_PLACE)).isEqualTo("Palais des Nations, Geneva");
        assertThat(runtimeService.getVariable(root.getId(), ProcessVariables.MEETING_DATES)).isEqualTo(moved.datesLabel());
        MeetingRescheduled announced = events.of(MeetingRescheduled.class, code).get(0);
        assertThat(announced).usingRecursiveComparison().ignoringFields("occurredAt").isEqualTo(new MeetingRescheduled(
                code, ExpertMeetings.TITLE, firstDay, later, 2, ExpertMeetings.PLACE, "Palais des Nations, Geneva",
                ExpertMeetings.AMMAN, GENEVA, "The venue in Amman is under renovation.", null, "lena"));
        assertThat(announced.timeChanged()).isTrue();
    }

    @Test
    void shouldRefuseAScheduleThatBreaksARuleAndStoreNothing() {
        assertThatThrownBy(() -> schedules.reschedule(code, new MeetingSchedules.NewSchedule("2027-02-30", "x".repeat(201),
                "Mars/Olympus", null), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("firstDay", "place", "timeZone")
                        .containsEntry("timeZone", "'Mars/Olympus' is not a time zone: give the venue's region, e.g. "
                                + "Asia/Amman or Europe/Geneva."));
        assertThatThrownBy(() -> schedules.reschedule(code, new MeetingSchedules.NewSchedule(
                LocalDate.now(ExpertMeetings.AMMAN).toString(), null, null, null), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors().get("firstDay"))
                        .startsWith("The first day must be after today"));
        assertThatThrownBy(() -> schedules.reschedule(code, new MeetingSchedules.NewSchedule(firstDay.toString(),
                ExpertMeetings.PLACE, "Asia/Amman", null), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("firstDay", "Nothing changed: give a new first day, venue or time zone."));

        assertThat(meetings.get(code).firstDay()).isEqualTo(firstDay);
        assertThat(events.of(MeetingRescheduled.class, code)).isEmpty();
    }

    @Test
    void shouldCancelTheMeetingEndingItsProcessesWithTheReason() {
        schedules.cancel(code, "  The host government asked to postpone indefinitely. ", "grace");

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKeyIn(MeetingSchedules.LIFECYCLE).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(meetingDays.getId())
                .singleResult().getDeleteReason())
                .isEqualTo("Meeting cancelled: The host government asked to postpone indefinitely.");
        assertThat(schedules.cancellation(code)).get().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("The host government asked to postpone indefinitely.");
            assertThat(c.cancelledBy()).isEqualTo("grace");
        });
        assertThat(events.of(MeetingCancelled.class, code)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("The host government asked to postpone indefinitely.");
            assertThat(e.actor()).isEqualTo("grace");
        });
        assertThatThrownBy(() -> schedules.cancel(code, "again", "lena")).isInstanceOfSatisfying(ChangeRefused.class,
                refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("meeting"));
        assertThatThrownBy(() -> schedules.reschedule(code, new MeetingSchedules.NewSchedule(
                firstDay.plusDays(7).toString(), null, null, null), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("meeting", "The meeting was cancelled; it cannot be moved."));
    }

    @Test
    void shouldRefuseACancellationWithoutAReason() {
        assertThatThrownBy(() -> schedules.cancel(code, "   ", "lena")).isInstanceOfSatisfying(ChangeRefused.class,
                refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("reason"));

        assertThat(schedules.cancellation(code)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isPositive();
    }

    @Test
    void shouldMoveAndCancelOnTheMeetingsPage() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        assertThat(lena.get("/meetings/" + code).body()).contains("Move the meeting", "Cancel the meeting");

        HttpResponse<String> refused = lena.post("/meetings/" + code + "/schedule",
                Map.of("firstDay", "someday", "place", "Amman", "timeZone", "Asia/Amman", "reason", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("&#39;someday&#39; is not a date");

        HttpResponse<String> moved = lena.follow(lena.post("/meetings/" + code + "/schedule", Map.of("firstDay",
                firstDay.plusDays(14).toString(), "place", "Dead Sea, Jordan", "timeZone", "Asia/Amman", "reason", "")));
        assertThat(moved.body()).contains("Meeting moved: Dead Sea, Jordan");

        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        assertThat(grace.get("/meetings/" + code).body()).contains("Cancel the meeting").doesNotContain("Move the meeting");
        HttpResponse<String> cancelled = grace.follow(grace.post("/meetings/" + code + "/cancel",
                Map.of("reason", "Funding <withdrawn>")));
        assertThat(cancelled.body()).contains("Meeting cancelled.", "Cancelled", "Funding &lt;withdrawn&gt;")
                .doesNotContain("Move the meeting");

        assertThat(grace.get("/meetings/" + code + "/audit").body()).as("the audit trail")
                .contains("Meeting moved", "Dead Sea, Jordan, from " + firstDay.plusDays(14) + " (Asia/Amman)",
                        "Was Amman, Jordan, from " + firstDay + " (Asia/Amman)", "Meeting cancelled",
                        "Funding &lt;withdrawn&gt;");

        BrowserSession ravi = BrowserSession.signedIn(port, "ravi");
        ravi.get("/meetings/" + code);
        assertThat(ravi.post("/meetings/" + code + "/cancel", Map.of("reason", "no")).statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMoveAndCancelThroughTheApi() {
        RestClients api = new RestClients(rest);
        ResponseEntity<Map<String, Object>> refused = api.as("lena").exchange("/api/meetings/" + code + "/schedule",
                HttpMethod.PUT, RestClients.json(Map.of("timeZone", "Amman")), new ParameterizedTypeReference<>() { });
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat((Map<String, Object>) refused.getBody().get("fieldErrors")).containsOnlyKeys("timeZone");

        ResponseEntity<Map<String, Object>> forbidden = api.as("ravi").exchange("/api/meetings/" + code + "/schedule",
                HttpMethod.PUT, RestClients.json(Map.of("place", "Geneva")), new ParameterizedTypeReference<>() { });
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);

        ResponseEntity<Map<String, Object>> moved = api.as("omar").exchange("/api/meetings/" + code + "/schedule",
                HttpMethod.PUT, RestClients.json(Map.of("firstDay", firstDay.plusDays(1).toString())),
                new ParameterizedTypeReference<>() { });
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getBody()).containsEntry("firstDay", firstDay.plusDays(1).toString())
                .containsEntry("place", ExpertMeetings.PLACE).containsEntry("timeZone", "Asia/Amman");

        assertThat(api.post("grace", "/api/meetings/NO-SUCH-MEETING/cancellation", Map.of("reason", "x"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("grace", "/api/meetings/" + code + "/cancellation", Map.of()).getStatusCode().value())
                .isEqualTo(422);
        ResponseEntity<Map<String, Object>> cancelled = api.post("grace", "/api/meetings/" + code + "/cancellation",
                Map.of("reason", "Postponed to next year."));
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) cancelled.getBody().get("cancellation")).containsEntry("reason", "Postponed to next year.")
                .containsEntry("cancelledBy", "grace");
        assertThat(events.of(MeetingCancelled.class, code)).hasSize(1);
        assertThat(List.of(api.anonymous().getForEntity("/api/meetings/" + code + "/schedule", String.class)
                .getStatusCode().value())).containsExactly(401);
    }
}
