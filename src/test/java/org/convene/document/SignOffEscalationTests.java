package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.document.SignOffProcess.END_EVENT_DECIDED_FOR_MISSING_REVIEWERS;
import static org.convene.document.SignOffProcess.END_EVENT_REVIEWERS_DECIDED;
import static org.convene.document.SignOffProcess.SERVICE_TASK_EXTEND_DUE_DATE;
import static org.convene.document.SignOffProcess.SERVICE_TASK_REPLACE_REVIEWER;
import static org.convene.document.SignOffProcess.SIGNED_OFF;
import static org.convene.document.SignOffProcess.TASK_RESOLVE_OVERDUE_SIGN_OFF;
import static org.convene.document.SignOffProcess.TASK_SIGN_OFF_DRAFT;
import static org.convene.document.SignOffProcess.TIMER_EVENT_SIGN_OFF_REMINDER_DUE;
import static org.convene.document.SignOffProcess.TIMER_EVENT_SIGN_OFF_DUE;
import static org.convene.workflow.ReviewDecision.APPROVE;
import static org.convene.workflow.ReviewDecision.REJECT;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.convene.ConveneIntegrationTest;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.document.SignOffProcess.Escalation;
import org.convene.identity.ConveneGroups;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * SignOffProcess past its due date: reminders mailed to the reviewers who have not decided (two
 * days before the due date and at it), then "Resolve overdue sign-off" for managers, each of its
 * three resolutions to the end, and the escalation's wrong answers refused through Tasklist's door.
 */
@ConveneIntegrationTest
@RecordApplicationEvents
class SignOffEscalationTests {

    static final String DRAFT = "## Background paper\n\nBurden- and responsibility-sharing: what has worked.";
    static final DocumentKind KIND = DocumentKind.BACKGROUND_PAPER;

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired Documents documents;
    @Autowired SignOff signOff;
    @Autowired SignOffEscalation escalation;
    @Autowired Mailbox mailbox;
    @Autowired ApplicationEvents events;
    @Autowired TestRestTemplate rest;

    String code;
    long versionId;

