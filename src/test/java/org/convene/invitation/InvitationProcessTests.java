package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.invitation.InvitationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.Invitees;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * InvitationProcess, one seat of a meeting: the invitation mail through the outbox, the reply
 * recorded by staff or received through the invitation link, reminders, the reply deadline and
 * the replacement from the reserve list; what happened is announced.
 */
@ConveneIntegrationTest
class InvitationProcessTests {

    static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    static final String TITLE = ExpertMeetings.TITLE;

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired InvitationReplies invitationReplies;
    @Autowired AnnouncedEvents events;
    @Autowired JdbcClient jdbc;

    Invitees.Meeting meeting;
    String code;

    @BeforeEach
    void registerAMeetingWithAnInviteeAndAReserve() {
        BpmnAwareTests.init(engine);
        meeting = Invitees.registerWithAmiraAndGrace(driver, participants, "INV");
        code = meeting.code();
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldInviteAndRecordAnAcceptanceReceivedByPhone() {
        ProcessInstance instance = invite(meeting.amira());
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        assertThat(mails()).as("nothing is written before the job runs").isEmpty();

        sendInvitation(instance);

        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.SENT);
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail).containsEntry("recipient", "a.khalil@gov.example")
                    .containsEntry("subject", "Invitation: " + TITLE)
                    .containsEntry("status", "PENDING");
            assertThat((String) mail.get("body")).contains("Dear Amira Khalil", meetingDates(), "Amman, Jordan");
        });
        assertThat(events.of(InvitationSent.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationSent(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        ParticipantCategory.GOV, invitations.replyDeadline(code).toInstant(), null, null));
        assertThat(instance).isWaitingAt(TASK_RECORD_REPLY);
        Task recordReply = driver.task(instance, TASK_RECORD_REPLY);
        assertThat(recordReply).hasCandidateGroup(ConveneGroups.STAFF).hasDueDate(invitations.replyDeadline(code));
        assertThat(driver.taskVariable(recordReply, INVITEE_NAME))
                .isEqualTo("Amira Khalil, Ministry of Interior (Senior government representatives)");

        driver.complete(recordReply, "lena", reply("accept", "phone", "Confirmed by phone with her office."));

        assertThat(instance).isEnded().hasPassed(GATEWAY_REPLY_MERGE, END_EVENT_INVITATION_ACCEPTED)
                .hasNotPassed(TASK_INVITE_REPLACEMENT, BOUNDARY_EVENT_REPLY_RECEIVED);
        assertThat(driver.historicVariable(instance, INVITATION_ACCEPTED)).isEqualTo(true);
        assertThat(driver.historicVariable(instance, REPLY)).as("the form's value stays in the task's scope").isNull();
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(replies(meeting.amira())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reply", "accept").containsEntry("channel", "phone")
                .containsEntry("note", "Confirmed by phone with her office.")
                .containsEntry("recorded_by", "lena").containsEntry("task_id", recordReply.getId()));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
                .as("reminder and deadline timers are gone").isZero();
        assertThat(mails()).hasSize(1);
        assertThat(events.of(InvitationAccepted.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationAccepted(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.PHONE,
                        "Confirmed by phone with her office.", null, "lena"));
        assertThat(events.of(InvitationAccepted.class, code).get(0).occurredAt())
                .as("the reply's row and its event: one time").isEqualTo(invitationReplies.history(code).get(0).recordedAt().toInstant());
    }

    @Test
    void shouldReplaceADeclinedInviteeFromTheReserveList() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);
        driver.complete(instance, TASK_RECORD_REPLY, "omar", reply("decline", "letter", "Ministerial visit on those dates."));

        assertThat(instance).isWaitingAt(TASK_INVITE_REPLACEMENT);
        Task inviteReplacement = driver.task(instance, TASK_INVITE_REPLACEMENT);
        assertThat(inviteReplacement).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(inviteReplacement, INVITEE_NAME)).asString().startsWith("Amira Khalil");
        assertThat(optionValues(inviteReplacement)).containsExactly(String.valueOf(meeting.grace()), NO_REPLACEMENT);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);

        driver.complete(inviteReplacement, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        assertThat(driver.historicVariable(instance, REPLACEMENT_CHOSEN)).isEqualTo(true);
        assertThat(driver.historicVariable(instance, PARTICIPANT_ID)).isEqualTo(String.valueOf(meeting.grace()));
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        sendInvitation(instance);

        assertThat(mails()).extracting(m -> m.get("recipient"))
                .containsExactly("a.khalil@gov.example", "g.otieno@ngo.example");
        assertThat(invitationStatus(meeting.grace())).isEqualTo(InvitationStatus.SENT);
        assertThat(driver.taskVariable(driver.task(instance, TASK_RECORD_REPLY), INVITEE_NAME)).asString()
                .startsWith("Grace Otieno");
        driver.complete(instance, TASK_RECORD_REPLY, "lena", reply("accept", "email", null));

        assertThat(instance).isEnded().hasPassedInOrder(TASK_RECORD_REPLY, GATEWAY_REPLACEMENT_MERGE, TASK_INVITE_REPLACEMENT,
                GATEWAY_INVITATION_MERGE, SERVICE_TASK_SEND_INVITATION, END_EVENT_INVITATION_ACCEPTED);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);
        assertThat(invitationStatus(meeting.grace())).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(replies(meeting.grace())).extracting(r -> r.get("reply")).containsExactly("accept");
        assertThat(events.of(InvitationDeclined.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationDeclined(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.LETTER,
                        "Ministerial visit on those dates.", null, "omar"));
        assertThat(events.of(ReplacementInvited.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ReplacementInvited(code, meeting.amira(), meeting.grace(),
                        "Grace Otieno, Refugee Law Project", null, "lena"));
        assertThat(events.of(InvitationSent.class, code)).extracting(InvitationSent::participantId).containsExactly(meeting.amira(), meeting.grace());
        assertThat(events.of(InvitationAccepted.class, code)).extracting(InvitationAccepted::participantId, InvitationAccepted::channel)
                .containsExactly(tuple(meeting.grace(), ReplyChannel.EMAIL));
        assertThat(events.of(InvitationLapsed.class, code)).as("a declined invitation does not lapse").isEmpty();
    }

    @Test
    void shouldLeaveTheSeatEmptyWhenNoReplacementIsChosen() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);
        driver.complete(instance, TASK_RECORD_REPLY, "lena", reply("decline", "phone", null));

        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, NO_REPLACEMENT));

        assertThat(instance).isEnded().hasPassed(GATEWAY_REPLACEMENT_CHOSEN, END_EVENT_SEAT_LEFT_EMPTY)
                .hasNotPassed(END_EVENT_INVITATION_ACCEPTED);
        assertThat(driver.historicVariable(instance, REPLACEMENT_CHOSEN)).isEqualTo(false);
        assertThat(driver.historicVariable(instance, PARTICIPANT_ID)).isEqualTo(String.valueOf(meeting.amira()));
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);
        assertThat(jdbc.sql("select count(*) from cv_invitation where meeting_code = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mails()).hasSize(1);
        assertThat(events.of(SeatLeftEmpty.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new SeatLeftEmpty(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        null, "lena"));
        assertThat(events.of(ReplacementInvited.class, code)).isEmpty();
    }

    @Test
    void shouldTakeAnAcceptanceFromTheInvitationLinkInsteadOfTheStaffTask() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance amirasSeat = invite(meeting.amira());
        ProcessInstance petersSeat = invite(peter);
        sendInvitation(amirasSeat);
        sendInvitation(petersSeat);
        String recordReply = driver.task(amirasSeat, TASK_RECORD_REPLY).getId();

        runtimeService.createMessageCorrelation(MESSAGE_REPLY_RECEIVED)
                .processInstanceBusinessKey(code)
                .processInstanceVariableEquals(PARTICIPANT_ID, String.valueOf(meeting.amira()))
                .setVariable(INVITATION_ACCEPTED, true)
                .correlate();

        assertThat(amirasSeat).isEnded().hasPassed(BOUNDARY_EVENT_REPLY_RECEIVED, END_EVENT_INVITATION_ACCEPTED);
        assertThat(taskService.createTaskQuery().taskId(recordReply).count()).as("Record reply was interrupted").isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(recordReply).singleResult().getDeleteReason())
                .isNotEqualTo("completed");
        assertThat(replies(meeting.amira())).as("no staff reply was recorded").isEmpty();
        assertThat(petersSeat).as("the other seat is untouched").isWaitingAt(TASK_RECORD_REPLY);
    }

    @Test
    void shouldAskForAReplacementWhenTheInvitationLinkSaysDecline() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);

        runtimeService.createMessageCorrelation(MESSAGE_REPLY_RECEIVED)
                .processInstanceId(instance.getId())
                .setVariable(INVITATION_ACCEPTED, false)
                .correlate();

        assertThat(instance).hasPassed(BOUNDARY_EVENT_REPLY_RECEIVED).isWaitingAt(TASK_INVITE_REPLACEMENT)
                .isNotWaitingAt(TASK_RECORD_REPLY);
        assertThat(optionValues(driver.task(instance, TASK_INVITE_REPLACEMENT)))
                .containsExactly(String.valueOf(meeting.grace()), NO_REPLACEMENT);
    }

    @Test
    void shouldAskForAReplacementWhenTheReplyIsOverdue() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);

        Job overdue = driver.timer(instance, BOUNDARY_EVENT_REPLY_OVERDUE);
        Date deadline = Date.from(meeting.firstDay().atTime(LocalTime.of(9, 0)).atZone(AMMAN).minusDays(21).toInstant());
        assertThat(overdue).as("21 days before the first session (09:00 in Amman)").hasDueDate(deadline);
        assertThat(invitations.replyDeadline(code)).isEqualTo(deadline);
        assertThat(driver.task(instance, TASK_RECORD_REPLY)).hasDueDate(deadline);
        driver.fireTimer(instance, BOUNDARY_EVENT_REPLY_OVERDUE);

        assertThat(instance).hasPassed(BOUNDARY_EVENT_REPLY_OVERDUE).isWaitingAt(TASK_INVITE_REPLACEMENT)
                .isNotWaitingAt(TASK_RECORD_REPLY);
        assertThat(jobs(instance, BOUNDARY_EVENT_REMINDER_DUE)).as("the reminders stop with Record reply").isZero();
        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.LAPSED);
        assertThat(replies(meeting.amira())).isEmpty();
        sendInvitation(instance);
        assertThat(invitationStatus(meeting.grace())).isEqualTo(InvitationStatus.SENT);
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly("a.khalil@gov.example", "g.otieno@ngo.example");
        assertThat(events.of(InvitationLapsed.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationLapsed(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        null, null));
        assertThat(events.of(ReplacementInvited.class, code)).extracting(ReplacementInvited::replacementId).containsExactly(meeting.grace());
    }

    @Test
    void shouldGiveAReplacementInvitedAfterTheDeadlineTimeToReply() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);
        clockAfter(driver.timer(instance, BOUNDARY_EVENT_REPLY_OVERDUE));
        driver.fireTimer(instance, BOUNDARY_EVENT_REPLY_OVERDUE);
        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));
        sendInvitation(instance);

        Date tenDaysAfterTheInvitation = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)));
        assertThat(driver.timer(instance, BOUNDARY_EVENT_REPLY_OVERDUE)).as("not already overdue")
                .hasDueDate(tenDaysAfterTheInvitation);
        assertThat(driver.task(instance, TASK_RECORD_REPLY)).hasDueDate(tenDaysAfterTheInvitation);
        assertThat(driver.timer(instance, BOUNDARY_EVENT_REMINDER_DUE).getDuedate()).isBefore(tenDaysAfterTheInvitation);
        assertThat(events.of(InvitationSent.class, code)).filteredOn(e -> e.participantId() == meeting.grace()).singleElement()
                .extracting(InvitationSent::replyBy).isEqualTo(tenDaysAfterTheInvitation.toInstant());

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
        runtimeService.createMessageCorrelation(MESSAGE_REPLY_RECEIVED).processInstanceId(instance.getId())
                .setVariable(INVITATION_ACCEPTED, true).correlate();
        assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_ACCEPTED);
    }

    @Test
    void shouldKeepTheMeetingsDeadlineForInvitationsSentBeforeItAndNeverGoPastTheEveOfTheMeeting() {
        Date deadline = invitations.replyDeadline(code);
        Date firstSession = Date.from(meeting.firstDay().atTime(LocalTime.of(9, 0)).atZone(AMMAN).toInstant());

        assertThat(invitations.replyDeadline(code, Date.from(deadline.toInstant().minus(Duration.ofDays(30)))))
                .isEqualTo(deadline);
        assertThat(invitations.replyDeadline(code, Date.from(firstSession.toInstant().minus(Duration.ofDays(4)))))
                .isEqualTo(Date.from(firstSession.toInstant().minus(Duration.ofDays(1))));
    }

    @Test
    void shouldRefuseAReserveWhoWasMeanwhileInvitedForAnotherSeat() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance amirasSeat = invite(meeting.amira());
        ProcessInstance petersSeat = invite(peter);
        sendInvitation(amirasSeat);
        sendInvitation(petersSeat);
        // both lapse at the same deadline: both replacement tasks offer the same reserve list
        driver.fireTimer(amirasSeat, BOUNDARY_EVENT_REPLY_OVERDUE);
        driver.fireTimer(petersSeat, BOUNDARY_EVENT_REPLY_OVERDUE);
        assertThat(optionValues(driver.task(petersSeat, TASK_INVITE_REPLACEMENT))).contains(String.valueOf(meeting.grace()));

        driver.complete(amirasSeat, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        assertThatThrownBy(() -> driver.complete(petersSeat, TASK_INVITE_REPLACEMENT, "omar",
                Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace()))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Grace Otieno")
                .hasMessageContaining("already been invited");
        assertThat(petersSeat).isWaitingAt(TASK_INVITE_REPLACEMENT);
        assertThat(invitationStatus(peter)).as("nothing of the refused choice is stored").isEqualTo(InvitationStatus.SENT);
        driver.complete(petersSeat, TASK_INVITE_REPLACEMENT, "omar", Map.of(REPLACEMENT_ID, NO_REPLACEMENT));
        assertThat(petersSeat).isEnded().hasPassed(END_EVENT_SEAT_LEFT_EMPTY);

        sendInvitation(amirasSeat);
        assertThat(amirasSeat).isWaitingAt(TASK_RECORD_REPLY);
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly(
                "a.khalil@gov.example", "p.mwangi@iom.example", "g.otieno@ngo.example");
    }

    @Test
    void shouldSendOneReminderMailEachTimeTheReminderIsDueWhileWaitingForTheReply() {
        ProcessInstance instance = invite(meeting.amira());
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_INVITATION);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_INVITATION);
        Instant after = Instant.now();
        String recordReply = driver.task(instance, TASK_RECORD_REPLY).getId();

        Job firstReminder = driver.timer(instance, BOUNDARY_EVENT_REMINDER_DUE);
        assertThat(firstReminder.getDuedate().toInstant()).as("seven days after the invitation")
                .isBetween(before.plus(Duration.ofDays(7)), after.plus(Duration.ofDays(7)));
        // the engine's clock moves past the due date, as when the job executor picks the timer up
        clockAfter(firstReminder);
        driver.fireTimer(instance, BOUNDARY_EVENT_REMINDER_DUE);
        assertThat(instance).isWaitingAt(TASK_RECORD_REPLY, SERVICE_TASK_SEND_REMINDER);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_REMINDER);

        assertThat(instance).hasPassed(END_EVENT_REMINDER_SENT).isWaitingAt(TASK_RECORD_REPLY);
        assertThat(driver.task(instance, TASK_RECORD_REPLY).getId()).as("the reminder does not interrupt Record reply")
                .isEqualTo(recordReply);
        assertThat(mails()).extracting(m -> m.get("subject"), m -> m.get("recipient")).containsExactly(
                tuple("Invitation: " + TITLE, "a.khalil@gov.example"),
                tuple("Reminder: " + TITLE, "a.khalil@gov.example"));

        Job secondReminder = driver.timer(instance, BOUNDARY_EVENT_REMINDER_DUE);
        assertThat(secondReminder.getDuedate()).as("a week after the first reminder")
                .isCloseTo(Date.from(firstReminder.getDuedate().toInstant().plus(Duration.ofDays(7))), 1000);
        clockAfter(secondReminder);
        driver.fireTimer(instance, BOUNDARY_EVENT_REMINDER_DUE);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_REMINDER);

        assertThat(mails()).extracting(m -> m.get("subject")).containsExactly(
                "Invitation: " + TITLE, "Reminder: " + TITLE, "Reminder: " + TITLE);
        assertThat(jobs(instance, BOUNDARY_EVENT_REMINDER_DUE)).as("R2: two reminders at most").isZero();
        assertThat(driver.task(instance, TASK_RECORD_REPLY).getId()).isEqualTo(recordReply);
        assertThat(driver.timer(instance, BOUNDARY_EVENT_REPLY_OVERDUE)).as("the deadline still stands")
                .hasDueDate(invitations.replyDeadline(code));
        assertThat(events.of(ReminderSent.class, code)).as("one per reminder, by no user").hasSize(2)
                .allSatisfy(e -> assertThat(e).usingRecursiveComparison().ignoringFields("occurredAt")
                        .isEqualTo(new ReminderSent(code, meeting.amira(), "Amira Khalil, Ministry of Interior", null, null)));
    }

    @Test
    void shouldNeverWriteASecondInvitationMailWhenTheSendingRunsAgain() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);
        List<Map<String, Object>> first = mails();
        assertThat(first).hasSize(1);

        // the sending step runs again for the same seat (a job run twice, an operator's restart in Cockpit)
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity(TASK_RECORD_REPLY)
                .startBeforeActivity(SERVICE_TASK_SEND_INVITATION)
                .execute();
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        sendInvitation(instance);

        assertThat(instance).isWaitingAt(TASK_RECORD_REPLY);
        assertThat(mails()).as("the same Message-ID is written once").isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(code, meeting.amira()).query(Long.class).single()).isEqualTo(1);
        assertThat((String) first.get(0).get("message_id")).startsWith("<invitation-").endsWith("." + code + "@convene>");
        assertThat(events.of(InvitationSent.class, code)).as("announced once").hasSize(1);
    }

    @Test
    void shouldInviteAndRemindForTheLongestTitleThatAMeetingMayHave() {
        String longCode = TestMeetings.newCode("INV");
        String longTitle = ("Expert Meeting on International Cooperation to Share Burden and Responsibilities "
                + "in Mass Influx, Rescue at Sea, Protracted and Mixed Movement Situations; ").repeat(3).substring(0, 300);
        Map<String, Object> proposal = ExpertMeetings.proposal(meeting.firstDay());
        proposal.put(ProcessVariables.MEETING_TITLE, longTitle);
        ProcessInstance longMeeting = driver.start(ExpertMeetingProcess.ID, longCode, proposal);
        assertThat(runtimeService.getVariable(longMeeting.getId(), ProcessVariables.MEETING_TITLE))
                .as("registration accepts it").isEqualTo(longTitle.strip());
        long invitee = Invitees.amira(participants, longCode);
        Map<String, Object> variables = new HashMap<>(ExpertMeetings.phaseVariables(runtimeService, longMeeting));
        variables.put(PARTICIPANT_ID, String.valueOf(invitee));
        ProcessInstance instance = driver.start(ID, longCode, variables);

        sendInvitation(instance);
        clockAfter(driver.timer(instance, BOUNDARY_EVENT_REMINDER_DUE));
        driver.fireTimer(instance, BOUNDARY_EVENT_REMINDER_DUE);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_REMINDER);

        assertThat(instance).isWaitingAt(TASK_RECORD_REPLY);
        List<Map<String, Object>> mails = jdbc.sql("select subject, body from cv_outbox_mail where meeting_code = ? order by id")
                .param(longCode).query().listOfRows();
        assertThat(mails).extracting(m -> (String) m.get("subject"))
                .satisfiesExactly(s -> assertThat(s).startsWith("Invitation: Expert Meeting"),
                        s -> assertThat(s).startsWith("Reminder: Expert Meeting"));
        assertThat(mails).allSatisfy(m -> assertThat((String) m.get("body")).contains(longTitle.strip()));
    }

    @Test
    void shouldRefuseAReplyThatBreaksTheFormAndStoreNothing() {
        ProcessInstance instance = invite(meeting.amira());
        sendInvitation(instance);
        Task recordReply = driver.task(instance, TASK_RECORD_REPLY);

        assertThatThrownBy(() -> driver.complete(recordReply, "lena", reply("maybe", "phone", null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be one of [accept, decline], not 'maybe'");
        assertThatThrownBy(() -> driver.complete(instance, TASK_RECORD_REPLY, "lena", reply("accept", null, null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Received by' is required");

        assertThat(instance).isWaitingAt(TASK_RECORD_REPLY);
        assertThat(driver.task(instance, TASK_RECORD_REPLY).getId()).isEqualTo(recordReply.getId());
        assertThat(taskService.getVariableLocal(recordReply.getId(), REPLY)).isNull();
        assertThat(driver.historicVariable(instance, INVITATION_ACCEPTED)).isNull();
        assertThat(replies(meeting.amira())).isEmpty();
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.SENT);
        assertThat(events.of(InvitationAccepted.class, code)).isEmpty();
    }

    private ProcessInstance invite(long participantId) {
        Map<String, Object> variables = new HashMap<>(meeting.phase());
        variables.put(PARTICIPANT_ID, String.valueOf(participantId));
        return driver.start(ID, code, variables);
    }

    private String meetingDates() {
        return (String) meeting.phase().get(ProcessVariables.MEETING_DATES);
    }

    private static void clockAfter(Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    }

    /** Runs the two save points around "Send invitation" (asyncBefore, asyncAfter), as the job executor would. */
    private void sendInvitation(ProcessInstance instance) {
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_INVITATION);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_INVITATION);
    }

    /** What "Record reply" submits. */
    private static Map<String, Object> reply(String reply, String channel, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put(REPLY, reply);
        values.put(REPLY_CHANNEL, channel);
        values.put(REPLY_NOTE, note);
        return values;
    }

    private List<String> optionValues(Task task) {
        SpinJsonNode options = (SpinJsonNode) driver.taskVariable(task, RESERVE_OPTIONS);
        return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
    }

    private long jobs(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).count();
    }

    private InvitationStatus invitationStatus(long participantId) {
        return participants.get(participantId).invitationStatus();
    }

    /** This module's record of replies, with the task that recorded each (cv_invitation_reply). */
    private List<Map<String, Object>> replies(long participantId) {
        return jdbc.sql("""
                select r.reply, r.channel, r.note, r.recorded_by, r.task_id from cv_invitation_reply r
                join cv_invitation i on i.id = r.invitation_id
                where i.meeting_code = ? and i.participant_id = ? order by r.id""")
                .params(code, participantId).query().listOfRows();
    }

    /** This module's outbox (cv_outbox_mail), oldest first. */
    private List<Map<String, Object>> mails() {
        return jdbc.sql("select message_id, recipient, subject, body, status from cv_outbox_mail where meeting_code = ? order by id")
                .param(code).query().listOfRows();
    }
}
