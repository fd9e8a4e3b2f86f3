package org.convene.document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.identity.ConveneGroups;
import org.convene.identity.UserDirectory;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.TaskRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sign-off's due date, its reminders and its escalation (SignOffProcess, "Collect sign-offs"):
 * reviewers are due {@link #PERIOD} after the start, reminded {@link #REMINDER_LEAD} before the due
 * date and at it (those who have not decided, by mail: {@link SignOffReminders}), and then a manager
 * resolves the overdue sign-off ({@link OverdueResolution}). Who "has not decided" is a reviewer
 * asked for the version, not replaced, with no decision recorded on it. The BPMN reads the
 * escalation form's values through this bean ({@code ${signOffEscalation.decisionsSoFar(documentVersionId)}}).
 */
@Component("signOffEscalation")
public class SignOffEscalation {

    /** How long reviewers have to decide, from the start of the sign-off. */
    public static final Duration PERIOD = Duration.ofDays(5);
    /** How long before the due date the first reminder goes out (the second goes at the due date). */
    public static final Duration REMINDER_LEAD = Duration.ofDays(2);

    /**
     * A manager's resolution, checked ({@link #check}).
     *
     * @param decision for {@code DECIDE}: the decision for every missing reviewer; else null
     * @param comments for {@code DECIDE}: its comments (required to reject); may be null
     * @param dueAt    for {@code EXTEND} and {@code REPLACE}: the new due date (the end of the chosen day, UTC); else null
     * @param replaced for {@code REPLACE}: the reviewer replaced; else null
     * @param replacement for {@code REPLACE}: the member of the reviewer group who takes their task; else null
     */
    public record Resolution(OverdueResolution choice, ReviewDecision decision, String comments, Instant dueAt,
                             String replaced, String replacement) {
    }

    private final Documents documents;
    private final DocumentStore store;
    private final UserDirectory users;
    private final SignOffReminders reminders;
    private final ApplicationEventPublisher events;

    SignOffEscalation(Documents documents, DocumentStore store, UserDirectory users, SignOffReminders reminders,
                      ApplicationEventPublisher events) {
        this.documents = documents;
        this.store = store;
        this.users = users;
        this.reminders = reminders;
        this.events = events;
    }

    /** When a sign-off started now is due: {@link #PERIOD} from now (engine's clock). */
    public Date dueFromNow() {
        return Date.from(EngineClock.instant().plus(PERIOD));
    }

    /** The timer "Reminder due": {@link #REMINDER_LEAD} before the due date, or now when that is past. */
    public Date reminderAt(Date dueAt) {
        Instant reminder = dueAt.toInstant().minus(REMINDER_LEAD);
        Instant now = EngineClock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    /** The version's page, {@code /documents/{id}/versions/{n}} (served by the document pages). */
    public String versionPath(Long versionId) {
        Documents.Version version = documents.version(versionId);
        return "/documents/" + version.documentId() + "/versions/" + version.version();
    }

    /**
     * The reviewers who have not decided on the version: asked, not replaced, with no decision
     * recorded; by user id, in the order asked.
     */
    public List<String> missing(long versionId) {
        Set<String> decided = store.reviewsOfVersion(versionId).stream().filter(r -> r.kind() == ReviewKind.SIGN_OFF)
                .map(Documents.Review::reviewer).collect(Collectors.toSet());
        return current(versionId).stream().filter(reviewer -> !decided.contains(reviewer)).toList();
    }

    /** Who has decided (and how, and when, and for whom a manager decided) and who has not, as Markdown lines. */
    public String decisionsSoFar(Long versionId) {
        List<String> lines = new ArrayList<>();
        store.reviewsOfVersion(versionId).stream().filter(r -> r.kind() == ReviewKind.SIGN_OFF).forEach(r ->
                lines.add("- " + name(r.reviewer()) + ": " + (r.decision() == ReviewDecision.APPROVE ? "signed" : "rejected")
                        + (r.decidedBy() == null ? "" : " (decided by " + name(r.decidedBy()) + ")")
                        + (r.comments() == null ? "" : " — " + r.comments().lines().findFirst().orElse(""))));
        missing(versionId).forEach(reviewer -> lines.add("- " + name(reviewer) + ": **has not decided**"));
        return String.join("\n", lines);
    }

    /** The options of the escalation's "Reviewer to replace": the reviewers who have not decided (JSON {label, value}). */
    public SpinJsonNode missingReviewerOptions(Long versionId) {
        return options(missing(versionId));
    }

    /**
     * The options of the escalation's "Replacement": members of the reviewer group (the process's
     * {@code reviewerGroup}; {@code reviewers} when none) who are not the version's author and were
     * not asked to sign it off (JSON {label, value}, by name).
     */
    public SpinJsonNode replacementOptions(Long versionId, String reviewerGroup) {
        return options(candidates(versionId, reviewerGroup));
    }

    /**
     * Checks a manager's resolution of an overdue sign-off, as "Resolve overdue sign-off" submitted it.
     *
     * @param fields  the form's values by field key ({@link SignOffProcess.Escalation}); absent or blank = not given
     * @param manager the manager's user id
     * @throws ChangeRefused when a value is missing or wrong for the choice: field → what is wrong
     * @throws TaskRefused   when a manager who drafted the version would decide for its reviewers (four eyes)
     */
    public Resolution check(long versionId, String reviewerGroup, String manager, Map<String, String> fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        OverdueResolution choice = OverdueResolution.ofFormValue(fields.get(SignOffProcess.Escalation.RESOLUTION)).orElse(null);
        if (choice == null) {
            throw new ChangeRefused(SignOffProcess.Escalation.RESOLUTION, "'Resolution' must be one of decide, extend or replace");
        }
        if (choice == OverdueResolution.DECIDE) {
            String author = documents.version(versionId).author();
            if (manager != null && manager.equals(author)) {
                throw new TaskRefused(manager + " drafted " + documents.versionTitle(versionId)
                        + " and cannot decide for its reviewers; another manager must, or extend the due date or replace a reviewer.");
            }
            ReviewDecision decision = ReviewDecision.ofFormValue(fields.get(SignOffProcess.Escalation.DECISION))
                    .filter(d -> d != ReviewDecision.RETURN).orElse(null);
            String comments = fields.get(SignOffProcess.Escalation.COMMENTS);
            if (decision == null) {
                problems.put(SignOffProcess.Escalation.DECISION, "'Decision for the missing reviewers' must be approve or reject");
            } else if (decision == ReviewDecision.REJECT && comments == null) {
                problems.put(SignOffProcess.Escalation.COMMENTS, "'Comments' are required to reject for the missing reviewers");
            }
            refuse(problems);
            return new Resolution(choice, decision, comments, null, null, null);
        }
        Instant dueAt = dueAt(fields.get(SignOffProcess.Escalation.NEW_DUE_DATE), problems);
        if (choice == OverdueResolution.EXTEND) {
            refuse(problems);
            return new Resolution(choice, null, null, dueAt, null, null);
        }
        String replaced = fields.get(SignOffProcess.Escalation.MISSING_REVIEWER);
        String replacement = fields.get(SignOffProcess.Escalation.REPLACEMENT);
        if (replaced == null || !missing(versionId).contains(replaced)) {
            problems.put(SignOffProcess.Escalation.MISSING_REVIEWER, "'Reviewer to replace' must be one who has not decided: "
                    + missing(versionId) + (replaced == null ? "" : ", not '" + replaced + "'"));
        }
        if (replacement == null || !candidates(versionId, reviewerGroup).contains(replacement)) {
            problems.put(SignOffProcess.Escalation.REPLACEMENT, "'Replacement' must be a member of " + group(reviewerGroup)
                    + " who did not draft the version and is not yet one of its reviewers"
                    + (replacement == null ? "" : ", not '" + replacement + "'"));
        }
        refuse(problems);
        return new Resolution(choice, null, null, dueAt, replaced, replacement);
    }

    /**
     * "Decide for missing reviewers": the manager's decision recorded for each reviewer of
     * {@code openTasks} (reviewer → their open task, whose id the record keeps) who has not decided,
     * in the order they were asked, as decided by the manager for them. Announces {@link DocumentSigned} or {@link DocumentSignOffRejected} for each,
     * the manager as actor.
     */
    @Transactional
    public void decideFor(long versionId, Map<String, String> openTasks, ReviewDecision decision, String comments,
                          String manager) {
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        missing(versionId).stream().filter(openTasks::containsKey).forEach(reviewer -> {
            String taskId = openTasks.get(reviewer);
            OffsetDateTime now = documents.record(version, ReviewKind.SIGN_OFF, decision, comments, reviewer, manager, taskId);
            events.publishEvent(decision == ReviewDecision.APPROVE
                    ? new DocumentSigned(document.meetingCode(), document.kind(), document.part(), document.title(),
                            version.version(), comments, now.toInstant(), manager, reviewer)
                    : new DocumentSignOffRejected(document.meetingCode(), document.kind(), document.part(), document.title(),
                            version.version(), comments, now.toInstant(), manager, reviewer));
        });
    }

    /** "Extend due date": announces {@link SignOffDueDateExtended} (the process moves the tasks). */
    public void extend(long versionId, Instant dueAt, String manager) {
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        events.publishEvent(new SignOffDueDateExtended(document.meetingCode(), document.kind(), document.part(),
                document.title(), version.version(), dueAt, EngineClock.instant(), manager));
    }

    /**
     * "Replace reviewer": records that {@code replacement} was asked in {@code replaced}'s place by
     * the manager; announces {@link SignOffReviewerReplaced} (the process hands over the task).
     */
    @Transactional
    public void replace(long versionId, String replaced, String replacement, Instant dueAt, String manager) {
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        OffsetDateTime now = EngineClock.now();
        store.insertAsked(versionId, replacement, replaced, manager, now);
        events.publishEvent(new SignOffReviewerReplaced(document.meetingCode(), document.kind(), document.part(),
                document.title(), version.version(), replaced, replacement, dueAt, now.toInstant(), manager));
    }

    /**
     * "Remind reviewers": mails each reviewer of {@code openTasks} (reviewer → their open task) who
     * has not decided; see {@link SignOffReminders}.
     *
     * @param round     the reminder's number within the sign-off (1, 2, ...), part of each mail's key
     * @param atDueDate true for the reminder at the due date
     * @return the reviewers a reminder was written for now
     */
    @Transactional
    public List<String> remind(long versionId, int round, Instant dueAt, boolean atDueDate, Map<String, String> openTasks) {
        Documents.Version version = documents.version(versionId);
        Documents.Document document = store.document(version.documentId());
        List<String> missing = missing(versionId);
        Map<String, String> undecided = new LinkedHashMap<>(openTasks);
        undecided.keySet().retainAll(missing);
        return reminders.remind(new SignOffReminders.About(versionId, document.meetingCode(), document.title(),
                version.version(), versionPath(versionId), dueAt, atDueDate), round, undecided);
    }

    /** Asked for the version and not replaced, in the order asked. */
    private List<String> current(long versionId) {
        List<Documents.Asked> asked = store.asked(versionId);
        Set<String> replaced = asked.stream().map(Documents.Asked::replaces).filter(r -> r != null).collect(Collectors.toSet());
        return asked.stream().map(Documents.Asked::reviewer).filter(r -> !replaced.contains(r)).toList();
    }

    private List<String> candidates(long versionId, String reviewerGroup) {
        String author = documents.version(versionId).author();
        Set<String> asked = store.asked(versionId).stream().map(Documents.Asked::reviewer).collect(Collectors.toSet());
        return users.members(group(reviewerGroup)).stream().map(UserDirectory.Person::id)
                .filter(id -> !id.equals(author) && !asked.contains(id)).toList();
    }

    private static String group(String reviewerGroup) {
        return reviewerGroup == null || reviewerGroup.isBlank() ? ConveneGroups.REVIEWERS : reviewerGroup;
    }

    /** The end of the chosen day (UTC); must be in the future. */
    private static Instant dueAt(String date, Map<String, String> problems) {
        if (date == null) {
            problems.put(SignOffProcess.Escalation.NEW_DUE_DATE, "'New due date' is required to extend the due date or replace a reviewer");
            return null;
        }
        try {
            Instant dueAt = LocalDate.parse(date).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!dueAt.isAfter(EngineClock.instant())) {
                problems.put(SignOffProcess.Escalation.NEW_DUE_DATE, "'New due date' must be in the future (got " + date + ")");
            }
            return dueAt;
        } catch (DateTimeParseException e) {
            problems.put(SignOffProcess.Escalation.NEW_DUE_DATE, "'New due date' must be a date that exists, as YYYY-MM-DD (got '" + date + "')");
            return null;
        }
    }

    private static void refuse(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new ChangeRefused(problems);
        }
    }

    private SpinJsonNode options(List<String> userIds) {
        List<Map<String, String>> options = userIds.stream()
                .map(id -> Map.of("label", name(id) + " (" + id + ")", "value", id)).toList();
        return Spin.JSON(options);
    }

    private String name(String userId) {
        return users.find(userId).map(UserDirectory.Person::name).orElse(userId);
    }
}
