package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
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
import org.convene.meeting.MeetingSchedules;
import org.convene.meeting.ParticipantCategory;
import org.convene.tracking.AuditTrail;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * InvitationProcess, one seat of a meeting: the invitation mail through the outbox; then no staff
 * task while the seat waits for the reply (recorded by staff or received through the link, both
 * through InvitationReplies), the reminders on the meeting's schedule, the deadline or a
 * withdrawal; the replacement from the reserve list, same category first; late replies and
 * corrections; what happened is announced.
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
    @Autowired InvitationSettings settings;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MeetingSchedules schedules;

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
    void shouldWaitForTheReplyWithoutAStaffTaskAndConfirmTheSeatOnAnAcceptance() {
        ProcessInstance instance = invite(meeting.amira());
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        assertThat(mails()).as("nothing is written before the job runs").isEmpty();

        sendInvitation(instance);

        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_REPLY);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).as("no task for staff").isZero();
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.SENT);
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail).containsEntry("recipient", "a.khalil@gov.example")
                    .containsEntry("subject", "Invitation: " + TITLE)
                    .containsEntry("status", "PENDING");
            assertThat((String) mail.get("body")).contains("Dear Amira Khalil", meetingDates(), "Amman, Jordan");
        });
        Date deadline = invitations.replyDeadline(code);
        assertThat(events.of(InvitationSent.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationSent(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        ParticipantCategory.GOV, deadline.toInstant(), null, null));
        assertThat(driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED)).hasDueDate(deadline);
        assertThat(driver.timer(instance, TIMER_EVENT_REMINDER_DUE)).as("14 days before the deadline, in Amman's calendar")
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).minusDays(14).toInstant()));

        InvitationReplies.Outcome outcome = invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT,
                ReplyChannel.PHONE, "Confirmed by phone with her office.", new ReplyNeeds(true, false, "Halal", null), "lena");

        assertThat(outcome).isEqualTo(InvitationReplies.Outcome.RECORDED);
        assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_AWAIT_REPLY, MESSAGE_EVENT_REPLY_RECEIVED,
                GATEWAY_INVITATION_ACCEPTED, END_EVENT_SEAT_CONFIRMED).hasNotPassed(TASK_INVITE_REPLACEMENT);
        assertThat(driver.historicVariable(instance, INVITATION_ACCEPTED)).isEqualTo(true);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(replies(meeting.amira())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reply", "accept").containsEntry("channel", "phone")
                .containsEntry("note", "Confirmed by phone with her office.").containsEntry("recorded_by", "lena")
                .containsEntry("late", false).containsEntry("travel_support", true).containsEntry("dietary", "Halal"));
        assertThat(invitationReplies.confirmed(code)).singleElement().satisfies(c -> {
            assertThat(c.participant().id()).isEqualTo(meeting.amira());
            assertThat(c.acceptance().needs()).isEqualTo(new ReplyNeeds(true, false, "Halal", null));
        });
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
                .as("reminder and deadline timers are gone").isZero();
        assertThat(events.of(InvitationAccepted.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationAccepted(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.PHONE,
                        "Confirmed by phone with her office.", null, "lena"));
        assertThat(events.of(InvitationAccepted.class, code).get(0).occurredAt())
                .as("the reply's row and its event: one time").isEqualTo(invitationReplies.history(code).get(0).recordedAt().toInstant());
        assertThatThrownBy(() -> invitationReplies.receive(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.EMAIL,
                null, null, "omar")).isInstanceOf(InvitationConflict.class).hasMessageContaining("already recorded");
        assertThat(replies(meeting.amira())).as("a second reply is not recorded").hasSize(1);
    }

    @Test
    void shouldReplaceADeclinedInviteeProposingTheReservesOfHerCategoryFirst() {
        long hassan = participants.add(code, "Hassan Nour", "Ministry of Foreign Affairs", ParticipantCategory.GOV,
                "h.nour@gov.example", true);
        ProcessInstance instance = invitedAndSent(meeting.amira());
        invitationReplies.receive(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.LETTER,
                "Ministerial visit on those dates.", null, "omar");

        assertThat(instance).hasPassed(MESSAGE_EVENT_REPLY_RECEIVED).isWaitingAt(TASK_INVITE_REPLACEMENT);
        Task inviteReplacement = driver.task(instance, TASK_INVITE_REPLACEMENT);
        assertThat(inviteReplacement).hasCandidateGroup(ConveneGroups.STAFF);
        assertThat(driver.taskVariable(inviteReplacement, INVITEE_NAME)).asString().startsWith("Amira Khalil");
        assertThat(driver.taskVariable(inviteReplacement, SEAT_HISTORY)).asString()
                .contains("**declined** by letter", "recorded by omar", "Ministerial visit on those dates.");
        assertThat(optionValues(inviteReplacement)).as("the government reserve before the NGO's")
                .containsExactly(String.valueOf(hassan), String.valueOf(meeting.grace()), NO_REPLACEMENT);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);

        driver.complete(inviteReplacement, "lena", Map.of(REPLACEMENT_ID, String.valueOf(hassan)));

        assertThat(driver.historicVariable(instance, REPLACEMENT_CHOSEN)).isEqualTo(true);
        assertThat(driver.historicVariable(instance, PARTICIPANT_ID)).isEqualTo(String.valueOf(hassan));
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        sendInvitation(instance);
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly("a.khalil@gov.example", "h.nour@gov.example");
        assertThat(invitationStatus(hassan)).isEqualTo(InvitationStatus.SENT);
        invitationReplies.receive(code, hassan, InvitationReply.ACCEPT, ReplyChannel.EMAIL, null, null, "lena");

        assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_REPLACEMENT_MERGE, TASK_INVITE_REPLACEMENT,
                GATEWAY_INVITATION_MERGE, SERVICE_TASK_SEND_INVITATION, END_EVENT_SEAT_CONFIRMED);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);
        assertThat(invitationStatus(hassan)).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(events.of(InvitationDeclined.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationDeclined(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, ReplyChannel.LETTER,
                        "Ministerial visit on those dates.", null, "omar"));
        assertThat(events.of(ReplacementInvited.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ReplacementInvited(code, meeting.amira(), hassan,
                        "Hassan Nour, Ministry of Foreign Affairs", null, "lena"));
        assertThat(events.of(InvitationLapsed.class, code)).as("a declined invitation does not lapse").isEmpty();
    }

    @Test
    void shouldLeaveTheSeatEmptyWhenNoReplacementIsChosen() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        invitationReplies.receive(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.PHONE, null, null, "lena");

        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, NO_REPLACEMENT));

        assertThat(instance).isEnded().hasPassed(GATEWAY_REPLACEMENT_CHOSEN, END_EVENT_SEAT_LEFT_EMPTY)
                .hasNotPassed(END_EVENT_SEAT_CONFIRMED);
        assertThat(driver.historicVariable(instance, REPLACEMENT_CHOSEN)).isEqualTo(false);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);
        assertThat(mails()).hasSize(1);
        assertThat(events.of(SeatLeftEmpty.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new SeatLeftEmpty(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        null, "lena"));
    }

    @Test
    void shouldRemindOnlyThoseWhoHaveNotRepliedOnTheMeetingsSchedule() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance amirasSeat = invitedAndSent(meeting.amira());
        ProcessInstance petersSeat = invitedAndSent(peter);
        Date deadline = invitations.replyDeadline(code);

        fireReminder(amirasSeat);
        fireReminder(petersSeat);
        assertThat(amirasSeat).hasPassed(TIMER_EVENT_REMINDER_DUE, SERVICE_TASK_SEND_REMINDER).isWaitingAt(GATEWAY_AWAIT_REPLY);
        invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.LINK, null, null, null);
        Job secondReminder = driver.timer(petersSeat, TIMER_EVENT_REMINDER_DUE);
        assertThat(secondReminder).as("7 days before the deadline")
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).minusDays(7).toInstant()));
        fireReminder(petersSeat);

        assertThat(mailsTo()).as("mails per recipient").containsExactly(
                entry("a.khalil@gov.example", List.of("Invitation: " + TITLE, "Reminder: " + TITLE)),
                entry("p.mwangi@iom.example", List.of("Invitation: " + TITLE, "Reminder: " + TITLE, "Reminder: " + TITLE)));
        assertThat(driver.timer(petersSeat, TIMER_EVENT_REMINDER_DUE)).as("none left: after the deadline, never first")
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).plusDays(1).toInstant()));
        assertThat(driver.timer(petersSeat, TIMER_EVENT_REPLY_DEADLINE_PASSED)).hasDueDate(deadline);
        assertThat(events.of(ReminderSent.class, code)).extracting(ReminderSent::participantId)
                .containsExactly(meeting.amira(), peter, peter);
        assertThat(taskService.createTaskQuery().processDefinitionKey(ID).processInstanceBusinessKey(code).count())
                .as("no staff task for the seats").isZero();
    }

    @Test
    void shouldNotRepeatAReminderThatAManagerFiredEarly() {
        ProcessInstance amirasSeat = invitedAndSent(meeting.amira());
        Date deadline = invitations.replyDeadline(code);

        // fast-forward as a manager does in Cockpit: the timer runs now, weeks before its due date
        driver.fireTimer(amirasSeat, TIMER_EVENT_REMINDER_DUE);
        driver.runAsyncJob(amirasSeat, SERVICE_TASK_SEND_REMINDER);

        assertThat(driver.timer(amirasSeat, TIMER_EVENT_REMINDER_DUE)).as("the second of the schedule, not the first again")
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).minusDays(7).toInstant()));
        driver.fireTimer(amirasSeat, TIMER_EVENT_REMINDER_DUE);
        driver.runAsyncJob(amirasSeat, SERVICE_TASK_SEND_REMINDER);
        assertThat(driver.timer(amirasSeat, TIMER_EVENT_REMINDER_DUE)).as("none left")
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).plusDays(1).toInstant()));
        assertThat(mailsTo()).containsExactly(entry("a.khalil@gov.example",
                List.of("Invitation: " + TITLE, "Reminder: " + TITLE, "Reminder: " + TITLE)));
    }

    @Test
    void shouldMoveWaitingRemindersWhenStaffChangeTheSchedule() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        Date deadline = invitations.replyDeadline(code);

        assertThat(settings.changeReminderDays(code, "10, 3", "lena")).containsExactly(10, 3);

        assertThat(driver.timer(instance, TIMER_EVENT_REMINDER_DUE))
                .hasDueDate(Date.from(deadline.toInstant().atZone(AMMAN).minusDays(10).toInstant()));
        assertThatThrownBy(() -> settings.changeReminderDays(code, "7.5", "lena")).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> settings.changeReminderDays(code, "0", "lena")).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> settings.changeReminderDays(code, "7, 7", "lena")).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("once");
        assertThat(settings.reminderDays(code)).as("nothing refused is stored").containsExactly(10, 3);
        assertThat(events.of(ReminderScheduleChanged.class, code)).singleElement()
                .extracting(ReminderScheduleChanged::daysBeforeDeadline, ReminderScheduleChanged::actor)
                .containsExactly(List.of(10, 3), "lena");
    }

    @Test
    void shouldLapseAtTheDeadlineAndAskForAReplacement() {
        ProcessInstance instance = invitedAndSent(meeting.amira());

        Date deadline = Date.from(meeting.firstDay().atTime(LocalTime.of(9, 0)).atZone(AMMAN).minusDays(21).toInstant());
        assertThat(driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED)).as("21 days before the first session (09:00 in Amman)")
                .hasDueDate(deadline);
        driver.fireTimer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED);

        assertThat(instance).hasPassed(TIMER_EVENT_REPLY_DEADLINE_PASSED, SERVICE_TASK_RECORD_LAPSE)
                .isWaitingAt(TASK_INVITE_REPLACEMENT);
        assertThat(invitationStatus(meeting.amira())).as("lapsed at the deadline").isEqualTo(InvitationStatus.LAPSED);
        assertThat(jobs(instance, TIMER_EVENT_REMINDER_DUE)).as("the reminders stop").isZero();
        assertThat(driver.taskVariable(driver.task(instance, TASK_INVITE_REPLACEMENT), SEAT_HISTORY)).asString()
                .contains("No reply by the deadline");
        assertThat(events.of(InvitationLapsed.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationLapsed(code, meeting.amira(), "Amira Khalil, Ministry of Interior",
                        null, null));
        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        sendInvitation(instance);
        assertThat(invitationStatus(meeting.grace())).isEqualTo(InvitationStatus.SENT);
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly("a.khalil@gov.example", "g.otieno@ngo.example");
        assertThat(events.of(InvitationLapsed.class, code)).as("once").hasSize(1);
    }

    @Test
    void shouldKeepTheSeatForALateAcceptanceWhileStaffHaveNotDecided() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        driver.fireTimer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED);
        String inviteReplacement = driver.task(instance, TASK_INVITE_REPLACEMENT).getId();

        InvitationReplies.Outcome outcome = invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT,
                ReplyChannel.EMAIL, "Sorry for the delay.", null, "lena");

        assertThat(outcome).isEqualTo(InvitationReplies.Outcome.LATE_SEAT_KEPT);
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_ACCEPTANCE_RECEIVED, END_EVENT_SEAT_KEPT)
                .hasNotPassed(GATEWAY_REPLACEMENT_CHOSEN);
        assertThat(taskService.createTaskQuery().taskId(inviteReplacement).count()).as("the task closed by itself").isZero();
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(replies(meeting.amira())).singleElement().satisfies(r -> assertThat(r).containsEntry("late", true));
        assertThat(events.of(InvitationRepliedLate.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationRepliedLate(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, InvitationReply.ACCEPT,
                        ReplyChannel.EMAIL, true, "Sorry for the delay.", null, "lena"));
    }

    @Test
    void shouldRecordALateAcceptanceWhenTheSeatHasGoneAndTellStaff() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        driver.fireTimer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED);
        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        InvitationReplies.Outcome outcome = invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT,
                ReplyChannel.LINK, null, null, null);

        assertThat(outcome).isEqualTo(InvitationReplies.Outcome.LATE_SEAT_GONE);
        assertThat(invitationStatus(meeting.amira())).as("not confirmed").isEqualTo(InvitationStatus.LAPSED);
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        assertThat(replies(meeting.amira())).singleElement().satisfies(r -> assertThat(r).containsEntry("late", true)
                .containsEntry("reply", "accept"));
        assertThat(events.of(InvitationRepliedLate.class, code)).singleElement()
                .extracting(InvitationRepliedLate::seatKept).isEqualTo(false);
        assertThat(invitationReplies.confirmed(code)).isEmpty();
    }

    @Test
    void shouldShowHtmlAnInviteeTypedIntoHerReplyAsTextInTheReplacementForm() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        invitationReplies.receive(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.LINK,
                "Sorry <img src=x onerror=alert(1)> <b>busy</b>", null, null);

        Task inviteReplacement = driver.task(instance, TASK_INVITE_REPLACEMENT);
        assertThat(driver.taskVariable(inviteReplacement, SEAT_HISTORY)).asString()
                .contains("Sorry &lt;img src=x onerror=alert(1)> &lt;b>busy&lt;/b>").doesNotContain("<img", "<b>");
    }

    @Test
    void shouldStartTheReplacementDecisionWhenAnAcceptanceIsCorrectedToADecline() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.LINK, null, null, null);
        assertThat(instance).isEnded();

        invitationReplies.correct(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.PHONE,
                "Phoned: her minister needs her on those dates.", null, "lena");

        ProcessInstance reopened = runtimeService.createProcessInstanceQuery().processDefinitionKey(ID)
                .processInstanceBusinessKey(code).singleResult();
        assertThat(reopened).hasPassed(START_EVENT_ACCEPTANCE_WITHDRAWN).isWaitingAt(TASK_INVITE_REPLACEMENT);
        assertThat(driver.taskVariable(driver.task(reopened, TASK_INVITE_REPLACEMENT), SEAT_HISTORY)).asString()
                .contains("**accepted** by signed link", "Corrected to **declined** by phone");
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.DECLINED);
        assertThat(replies(meeting.amira())).extracting(r -> r.get("reply"), r -> r.get("correction"))
                .as("appended, never overwritten").containsExactly(tuple("accept", false), tuple("decline", true));
        driver.complete(reopened, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));
        sendInvitation(reopened);
        assertThat(invitationStatus(meeting.grace())).isEqualTo(InvitationStatus.SENT);

        assertThatThrownBy(() -> invitationReplies.correct(code, meeting.amira(), InvitationReply.ACCEPT,
                ReplyChannel.PHONE, null, null, "lena")).isInstanceOf(InvitationConflict.class)
                .hasMessageContaining("settled meanwhile");
        assertThat(replies(meeting.amira())).as("nothing of the refused correction").hasSize(2);
        assertThat(events.of(InvitationReplyCorrected.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationReplyCorrected(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", ParticipantCategory.GOV, InvitationReply.ACCEPT,
                        InvitationReply.DECLINE, ReplyChannel.PHONE, "Phoned: her minister needs her on those dates.",
                        null, "lena"));
        assertThat(auditTrail.of(code)).anySatisfy(entry -> {
            assertThat(entry.what()).isEqualTo("Invitation reply corrected (by phone)");
            assertThat(entry.who()).isEqualTo("lena");
            assertThat(entry.decision()).isEqualTo("accepted → declined");
        });
    }

    @Test
    void shouldKeepTheSeatWhenADeclineIsCorrectedWhileStaffHaveNotDecided() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        invitationReplies.receive(code, meeting.amira(), InvitationReply.DECLINE, ReplyChannel.LINK, null, null, null);
        assertThat(instance).isWaitingAt(TASK_INVITE_REPLACEMENT);

        invitationReplies.correct(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.EMAIL, "Can come after all.",
                new ReplyNeeds(false, true, null, null), "lena");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_ACCEPTANCE_RECEIVED, END_EVENT_SEAT_KEPT);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(invitationReplies.confirmed(code)).singleElement()
                .satisfies(c -> assertThat(c.acceptance().needs().visaLetter()).isTrue());
        assertThatThrownBy(() -> invitationReplies.correct(code, meeting.amira(), InvitationReply.ACCEPT,
                ReplyChannel.EMAIL, null, null, "lena")).isInstanceOf(InvitationConflict.class)
                .hasMessageContaining("already says so");
    }

    @Test
    void shouldEndTheSeatWhenStaffWithdrawAnInvitationThatWaits() {
        ProcessInstance instance = invitedAndSent(meeting.amira());

        invitations.withdraw(code, meeting.amira(), "Sent to the wrong person.", "lena");

        assertThat(instance).isEnded().hasPassed(MESSAGE_EVENT_INVITATION_WITHDRAWN, END_EVENT_SEAT_WITHDRAWN);
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.WITHDRAWN);
        assertThat(jdbc.sql("select calendar_method from cv_outbox_mail where meeting_code = ? order by id").param(code)
                .query(String.class).list()).as("the invitation, then its calendar entry cancelled")
                .containsExactly("REQUEST", "CANCEL");
        assertThat(events.of(InvitationWithdrawn.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new InvitationWithdrawn(code, meeting.amira(),
                        "Amira Khalil, Ministry of Interior", false, "Sent to the wrong person.", null, "lena"));
        assertThatThrownBy(() -> invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.LINK,
                null, null, null)).isInstanceOf(InvitationConflict.class).hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> invitations.withdraw(code, meeting.amira(), null, "lena"))
                .isInstanceOf(InvitationConflict.class).hasMessageContaining("withdrawn");
    }

    @Test
    void shouldWithdrawAnAcceptedInvitationButNotADeclinedOne() {
        long peter = Invitees.peter(participants, code);
        ProcessInstance amirasSeat = invitedAndSent(meeting.amira());
        ProcessInstance petersSeat = invitedAndSent(peter);
        invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.LINK, null, null, null);
        invitationReplies.receive(code, peter, InvitationReply.DECLINE, ReplyChannel.LINK, null, null, null);

        invitations.withdraw(code, meeting.amira(), null, "lena");

        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.WITHDRAWN);
        assertThat(events.of(InvitationWithdrawn.class, code)).singleElement().extracting(InvitationWithdrawn::wasAccepted)
                .isEqualTo(true);
        assertThatThrownBy(() -> invitations.withdraw(code, peter, null, "lena")).isInstanceOf(InvitationConflict.class)
                .hasMessageContaining("declined");
        assertThat(petersSeat).isWaitingAt(TASK_INVITE_REPLACEMENT);
        assertThat(invitationReplies.confirmed(code)).isEmpty();
    }

    @Test
    void shouldGiveAReplacementInvitedAfterTheDeadlineTimeToReply() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        clockAfter(driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED));
        driver.fireTimer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED);
        driver.complete(instance, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));
        sendInvitation(instance);

        Date tenDaysAfterTheInvitation = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)));
        assertThat(driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED)).as("not already overdue")
                .hasDueDate(tenDaysAfterTheInvitation);
        assertThat(driver.timer(instance, TIMER_EVENT_REMINDER_DUE).getDuedate()).as("7 days before her own deadline")
                .isEqualTo(Date.from(tenDaysAfterTheInvitation.toInstant().atZone(AMMAN).minusDays(7).toInstant()));
        assertThat(events.of(InvitationSent.class, code)).filteredOn(e -> e.participantId() == meeting.grace()).singleElement()
                .extracting(InvitationSent::replyBy).isEqualTo(tenDaysAfterTheInvitation.toInstant());

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
        invitationReplies.receive(code, meeting.grace(), InvitationReply.ACCEPT, ReplyChannel.LINK, null, null, null);
        assertThat(instance).isEnded().hasPassed(END_EVENT_SEAT_CONFIRMED);
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
        ProcessInstance amirasSeat = invitedAndSent(meeting.amira());
        ProcessInstance petersSeat = invitedAndSent(peter);
        // both lapse at the same deadline: both replacement tasks offer the same reserve list
        driver.fireTimer(amirasSeat, TIMER_EVENT_REPLY_DEADLINE_PASSED);
        driver.fireTimer(petersSeat, TIMER_EVENT_REPLY_DEADLINE_PASSED);
        assertThat(optionValues(driver.task(petersSeat, TASK_INVITE_REPLACEMENT))).contains(String.valueOf(meeting.grace()));

        driver.complete(amirasSeat, TASK_INVITE_REPLACEMENT, "lena", Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace())));

        assertThatThrownBy(() -> driver.complete(petersSeat, TASK_INVITE_REPLACEMENT, "omar",
                Map.of(REPLACEMENT_ID, String.valueOf(meeting.grace()))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Grace Otieno")
                .hasMessageContaining("already been invited");
        assertThat(petersSeat).isWaitingAt(TASK_INVITE_REPLACEMENT);
        driver.complete(petersSeat, TASK_INVITE_REPLACEMENT, "omar", Map.of(REPLACEMENT_ID, NO_REPLACEMENT));
        assertThat(petersSeat).isEnded().hasPassed(END_EVENT_SEAT_LEFT_EMPTY);

        sendInvitation(amirasSeat);
        assertThat(amirasSeat).isWaitingAt(GATEWAY_AWAIT_REPLY);
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly(
                "a.khalil@gov.example", "p.mwangi@iom.example", "g.otieno@ngo.example");
    }

    @Test
    void shouldNeverWriteASecondInvitationMailWhenTheSendingRunsAgain() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        List<Map<String, Object>> first = mails();
        assertThat(first).hasSize(1);

        // the sending step runs again for the same seat (a job run twice, an operator's restart in Cockpit)
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity(GATEWAY_AWAIT_REPLY)
                .startBeforeActivity(SERVICE_TASK_SEND_INVITATION)
                .execute();
        assertThat(instance).isWaitingAt(SERVICE_TASK_SEND_INVITATION);
        sendInvitation(instance);

        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_REPLY);
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
        fireReminder(instance);

        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_REPLY);
        List<Map<String, Object>> mails = jdbc.sql("select subject, body from cv_outbox_mail where meeting_code = ? order by id")
                .param(longCode).query().listOfRows();
        assertThat(mails).extracting(m -> (String) m.get("subject"))
                .satisfiesExactly(s -> assertThat(s).startsWith("Invitation: Expert Meeting"),
                        s -> assertThat(s).startsWith("Reminder: Expert Meeting"));
        assertThat(mails).allSatisfy(m -> assertThat((String) m.get("body")).contains(longTitle.strip()));
    }

    @Test
    void shouldRefuseAnOverlongNoteAndStoreNothing() {
        ProcessInstance instance = invitedAndSent(meeting.amira());

        assertThatThrownBy(() -> invitationReplies.receive(code, meeting.amira(), InvitationReply.ACCEPT, ReplyChannel.PHONE,
                "x".repeat(2001), new ReplyNeeds(false, false, "y".repeat(501), null), "lena"))
                .isInstanceOf(ChangeRefused.class).hasMessageContaining("2000 characters").hasMessageContaining("500");

        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_REPLY);
        assertThat(replies(meeting.amira())).isEmpty();
        assertThat(invitationStatus(meeting.amira())).isEqualTo(InvitationStatus.SENT);
        assertThat(events.of(InvitationAccepted.class, code)).isEmpty();
    }

    @Test
    void shouldMoveTheReplyDeadlineAndTheNextReminderWhenTheMeetingMoves() {
        ProcessInstance instance = invitedAndSent(meeting.amira());
        Date deadline = driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED).getDuedate();
        Date reminder = driver.timer(instance, TIMER_EVENT_REMINDER_DUE).getDuedate();

        schedules.reschedule(code, new MeetingSchedules.NewSchedule(meeting.firstDay().plusWeeks(2).toString(), null,
                null, null), "lena");

        Duration twoWeeks = Duration.ofDays(14);
        assertThat(driver.timer(instance, TIMER_EVENT_REPLY_DEADLINE_PASSED).getDuedate())
                .isEqualTo(Date.from(deadline.toInstant().plus(twoWeeks)))
                .isEqualTo(invitations.deadlineOf(code, String.valueOf(meeting.amira())));
        assertThat(driver.timer(instance, TIMER_EVENT_REMINDER_DUE).getDuedate())
                .isEqualTo(Date.from(reminder.toInstant().plus(twoWeeks)));
    }

    private ProcessInstance invite(long participantId) {
        Map<String, Object> variables = new HashMap<>(meeting.phase());
        variables.put(PARTICIPANT_ID, String.valueOf(participantId));
        return driver.start(ID, code, variables);
    }

    /** The seat's invitation sent: the instance waits for the reply. */
    private ProcessInstance invitedAndSent(long participantId) {
        ProcessInstance instance = invite(participantId);
        sendInvitation(instance);
        return instance;
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

    /** The reminder timer is due: the engine's clock moves past it, the timer fires, "Send reminder" runs. */
    private void fireReminder(ProcessInstance instance) {
        clockAfter(driver.timer(instance, TIMER_EVENT_REMINDER_DUE));
        driver.fireTimer(instance, TIMER_EVENT_REMINDER_DUE);
        driver.runAsyncJob(instance, SERVICE_TASK_SEND_REMINDER);
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

    /** This module's record of replies (cv_invitation_reply), oldest first. */
    private List<Map<String, Object>> replies(long participantId) {
        return jdbc.sql("""
                select r.reply, r.channel, r.note, r.recorded_by, r.late, r.correction, r.travel_support, r.visa_letter,
                       r.dietary, r.accessibility from cv_invitation_reply r
                join cv_invitation i on i.id = r.invitation_id
                where i.meeting_code = ? and i.participant_id = ? order by r.id""")
                .params(code, participantId).query().listOfRows();
    }

    /** This module's outbox (cv_outbox_mail), oldest first. */
    private List<Map<String, Object>> mails() {
        return jdbc.sql("select message_id, recipient, subject, body, status from cv_outbox_mail where meeting_code = ? order by id")
                .param(code).query().listOfRows();
    }

    /** The subjects of the meeting's mails per recipient, in the order written. */
    private Map<String, List<String>> mailsTo() {
        Map<String, List<String>> byRecipient = new java.util.TreeMap<>();
        mails().forEach(m -> byRecipient.computeIfAbsent((String) m.get("recipient"), r -> new java.util.ArrayList<>())
                .add((String) m.get("subject")));
        return byRecipient;
    }
}
