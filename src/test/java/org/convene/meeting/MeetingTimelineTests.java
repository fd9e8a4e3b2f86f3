package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.convene.invitation.ParticipantListProcess;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A meeting's timeline sets the due dates of the tasks and timers before the meeting, counted back
 * from its first session in the venue's calendar; moving a milestone, or the meeting, moves the open
 * tasks and timers with it. Through the service, the page and the API.
 */
@ConveneIntegrationTest
class MeetingTimelineTests {

    @LocalServerPort int port;
    @Autowired ProcessDriver driver;
    @Autowired MeetingTimeline timeline;
    @Autowired MeetingSchedules schedules;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired AnnouncedEvents events;
    @Autowired TestRestTemplate template;

    String code;
    Map<String, Object> phase;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("TL");
        phase = driver.registerMeeting(code);
    }

    @Test
    void shouldSetANewMeetingsDueDatesFromItsDefaultTimeline() {
        assertThat(timeline.of(code)).extracting(MeetingTimeline.Entry::milestone, MeetingTimeline.Entry::daysBefore,
                MeetingTimeline.Entry::moved).startsWith(tuple(Milestone.PARTICIPANT_LIST_COMPILED, 63, false),
                tuple(Milestone.INVITATIONS_OUT, 56, false));
        ProcessInstance preparation = driver.start(PreparationProcess.ID, code, phase);

        assertThat(driver.task(preparation, PreparationProcess.TASK_DRAFT_AGENDA).getDueDate()).isEqualTo(beforeFirstSession(49));
        assertThat(driver.task(preparation, PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER).getDueDate())
                .isEqualTo(beforeFirstSession(49));
        ProcessInstance list = runtimeService.createProcessInstanceQuery().superProcessInstanceId(preparation.getId())
                .processDefinitionKey(ParticipantListProcess.ID).singleResult();
        assertThat(driver.task(list, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST).getDueDate())
                .isEqualTo(beforeFirstSession(63));
    }

    @Test
    void shouldMoveTheOpenTasksAndTimersWhenAMilestoneOrTheMeetingMoves() {
        ProcessInstance circulate = driver.startBefore(PreparationProcess.ID, code, phase,
                PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK);
        assertThat(dueOfPack(circulate)).isEqualTo(beforeFirstSession(21));
        assertThat(overdueTimer(circulate).getDuedate()).isEqualTo(beforeFirstSession(21));

        timeline.move(code, Map.of(Milestone.DOCUMENTATION_PACK_CIRCULATED.name(), 14), "lena");

        assertThat(dueOfPack(circulate)).isEqualTo(beforeFirstSession(14));
        assertThat(overdueTimer(circulate).getDuedate()).isEqualTo(beforeFirstSession(14));
        assertThat(timeline.dueAt(code, Milestone.DOCUMENTATION_PACK_CIRCULATED.name())).isEqualTo(beforeFirstSession(14));
        assertThat(events.of(MeetingTimelineChanged.class, code)).singleElement().satisfies(e -> {
            assertThat(e.daysBefore()).containsExactly(Map.entry("Documentation pack circulated", 14));
            assertThat(e.previousDaysBefore()).containsExactly(Map.entry("Documentation pack circulated", 21));
            assertThat(e.actor()).isEqualTo("lena");
        });

        // the meeting a week later: the milestone keeps its 14 days, from the new first day
        schedules.reschedule(code, new MeetingSchedules.NewSchedule(ExpertMeetings.firstDay().plusDays(7).toString(),
                null, null, "The venue is free a week later."), "lena");
        Date moved = Date.from(ZonedDateTime.of(ExpertMeetings.firstDay().plusDays(7), LocalTime.of(9, 0),
                ExpertMeetings.AMMAN).minusDays(14).toInstant());
        assertThat(dueOfPack(circulate)).isEqualTo(moved);
        assertThat(overdueTimer(circulate).getDuedate()).isEqualTo(moved);
    }

    @Test
    void shouldRefuseAMilestoneOutOfRangeOrBeforeTheOneItFollowsAndStoreNothing() {
        assertThatThrownBy(() -> timeline.move(code, Map.of(Milestone.REPLIES_DUE.name(), 60,
                Milestone.AGENDA_DRAFTED.name(), 400, "DINNER", 3), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("REPLIES_DUE", "Replies due (60 days before) cannot come before Invitations out "
                                + "(56 days before).")
                        .containsEntry("AGENDA_DRAFTED", "Agenda drafted: give 0 to 365 days before the meeting.")
                        .containsKey("DINNER"));
        assertThat(timeline.of(code)).noneMatch(MeetingTimeline.Entry::moved);
        assertThat(events.of(MeetingTimelineChanged.class, code)).isEmpty();
    }

    @Test
    void shouldShowTheTimelineAndTakeStaffsChangesOnItsPage() {
        String page = "/meetings/" + code + "/timeline";
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        assertThat(lena.get("/meetings/" + code).body()).contains(page);
        assertThat(lena.get(page).body()).contains("Invitations out", "Approve participant list", "name=\"days.INVITATIONS_OUT\"",
                "Save timeline");

        HttpResponse<String> refused = lena.post(page, Map.of("days.AGENDA_DRAFTED", "seven weeks"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "Give a whole number of days, not seven weeks.");
        HttpResponse<String> saved = lena.post(page, Map.of("days.AGENDA_DRAFTED", "50", "days.AGENDA_APPROVED", "45"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(lena.follow(saved).body()).contains("Timeline saved", "moved from 49", "moved from 42");

        String ravis = BrowserSession.signedIn(port, "ravi").get(page).body();
        assertThat(ravis).contains("Agenda drafted").doesNotContain("Save timeline", "name=\"days.");
        assertThat(BrowserSession.signedIn(port, "lena").get("/meetings/NO-SUCH/timeline").statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeAndMoveTheTimelineThroughTheApi() {
        RestClients rest = new RestClients(template);
        String api = "/api/meetings/" + code + "/timeline";
        ResponseEntity<Map> read = rest.as("grace").getForEntity(api, Map.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) read.getBody().get("milestones")).first().satisfies(m -> assertThat(m)
                .containsEntry("milestone", "PARTICIPANT_LIST_COMPILED").containsEntry("daysBefore", 63)
                .containsEntry("dueAt", beforeFirstSession(63).toInstant().atZone(ExpertMeetings.AMMAN)
                        .toOffsetDateTime().toString()));

        ResponseEntity<Map> moved = rest.as("lena").exchange(api, HttpMethod.PUT,
                RestClients.json(Map.of("daysBefore", Map.of("INVITATIONS_OUT", 58))), Map.class);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(timeline.of(code).get(1).daysBefore()).isEqualTo(58);

        ResponseEntity<Map> wrong = rest.as("lena").exchange(api, HttpMethod.PUT,
                RestClients.json(Map.of("daysBefore", Map.of("INVITATIONS_OUT", "soon"))), Map.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat((Map<String, Object>) wrong.getBody().get("fieldErrors")).containsKey("INVITATIONS_OUT");
        assertThat(rest.as("lena").exchange(api, HttpMethod.PUT, RestClients.json(List.of()), Map.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(rest.as("grace").exchange(api, HttpMethod.PUT,
                RestClients.json(Map.of("daysBefore", Map.of("INVITATIONS_OUT", 50))), Map.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.anonymous().getForEntity(api, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(timeline.of(code).get(1).daysBefore()).isEqualTo(58);
    }

    private Date dueOfPack(ProcessInstance instance) {
        return driver.task(instance, PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK).getDueDate();
    }

    private Job overdueTimer(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(PreparationProcess.BOUNDARY_EVENT_DOCUMENTATION_PACK_OVERDUE).singleResult();
    }

    private static Date beforeFirstSession(int days) {
        return Date.from(ExpertMeetings.firstDay().atTime(LocalTime.of(9, 0)).atZone(ExpertMeetings.AMMAN)
                .minusDays(days).toInstant());
    }
}
