package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.TestMeetings;
import org.convene.meeting.ParticipantCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * InvitationProcess, one seat of a meeting: the invitation mail through the outbox, the reply
 * recorded by staff or received through the invitation link, reminders, the reply deadline and
 * the replacement from the reserve list.
 */
@ConveneIntegrationTest
class InvitationProcessTests {

    static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    static final String TITLE = ExpertMeetings.TITLE;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired JdbcClient jdbc;

    String code;
    LocalDate firstDay;
    String meetingDates;
    long amira;
    long grace;

    @BeforeEach
    void registerAMeetingWithAnInviteeAndAReserve() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("INV");
        firstDay = ExpertMeetings.firstDay();
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);
        meetingDates = (String) runtimeService.getVariable(meeting.getId(), "meetingDates");
        amira = participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "A.Khalil@gov.example", false);
        grace = participants.add(code, "Grace Otieno", "Refugee Law Project", ParticipantCategory.NGO,
                "g.otieno@ngo.example", true);
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldInviteAndRecordAnAcceptanceReceivedByPhone() {
        ProcessInstance instance = invite(amira);
        assertThat(instance).isWaitingAt("ServiceTask_SendInvitation");
        assertThat(mails()).as("nothing is written before the job runs").isEmpty();

        sendInvitation(instance);

        assertThat(invitationStatus(amira)).isEqualTo("SENT");
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail).containsEntry("recipient", "a.khalil@gov.example")
                    .containsEntry("subject", "Invitation: " + TITLE)
                    .containsEntry("status", "PENDING");
            assertThat((String) mail.get("body")).contains("Dear Amira Khalil", meetingDates, "Amman, Jordan");
        });
        assertThat(instance).isWaitingAt("Task_RecordReply");
        Task recordReply = task(instance);
        assertThat(recordReply).hasCandidateGroup("convener-staff").hasDueDate(invitations.replyDeadline(code));
        assertThat(taskService.getVariable(recordReply.getId(), "inviteeName"))
                .isEqualTo("Amira Khalil, Ministry of Interior (Senior government representatives)");

        complete("lena", recordReply, reply("accept", "phone", "Confirmed by phone with her office."));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvitationAccepted")
                .hasNotPassed("Task_InviteReplacement", "BoundaryEvent_ReplyReceived");
        assertThat(processVariable(instance, "invitationAccepted")).isEqualTo(true);
        assertThat(processVariable(instance, "reply")).as("the form's value stays in the task's scope").isNull();
        assertThat(invitationStatus(amira)).isEqualTo("ACCEPTED");
        assertThat(replies(amira)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reply", "accept").containsEntry("channel", "phone")
                .containsEntry("note", "Confirmed by phone with her office.")
                .containsEntry("recorded_by", "lena").containsEntry("task_id", recordReply.getId()));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
                .as("reminder and deadline timers are gone").isZero();
        assertThat(mails()).hasSize(1);
    }

    @Test
    void shouldReplaceADeclinedInviteeFromTheReserveList() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);
        complete("omar", task(instance), reply("decline", "letter", "Ministerial visit on those dates."));

        assertThat(instance).isWaitingAt("Task_InviteReplacement");
        Task inviteReplacement = task(instance);
        assertThat(inviteReplacement).hasCandidateGroup("convener-staff");
        assertThat(taskService.getVariable(inviteReplacement.getId(), "inviteeName")).asString().startsWith("Amira Khalil");
        assertThat(optionValues(inviteReplacement)).containsExactly(String.valueOf(grace), "none");
        assertThat(invitationStatus(amira)).isEqualTo("DECLINED");

        complete("lena", inviteReplacement, Map.of("replacementId", String.valueOf(grace)));

        assertThat(processVariable(instance, "replacementChosen")).isEqualTo(true);
        assertThat(processVariable(instance, "participantId")).isEqualTo(String.valueOf(grace));
        assertThat(instance).isWaitingAt("ServiceTask_SendInvitation");
        sendInvitation(instance);

        assertThat(mails()).extracting(m -> m.get("recipient"))
                .containsExactly("a.khalil@gov.example", "g.otieno@ngo.example");
        assertThat(invitationStatus(grace)).isEqualTo("SENT");
        assertThat(taskService.getVariable(task(instance).getId(), "inviteeName")).asString().startsWith("Grace Otieno");
        complete("lena", task(instance), reply("accept", "email", null));

        assertThat(instance).isEnded().hasPassedInOrder("Task_RecordReply", "Task_InviteReplacement",
                "ServiceTask_SendInvitation", "EndEvent_InvitationAccepted");
        assertThat(invitationStatus(amira)).isEqualTo("DECLINED");
        assertThat(invitationStatus(grace)).isEqualTo("ACCEPTED");
        assertThat(replies(grace)).extracting(r -> r.get("reply")).containsExactly("accept");
    }

    @Test
    void shouldLeaveTheSeatEmptyWhenNoReplacementIsChosen() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);
        complete("lena", task(instance), reply("decline", "phone", null));

        complete("lena", task(instance), Map.of("replacementId", "none"));

        assertThat(instance).isEnded().hasPassed("EndEvent_SeatLeftEmpty").hasNotPassed("EndEvent_InvitationAccepted");
        assertThat(processVariable(instance, "replacementChosen")).isEqualTo(false);
        assertThat(processVariable(instance, "participantId")).isEqualTo(String.valueOf(amira));
        assertThat(invitationStatus(amira)).isEqualTo("DECLINED");
        assertThat(jdbc.sql("select count(*) from cv_invitation where meeting_code = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mails()).hasSize(1);
    }

    @Test
    void shouldTakeAnAcceptanceFromTheInvitationLinkInsteadOfTheStaffTask() {
        long peter = participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        ProcessInstance amirasSeat = invite(amira);
        ProcessInstance petersSeat = invite(peter);
        sendInvitation(amirasSeat);
        sendInvitation(petersSeat);
        String recordReply = task(amirasSeat).getId();

        runtimeService.createMessageCorrelation("ReplyReceived")
                .processInstanceBusinessKey(code)
                .processInstanceVariableEquals("participantId", String.valueOf(amira))
                .setVariable("invitationAccepted", true)
                .correlate();

        assertThat(amirasSeat).isEnded().hasPassed("BoundaryEvent_ReplyReceived", "EndEvent_InvitationAccepted");
        assertThat(taskService.createTaskQuery().taskId(recordReply).count()).as("Record reply was interrupted").isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(recordReply).singleResult().getDeleteReason())
                .isNotEqualTo("completed");
        assertThat(replies(amira)).as("no staff reply was recorded").isEmpty();
        assertThat(petersSeat).as("the other seat is untouched").isWaitingAt("Task_RecordReply");
    }

    @Test
    void shouldAskForAReplacementWhenTheInvitationLinkSaysDecline() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);

        runtimeService.createMessageCorrelation("ReplyReceived")
                .processInstanceId(instance.getId())
                .setVariable("invitationAccepted", false)
                .correlate();

        assertThat(instance).hasPassed("BoundaryEvent_ReplyReceived").isWaitingAt("Task_InviteReplacement")
                .isNotWaitingAt("Task_RecordReply");
        assertThat(optionValues(task(instance))).containsExactly(String.valueOf(grace), "none");
    }

    @Test
    void shouldAskForAReplacementWhenTheReplyIsOverdue() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);

        Job overdue = job("BoundaryEvent_ReplyOverdue", instance);
        Date deadline = Date.from(firstDay.atTime(LocalTime.of(9, 0)).atZone(AMMAN).minusDays(21).toInstant());
        assertThat(overdue).as("21 days before the first session (09:00 in Amman)").hasDueDate(deadline);
        assertThat(invitations.replyDeadline(code)).isEqualTo(deadline);
        assertThat(task(instance)).hasDueDate(deadline);
        execute(overdue);

        assertThat(instance).hasPassed("BoundaryEvent_ReplyOverdue").isWaitingAt("Task_InviteReplacement")
                .isNotWaitingAt("Task_RecordReply");
        assertThat(jobs(instance, "BoundaryEvent_ReminderDue")).as("the reminders stop with Record reply").isZero();
        complete("lena", task(instance), Map.of("replacementId", String.valueOf(grace)));

        assertThat(invitationStatus(amira)).isEqualTo("LAPSED");
        assertThat(replies(amira)).isEmpty();
        sendInvitation(instance);
        assertThat(invitationStatus(grace)).isEqualTo("SENT");
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly("a.khalil@gov.example", "g.otieno@ngo.example");
    }

    @Test
    void shouldGiveAReplacementInvitedAfterTheDeadlineTimeToReply() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);
        Job overdue = job("BoundaryEvent_ReplyOverdue", instance);
        clockAfter(overdue);
        execute(overdue);
        complete("lena", task(instance), Map.of("replacementId", String.valueOf(grace)));
        sendInvitation(instance);

        Date tenDaysAfterTheInvitation = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)));
        assertThat(job("BoundaryEvent_ReplyOverdue", instance)).as("not already overdue").hasDueDate(tenDaysAfterTheInvitation);
        assertThat(task(instance)).hasDueDate(tenDaysAfterTheInvitation);
        assertThat(job("BoundaryEvent_ReminderDue", instance).getDuedate()).isBefore(tenDaysAfterTheInvitation);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
        runtimeService.createMessageCorrelation("ReplyReceived").processInstanceId(instance.getId())
                .setVariable("invitationAccepted", true).correlate();
        assertThat(instance).isEnded().hasPassed("EndEvent_InvitationAccepted");
    }

    @Test
    void shouldKeepTheMeetingsDeadlineForInvitationsSentBeforeItAndNeverGoPastTheEveOfTheMeeting() {
        Date deadline = invitations.replyDeadline(code);
        Date firstSession = Date.from(firstDay.atTime(LocalTime.of(9, 0)).atZone(AMMAN).toInstant());

        assertThat(invitations.replyDeadline(code, Date.from(deadline.toInstant().minus(Duration.ofDays(30)))))
                .isEqualTo(deadline);
        assertThat(invitations.replyDeadline(code, Date.from(firstSession.toInstant().minus(Duration.ofDays(4)))))
                .isEqualTo(Date.from(firstSession.toInstant().minus(Duration.ofDays(1))));
    }

    @Test
    void shouldRefuseAReserveWhoWasMeanwhileInvitedForAnotherSeat() {
        long peter = participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        ProcessInstance amirasSeat = invite(amira);
        ProcessInstance petersSeat = invite(peter);
        sendInvitation(amirasSeat);
        sendInvitation(petersSeat);
        // both lapse at the same deadline: both replacement tasks offer the same reserve list
        execute(job("BoundaryEvent_ReplyOverdue", amirasSeat));
        execute(job("BoundaryEvent_ReplyOverdue", petersSeat));
        assertThat(optionValues(task(petersSeat))).contains(String.valueOf(grace));

        complete("lena", task(amirasSeat), Map.of("replacementId", String.valueOf(grace)));

        assertThatThrownBy(() -> complete("omar", task(petersSeat), Map.of("replacementId", String.valueOf(grace))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Grace Otieno")
                .hasMessageContaining("already been invited");
        assertThat(petersSeat).isWaitingAt("Task_InviteReplacement");
        assertThat(invitationStatus(peter)).as("nothing of the refused choice is stored").isEqualTo("SENT");
        complete("omar", task(petersSeat), Map.of("replacementId", "none"));
        assertThat(petersSeat).isEnded().hasPassed("EndEvent_SeatLeftEmpty");

        sendInvitation(amirasSeat);
        assertThat(amirasSeat).isWaitingAt("Task_RecordReply");
        assertThat(mails()).extracting(m -> m.get("recipient")).containsExactly(
                "a.khalil@gov.example", "p.mwangi@iom.example", "g.otieno@ngo.example");
    }

    @Test
    void shouldSendOneReminderMailEachTimeTheReminderIsDueWhileWaitingForTheReply() {
        ProcessInstance instance = invite(amira);
        execute(job("ServiceTask_SendInvitation", instance));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        execute(job("ServiceTask_SendInvitation", instance));
        Instant after = Instant.now();
        String recordReply = task(instance).getId();

        Job firstReminder = job("BoundaryEvent_ReminderDue", instance);
        assertThat(firstReminder.getDuedate().toInstant()).as("seven days after the invitation")
                .isBetween(before.plus(Duration.ofDays(7)), after.plus(Duration.ofDays(7)));
        // the engine's clock moves past the due date, as when the job executor picks the timer up
        clockAfter(firstReminder);
        execute(firstReminder);
        assertThat(instance).isWaitingAt("Task_RecordReply", "ServiceTask_SendReminder");
        execute(job("ServiceTask_SendReminder", instance));

        assertThat(instance).hasPassed("EndEvent_ReminderSent").isWaitingAt("Task_RecordReply");
        assertThat(task(instance).getId()).as("the reminder does not interrupt Record reply").isEqualTo(recordReply);
        assertThat(mails()).extracting(m -> m.get("subject"), m -> m.get("recipient")).containsExactly(
                tuple("Invitation: " + TITLE, "a.khalil@gov.example"),
                tuple("Reminder: " + TITLE, "a.khalil@gov.example"));

        Job secondReminder = job("BoundaryEvent_ReminderDue", instance);
        assertThat(secondReminder.getDuedate()).as("a week after the first reminder")
                .isCloseTo(Date.from(firstReminder.getDuedate().toInstant().plus(Duration.ofDays(7))), 1000);
        clockAfter(secondReminder);
        execute(secondReminder);
        execute(job("ServiceTask_SendReminder", instance));

        assertThat(mails()).extracting(m -> m.get("subject")).containsExactly(
                "Invitation: " + TITLE, "Reminder: " + TITLE, "Reminder: " + TITLE);
        assertThat(jobs(instance, "BoundaryEvent_ReminderDue")).as("R2: two reminders at most").isZero();
        assertThat(task(instance).getId()).isEqualTo(recordReply);
        assertThat(job("BoundaryEvent_ReplyOverdue", instance)).as("the deadline still stands")
                .hasDueDate(invitations.replyDeadline(code));
    }

    @Test
    void shouldNeverWriteASecondInvitationMailWhenTheSendingRunsAgain() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);
        List<Map<String, Object>> first = mails();
        assertThat(first).hasSize(1);

        // the sending step runs again for the same seat (a job run twice, an operator's restart in Cockpit)
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity("Task_RecordReply")
                .startBeforeActivity("ServiceTask_SendInvitation")
                .execute();
        assertThat(instance).isWaitingAt("ServiceTask_SendInvitation");
        sendInvitation(instance);

        assertThat(instance).isWaitingAt("Task_RecordReply");
        assertThat(mails()).as("the same Message-ID is written once").isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(code, amira).query(Long.class).single()).isEqualTo(1);
        assertThat((String) first.get(0).get("message_id")).startsWith("<invitation-").endsWith("." + code + "@convene>");
    }

    @Test
    void shouldInviteAndRemindForTheLongestTitleThatAMeetingMayHave() {
        String longCode = TestMeetings.newCode("INV");
        String longTitle = ("Expert Meeting on International Cooperation to Share Burden and Responsibilities "
                + "in Mass Influx, Rescue at Sea, Protracted and Mixed Movement Situations; ").repeat(3).substring(0, 300);
        ProcessInstance meeting = runtimeService.startProcessInstanceByKey("ExpertMeetingProcess", longCode, Map.of(
                "meetingTitle", longTitle, "meetingPlace", "Amman, Jordan", "meetingTimeZone", "Asia/Amman",
                "firstDay", firstDay.toString(), "numberOfDays", 2));
        assertThat(runtimeService.getVariable(meeting.getId(), "meetingTitle")).as("registration accepts it").isEqualTo(longTitle.strip());
        long invitee = participants.add(longCode, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "a.khalil@gov.example", false);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("InvitationProcess", longCode, Map.of(
                "meetingCode", longCode, "meetingTitle", longTitle.strip(), "meetingPlace", "Amman, Jordan",
                "meetingDates", meetingDates, "participantId", String.valueOf(invitee)));

        sendInvitation(instance);
        clockAfter(job("BoundaryEvent_ReminderDue", instance));
        execute(job("BoundaryEvent_ReminderDue", instance));
        execute(job("ServiceTask_SendReminder", instance));

        assertThat(instance).isWaitingAt("Task_RecordReply");
        List<Map<String, Object>> mails = jdbc.sql("select subject, body from cv_outbox_mail where meeting_code = ? order by id")
                .param(longCode).query().listOfRows();
        assertThat(mails).extracting(m -> (String) m.get("subject"))
                .satisfiesExactly(s -> assertThat(s).startsWith("Invitation: Expert Meeting"),
                        s -> assertThat(s).startsWith("Reminder: Expert Meeting"));
        assertThat(mails).allSatisfy(m -> assertThat((String) m.get("body")).contains(longTitle.strip()));
    }

    @Test
    void shouldRefuseAReplyThatBreaksTheFormAndStoreNothing() {
        ProcessInstance instance = invite(amira);
        sendInvitation(instance);
        String recordReply = task(instance).getId();

        assertThatThrownBy(() -> complete("lena", task(instance), reply("maybe", "phone", null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be one of [accept, decline], not 'maybe'");
        assertThatThrownBy(() -> complete("lena", task(instance), reply("accept", null, null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Received by' is required");

        assertThat(instance).isWaitingAt("Task_RecordReply");
        assertThat(task(instance).getId()).isEqualTo(recordReply);
        assertThat(taskService.getVariableLocal(recordReply, "reply")).isNull();
        assertThat(processVariable(instance, "invitationAccepted")).isNull();
        assertThat(replies(amira)).isEmpty();
        assertThat(invitationStatus(amira)).isEqualTo("SENT");
    }

    private ProcessInstance invite(long participantId) {
        return runtimeService.startProcessInstanceByKey("InvitationProcess", code, Map.of(
                "meetingCode", code, "meetingTitle", TITLE, "meetingPlace", "Amman, Jordan",
                "meetingDates", meetingDates, "participantId", String.valueOf(participantId)));
    }

    private static void clockAfter(Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    }

    /** Runs the two save points around "Send invitation" (asyncBefore, asyncAfter), as the job executor would. */
    private void sendInvitation(ProcessInstance instance) {
        execute(job("ServiceTask_SendInvitation", instance));
        execute(job("ServiceTask_SendInvitation", instance));
    }

    /** Completes the task as the given user, signed in with their groups, as Tasklist does. */
    private void complete(String user, Task task, Map<String, Object> values) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> reply(String reply, String channel, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put("reply", reply);
        values.put("replyChannel", channel);
        values.put("replyNote", note);
        return values;
    }

    private List<String> optionValues(Task task) {
        SpinJsonNode options = (SpinJsonNode) taskService.getVariable(task.getId(), "reserveOptions");
        return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
    }

    private Object processVariable(ProcessInstance instance, String name) {
        // the process instance's own scope (not a task's local input), read from history so ended instances answer too
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                .map(v -> v.getValue()).findFirst().orElse(null);
    }

    private long jobs(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).count();
    }

    private String invitationStatus(long participantId) {
        return jdbc.sql("select status from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(code, participantId).query(String.class).optional().orElse(null);
    }

    private List<Map<String, Object>> replies(long participantId) {
        return jdbc.sql("""
                select r.reply, r.channel, r.note, r.recorded_by, r.task_id from cv_invitation_reply r
                join cv_invitation i on i.id = r.invitation_id
                where i.meeting_code = ? and i.participant_id = ? order by r.id""")
                .params(code, participantId).query().listOfRows();
    }

    private List<Map<String, Object>> mails() {
        return jdbc.sql("select message_id, recipient, subject, body, status from cv_outbox_mail where meeting_code = ? order by id")
                .param(code).query().listOfRows();
    }
}