    @BeforeEach
    void draftABackgroundPaper() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("SOE");
        versionId = documents.saveDraft(code, KIND, "", DRAFT, "lena", null).id();
    }

    @Test
    void shouldMailRemindersOnlyToTheReviewersWhoHaveNotDecidedThenAskAManager() throws Exception {
        Instant before = Instant.now();
        ProcessInstance instance = signOff(null);
        Instant after = Instant.now();
        sign("ravi", instance, APPROVE);

        Date reminderDue = driver.fireTimer(instance, TIMER_EVENT_SIGN_OFF_REMINDER_DUE);
        assertThat(reminderDue.toInstant()).as("two days before the due date, five days after the start")
                .isBetween(before.plus(Duration.ofDays(3)).minusMillis(1000), after.plus(Duration.ofDays(3)));
        assertThat(driver.runAsyncJobs(instance)).as("Remind reviewers, asynchronous").isEqualTo(1);
        assertThat(mailbox.deliver(code)).isEqualTo(2);

        assertThat(mailbox.received(code)).extracting(SignOffEscalationTests::recipient)
                .containsExactlyInAnyOrder("sofia@convene.example", "kenji@convene.example");
        MimeMessage toSofia = receivedBy("sofia@convene.example").get(0);
        Task sofiasTask = driver.task(instance, TASK_SIGN_OFF_DRAFT, "sofia");
        String versionPage = "/documents/" + documents.version(versionId).documentId() + "/versions/1";
        assertThat(toSofia.getSubject()).isEqualTo("Reminder: sign off Background paper (version 1)");
        assertThat(Mailbox.messageId(toSofia)).isEqualTo("<sign-off-reminder-" + versionId + "-sofia-1." + code + "@convene>");
        assertThat(part(toSofia, "text/plain"))
                .contains("/camunda/app/tasklist/default/#/?task=" + sofiasTask.getId())
                .contains(versionPage)
                .contains("is due on " + dueLabel(sofiasTask.getDueDate()));
        assertThat(part(toSofia, "text/html")).contains("?task=" + sofiasTask.getId()).contains(versionPage);

        // a retried job writes the same round's mails again: the outbox keeps the first, nothing goes twice
        assertThat(escalation.remind(versionId, 1, sofiasTask.getDueDate().toInstant(), false,
                Map.of("sofia", sofiasTask.getId(), "kenji", driver.task(instance, TASK_SIGN_OFF_DRAFT, "kenji").getId())))
                .isEmpty();
        assertThat(mailbox.deliver(code)).isZero();
        assertThat(mailbox.received(code)).hasSize(2);

        sign("kenji", instance, APPROVE);
        Date due = driver.fireTimer(instance, TIMER_EVENT_SIGN_OFF_DUE);
        assertThat(due).isEqualTo(sofiasTask.getDueDate());
        driver.runAsyncJobs(instance);
        mailbox.deliver(code);
        assertThat(mailbox.received(code)).extracting(SignOffEscalationTests::recipient)
                .containsExactlyInAnyOrder("sofia@convene.example", "kenji@convene.example", "sofia@convene.example");
        assertThat(receivedBy("sofia@convene.example").get(1).getSubject())
                .isEqualTo("Due today: sign off Background paper (version 1)");

        Task resolve = driver.task(instance, TASK_RESOLVE_OVERDUE_SIGN_OFF);
        assertThat(driver.candidateGroups(resolve)).containsExactly(ConveneGroups.MANAGERS);
        assertThat(resolve.getDueDate()).isNotNull();
        assertThat((String) driver.taskVariable(resolve, Escalation.DECISIONS_SO_FAR))
                .contains("Ravi").contains("Kenji").contains("signed").contains("**has not decided**");
        assertThat(driver.taskVariable(resolve, Escalation.VERSION_PATH)).isEqualTo(versionPage);
        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee).containsExactly("sofia");
    }

    @Test
    void shouldSignOffWhenAManagerApprovesForTheMissingReviewersRecordedAsDecidedForThem() {
        ProcessInstance instance = signOff(null);
        sign("ravi", instance, APPROVE);
        Task resolve = overdue(instance);

        driver.complete(resolve, "grace", values(OverdueResolution.DECIDE, "approve", null, null, null, null));

        assertThat(instance).isEnded().hasPassed(END_EVENT_DECIDED_FOR_MISSING_REVIEWERS);
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::reviewer, SignOff.Signature::decidedBy)
                .as("the missing reviewers in the order asked (the group's members by id)")
                .containsExactly(tuple("ravi", null), tuple("kenji", "grace"), tuple("sofia", "grace"));
        assertThat(events.stream(DocumentSigned.class)).extracting(DocumentSigned::actor, DocumentSigned::onBehalfOf)
                .containsExactly(tuple("ravi", null), tuple("grace", "kenji"), tuple("grace", "sofia"));
    }

    @Test
    void shouldRecordEveryRejectionAManagerMakesForTheMissingReviewers() {
        ProcessInstance instance = signOff("ravi, sofia, kenji");
        Task resolve = overdue(instance);

        assertThatThrownBy(() -> driver.complete(resolve, "grace", values(OverdueResolution.DECIDE, "reject", " ", null, null, null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required to reject");
        driver.complete(driver.task(instance, TASK_RESOLVE_OVERDUE_SIGN_OFF), "grace",
                values(OverdueResolution.DECIDE, "reject", "Nobody could review it in time; revise and resend.", null, null, null));

        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(false);
        assertThat(documents.lastComments(code, KIND, "")).contains(
                "**ravi** (decided by grace): Nobody could review it in time; revise and resend.",
                "**sofia** (decided by grace): Nobody could review it in time; revise and resend.",
                "**kenji** (decided by grace): Nobody could review it in time; revise and resend.");
        assertThat(events.stream(DocumentSignOffRejected.class)).extracting(DocumentSignOffRejected::actor,
                DocumentSignOffRejected::onBehalfOf).containsExactly(tuple("grace", "ravi"), tuple("grace", "sofia"),
                tuple("grace", "kenji"));
    }

    @Test
    void shouldNotLetAManagerWhoDraftedTheVersionDecideForItsReviewers() {
        versionId = documents.saveDraft(code, KIND, "", DRAFT + "\n\nRevised.", "grace", null).id();
        ProcessInstance instance = signOff("ravi, sofia");
        Task resolve = overdue(instance);

        assertThatThrownBy(() -> driver.complete(resolve, "grace", values(OverdueResolution.DECIDE, "approve", null, null, null, null)))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("grace drafted Background paper (version 2) and cannot decide for its reviewers");
        assertThat(signOff.signatures(versionId)).isEmpty();
        assertThat(driver.task(instance, TASK_RESOLVE_OVERDUE_SIGN_OFF)).isNotNull();
    }

    @Test
    void shouldMoveTheReviewersTasksAndReArmTheRemindersWhenTheDueDateIsExtended() {
        ProcessInstance instance = signOff(null);
        sign("ravi", instance, APPROVE);
        Task resolve = overdue(instance);
        LocalDate newDay = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Instant newDue = newDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        driver.complete(resolve, "grace", values(OverdueResolution.EXTEND, null, null, newDay.toString(), null, null));

        assertThat(instance).hasPassed(SERVICE_TASK_EXTEND_DUE_DATE).isWaitingAt(TIMER_EVENT_SIGN_OFF_REMINDER_DUE);
        assertThat(driver.tasks(instance, TASK_SIGN_OFF_DRAFT)).extracting(Task::getAssignee, t -> t.getDueDate().toInstant())
                .containsExactlyInAnyOrder(tuple("sofia", newDue), tuple("kenji", newDue));
        assertThat(driver.timer(instance, TIMER_EVENT_SIGN_OFF_REMINDER_DUE).getDuedate().toInstant())
                .isEqualTo(newDue.minus(Duration.ofDays(2)));
        assertThat(events.stream(SignOffDueDateExtended.class)).singleElement()
                .extracting(SignOffDueDateExtended::dueAt, SignOffDueDateExtended::actor).containsExactly(newDue, "grace");

        driver.fireTimer(instance, TIMER_EVENT_SIGN_OFF_REMINDER_DUE);
        driver.runAsyncJobs(instance);
        mailbox.deliver(code);
        assertThat(mailbox.received(code)).extracting(Mailbox::messageId).contains(
                "<sign-off-reminder-" + versionId + "-sofia-3." + code + "@convene>");

        sign("sofia", instance, APPROVE);
        sign("kenji", instance, APPROVE);
        assertThat(instance).isEnded().hasPassed(END_EVENT_REVIEWERS_DECIDED);
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
    }

    @Test
    void shouldHandTheMissingReviewersTaskToTheReplacement() {
        ProcessInstance instance = signOff("ravi, sofia");
        sign("ravi", instance, APPROVE);
        Task resolve = overdue(instance);
        String sofiasTask = driver.task(instance, TASK_SIGN_OFF_DRAFT, "sofia").getId();
        LocalDate newDay = LocalDate.now(ZoneOffset.UTC).plusDays(4);

        driver.complete(resolve, "grace", values(OverdueResolution.REPLACE, null, null, newDay.toString(), "sofia", "kenji"));

        assertThat(instance).hasPassed(SERVICE_TASK_REPLACE_REVIEWER).isWaitingAt(TIMER_EVENT_SIGN_OFF_REMINDER_DUE);
        Task kenjis = driver.task(instance, TASK_SIGN_OFF_DRAFT, "kenji");
        assertThat(kenjis.getId()).as("the same task, handed over").isEqualTo(sofiasTask);
        assertThat(kenjis.getDueDate().toInstant()).isEqualTo(newDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(signOff.askedFor(versionId)).extracting(Documents.Asked::reviewer, Documents.Asked::replaces,
                Documents.Asked::askedBy).containsExactly(tuple("ravi", null, null), tuple("sofia", null, null),
                tuple("kenji", "sofia", "grace"));
        long documentId = documents.version(versionId).documentId();
        assertThat(signOff.asked(documentId, "sofia")).isTrue();
        assertThat(signOff.asked(documentId, "kenji")).isTrue();
        assertThat(events.stream(SignOffReviewerReplaced.class)).singleElement()
                .extracting(SignOffReviewerReplaced::replaced, SignOffReviewerReplaced::replacement, SignOffReviewerReplaced::actor)
                .containsExactly("sofia", "kenji", "grace");

        sign("kenji", instance, APPROVE);
        assertThat(instance).isEnded();
        assertThat(driver.historicVariable(instance, SIGNED_OFF)).isEqualTo(true);
        assertThat(signOff.signatures(versionId)).extracting(SignOff.Signature::reviewer).containsExactly("ravi", "kenji");
    }

    @Test
    void shouldOfferAReplacementFromTheReviewersWhenTheCallerNamedTheReviewersOnly() {
        ProcessInstance instance = SignOffs.start(driver, code, versionId, "ravi, sofia");
        Task resolve = overdue(instance);

        assertThat(driver.taskVariable(resolve, Escalation.REPLACEMENT_OPTIONS).toString())
                .contains("\"value\":\"kenji\"").doesNotContain("\"value\":\"ravi\"", "\"value\":\"lena\"");
    }

    @Test
    void shouldRefuseWrongResolutionsThroughTasklistWith400AndAMessage() {
        ProcessInstance instance = signOff("ravi, sofia");
        Task resolve = overdue(instance);
        RestClients api = new RestClients(rest);
        String path = "/engine-rest/task/" + resolve.getId() + "/submit-form";
        api.post("grace", "/engine-rest/task/" + resolve.getId() + "/claim", Map.of("userId", "grace"));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

        ResponseEntity<Map<String, Object>> past = api.post("grace", path, Map.of("variables", RestClients.variables(
                Escalation.RESOLUTION, "extend", Escalation.NEW_DUE_DATE, yesterday)));
        assertThat(past.getStatusCode().value()).isEqualTo(400);
        assertThat((String) past.getBody().get("message")).contains("'New due date (YYYY-MM-DD)' must not be in the past");

        ResponseEntity<Map<String, Object>> stranger = api.post("grace", path, Map.of("variables", RestClients.variables(
                Escalation.RESOLUTION, "replace", Escalation.NEW_DUE_DATE, LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(),
                Escalation.MISSING_REVIEWER, "sofia", Escalation.REPLACEMENT, "lena")));
        assertThat(stranger.getStatusCode().value()).isEqualTo(400);
        assertThat((String) stranger.getBody().get("message")).contains("'Replacement' must be one of");

        ResponseEntity<Map<String, Object>> noDate = api.post("grace", path, Map.of("variables", RestClients.variables(
                Escalation.RESOLUTION, "extend")));
        assertThat(noDate.getStatusCode().value()).isEqualTo(400);
        assertThat((String) noDate.getBody().get("message")).contains("'New due date' is required");

        assertThat(driver.task(instance, TASK_RESOLVE_OVERDUE_SIGN_OFF).getId()).isEqualTo(resolve.getId());
        assertThat(events.stream(SignOffDueDateExtended.class)).isEmpty();
    }

    private ProcessInstance signOff(String reviewerIds) {
        return driver.start(SignOffProcess.ID, code, SignOffProcessTests.variables(code, versionId, SignOffPolicy.ALL, reviewerIds));
    }

    /** Both reminders fired and mailed: the sign-off is due, the manager's task waits. */
    private Task overdue(ProcessInstance instance) {
        driver.fireTimer(instance, TIMER_EVENT_SIGN_OFF_REMINDER_DUE);
        driver.runAsyncJobs(instance);
        driver.fireTimer(instance, TIMER_EVENT_SIGN_OFF_DUE);
        driver.runAsyncJobs(instance);
        return driver.task(instance, TASK_RESOLVE_OVERDUE_SIGN_OFF);
    }

    private void sign(String reviewer, ProcessInstance instance, org.convene.workflow.ReviewDecision decision) {
        sign(reviewer, instance, decision, null);
    }

    private void sign(String reviewer, ProcessInstance instance, org.convene.workflow.ReviewDecision decision, String comments) {
        driver.completeOwn(instance, TASK_SIGN_OFF_DRAFT, reviewer, ProcessDriver.decision(decision, comments));
    }

    private static Map<String, Object> values(OverdueResolution resolution, String decision, String comments, String newDueDate,
                                              String missingReviewer, String replacement) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Escalation.RESOLUTION, resolution.formValue());
        values.put(Escalation.DECISION, decision);
        values.put(Escalation.COMMENTS, comments);
        values.put(Escalation.NEW_DUE_DATE, newDueDate);
        values.put(Escalation.MISSING_REVIEWER, missingReviewer);
        values.put(Escalation.REPLACEMENT, replacement);
        return values;
    }

    private static String dueLabel(Date due) {
        return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(due.toInstant());
    }

    private List<MimeMessage> receivedBy(String address) {
        return mailbox.received(code).stream().filter(m -> recipient(m).equals(address)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of the message of that content type, decoded. */
    private static String part(MimeMessage message, String type) throws Exception {
        return find(message.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType(type) ? (String) part.getContent() : find(part.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
