package org.convene.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.identity.ConveneGroups;
import org.convene.identity.UserDirectory;
import org.convene.meeting.Agendas;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working groups' structured reports of a meeting: entered by staff for the rapporteur on the
 * report's page or through {@code PUT /api/meetings/{code}/working-groups/{wg}/report}, sent to the
 * chair (each submission kept as an immutable version, and as the next version of the group's
 * WG_REPORT document, which the chair signs off through the document module's SignOffProcess),
 * validated, completed by the plenary's findings and presented. Arrangement and finding ids
 * ({@code WG1-A2}, {@code WG1-F3}) stay the same across saves and versions. Times are UTC, by the
 * engine's clock. WorkingGroupReportProcess reaches it as {@code workingGroupReports}.
 */
@Component("workingGroupReports")
public class WorkingGroupReports {

    /**
     * A version of a report as it was kept: its number (1 for the first), the stage it was kept at
     * (SUBMITTED or PRESENTED), the report as it was, the id of the document version it became (a
     * submission; null for a presentation), who kept it and when (UTC).
     */
    public record Version(int version, ReportStage stage, WorkingGroupReport report, Long documentVersionId,
                          String savedBy, OffsetDateTime savedAt) {
    }

    private final ReportStore store;
    private final Meetings meetings;
    private final Agendas agendas;
    private final MeetingCalendar calendar;
    private final Documents documents;
    private final UserDirectory users;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    WorkingGroupReports(ReportStore store, Meetings meetings, Agendas agendas, MeetingCalendar calendar,
                        Documents documents, UserDirectory users, ObjectMapper json, ApplicationEventPublisher events) {
        this.store = store;
        this.meetings = meetings;
        this.agendas = agendas;
        this.calendar = calendar;
        this.documents = documents;
        this.users = users;
        this.json = json;
        this.events = events;
    }

    /**
     * The report as it stands; an empty one in DRAFTING (with the agenda's questions) before a first save.
     *
     * @throws ReportNotFoundException for an unknown meeting or working group
     */
    public WorkingGroupReport get(String meetingCode, String workingGroupCode) {
        Agendas.WorkingGroup group = group(meetingCode, workingGroupCode);
        String title = calendar.workingGroupTitle(meetingCode, group.code());
        return store.find(meetingCode, group.code()).map(row -> {
            List<String> own = store.questions(row.id());
            int version = store.versions(row.id()).size();
            return new WorkingGroupReport(meetingCode, group.code(), title, row.stage(), version,
                    own.isEmpty() ? group.questions() : own, !own.isEmpty(), store.arrangements(row.id()),
                    store.findings(row.id()), row.updatedBy(), row.updatedAt());
        }).orElseGet(() -> new WorkingGroupReport(meetingCode, group.code(), title, ReportStage.DRAFTING, 0,
                group.questions(), false, List.of(), List.of(), null, null));
    }

    /**
     * Every working group's report of the meeting, in the agenda's order (day, then code).
     *
     * @throws ReportNotFoundException for an unknown meeting
     */
    public List<WorkingGroupReport> ofMeeting(String meetingCode) {
        if (meetings.find(meetingCode).isEmpty()) {
            throw new ReportNotFoundException(meetingCode);
        }
        return agendas.workingGroups(meetingCode).stream().map(g -> get(meetingCode, g.code())).toList();
    }

    /**
     * Saves the whole report at once (see {@link ReportDraft}): checked first, stored only when every
     * rule holds. While the report is DRAFTING everything may change; once the chair validated it, only
     * the plenary's findings (a finding added now is marked from plenary).
     *
     * @param user who saves it (user id)
     * @return the report as stored
     * @throws ReportNotFoundException for an unknown meeting or working group
     * @throws ChangeRefused           naming each field that breaks a rule (nothing stored): a finding without
     *                                 text, an arrangement without actors, an unknown form of support, a finding
     *                                 citing an arrangement of another working group, …
     * @throws ConflictException       when the report is with the chair or was presented (nothing may change)
     */
    @Transactional
    public WorkingGroupReport save(String meetingCode, String workingGroupCode, ReportDraft draft, String user) {
        Agendas.WorkingGroup group = group(meetingCode, workingGroupCode);
        OffsetDateTime now = EngineClock.now();
        ReportStore.Row row = store.ensureLocked(meetingCode, group.code(), now);
        WorkingGroupReport current = get(meetingCode, group.code());
        if (current.stage() == ReportStage.SUBMITTED || current.stage() == ReportStage.PRESENTED) {
            throw new ConflictException(unchangeable(current));
        }
        ReportCheck.Checked checked = ReportCheck.check(current, draft, store.arrangementGroups(meetingCode),
                group.questions(), row.nextArrangement(), row.nextFinding());
        store.replace(row.id(), checked.ownQuestions(), checked.arrangements(), checked.findings(),
                checked.nextArrangement(), checked.nextFinding(), user, now);
        return get(meetingCode, group.code());
    }

    /**
     * "Draft working group report" completed: the report as it stands becomes its next version and,
     * as Markdown, the next version of the group's WG_REPORT document, which the chair signs off; the
     * report is with the chair (SUBMITTED) until the sign-off ends. Once per task (a repeat returns
     * the version kept). Announces {@link WorkingGroupReportSubmitted}.
     *
     * @param taskId the drafting task; null when no task submits it (demo data)
     * @return the version kept
     * @throws IllegalStateException when the report has no arrangement and no finding yet
     * @throws ConflictException     when the report is not being drafted
     */
    @Transactional
    public Version submit(String meetingCode, String workingGroupCode, String user, String taskId) {
        OffsetDateTime now = EngineClock.now();
        ReportStore.Row row = store.ensureLocked(meetingCode, group(meetingCode, workingGroupCode).code(), now);
        Optional<Version> kept = keptBy(meetingCode, workingGroupCode, taskId);
        if (kept.isPresent()) {
            return kept.get();
        }
        WorkingGroupReport report = get(meetingCode, row.workingGroupCode());
        if (report.stage() != ReportStage.DRAFTING) {
            throw new ConflictException(unchangeable(report));
        }
        if (report.isEmpty()) {
            throw new IllegalStateException("The report of " + row.workingGroupCode()
                    + " has no arrangement and no finding yet: enter them on the report's page first.");
        }
        WorkingGroupReport submitted = as(report, ReportStage.SUBMITTED, report.version() + 1, user, now);
        Documents.Version document = documents.saveDraft(meetingCode, DocumentKind.WG_REPORT, row.workingGroupCode(),
                ReportText.markdown(submitted), user, taskId);
        int number = store.insertVersion(row.id(), ReportStage.SUBMITTED, write(submitted), document.id(), taskId, user, now);
        store.stage(row.id(), ReportStage.SUBMITTED);
        events.publishEvent(new WorkingGroupReportSubmitted(meetingCode, row.workingGroupCode(), number,
                submitted.arrangements().size(), submitted.findings().size(), document.version(), now.toInstant(), user));
        return versions(meetingCode, workingGroupCode).get(number - 1);
    }

    /** The chair returned the report (the sign-off was rejected): staff draft it again. Nothing happens unless it was SUBMITTED. */
    @Transactional
    public void reopen(String meetingCode, String workingGroupCode) {
        move(meetingCode, workingGroupCode, ReportStage.SUBMITTED, ReportStage.DRAFTING);
    }

    /**
     * The chair validated the report (the sign-off signed the version): its version stays as signed,
     * and the plenary may add findings. Nothing happens unless it was SUBMITTED.
     */
    @Transactional
    public void validate(String meetingCode, String workingGroupCode) {
        move(meetingCode, workingGroupCode, ReportStage.SUBMITTED, ReportStage.VALIDATED);
    }

    /**
     * "Record plenary discussion" completed: the validated report with the plenary's findings becomes
     * its final version (PRESENTED); nothing changes after. Once per task. Announces
     * {@link WorkingGroupReportPresented}.
     *
     * @throws ConflictException when the chair has not validated the report
     */
    @Transactional
    public Version present(String meetingCode, String workingGroupCode, String user, String taskId) {
        OffsetDateTime now = EngineClock.now();
        ReportStore.Row row = store.ensureLocked(meetingCode, group(meetingCode, workingGroupCode).code(), now);
        Optional<Version> kept = keptBy(meetingCode, workingGroupCode, taskId);
        if (kept.isPresent()) {
            return kept.get();
        }
        WorkingGroupReport report = get(meetingCode, row.workingGroupCode());
        if (report.stage() != ReportStage.VALIDATED) {
            throw new ConflictException("The report of " + row.workingGroupCode() + " is " + report.stage().label()
                    + ": only a report the chair validated is presented.");
        }
        WorkingGroupReport presented = as(report, ReportStage.PRESENTED, report.version() + 1, user, now);
        int number = store.insertVersion(row.id(), ReportStage.PRESENTED, write(presented), null, taskId, user, now);
        store.stage(row.id(), ReportStage.PRESENTED);
        events.publishEvent(new WorkingGroupReportPresented(meetingCode, row.workingGroupCode(), number,
                presented.findings().size(), (int) presented.findings().stream().filter(WorkingGroupReport.Finding::fromPlenary).count(),
                now.toInstant(), user));
        return versions(meetingCode, workingGroupCode).get(number - 1);
    }

    /** Every version kept of the report, oldest first; empty before the first submission. */
    public List<Version> versions(String meetingCode, String workingGroupCode) {
        return store.find(meetingCode, workingGroupCode).stream()
                .flatMap(row -> store.versions(row.id()).stream())
                .map(v -> new Version(v.version(), v.stage(), read(v.content()), v.documentVersionId(), v.savedBy(), v.savedAt()))
                .toList();
    }

    /** The version the chair validated: the last submitted version, once the report is VALIDATED or PRESENTED. */
    public Optional<Version> validatedVersion(String meetingCode, String workingGroupCode) {
        WorkingGroupReport report = get(meetingCode, workingGroupCode);
        if (report.stage() != ReportStage.VALIDATED && report.stage() != ReportStage.PRESENTED) {
            return Optional.empty();
        }
        return versions(meetingCode, workingGroupCode).stream().filter(v -> v.stage() == ReportStage.SUBMITTED)
                .max(Comparator.comparingInt(Version::version));
    }

    /**
     * Who validates the report, as SignOffProcess's {@code reviewerIds}: the chair's account when the
     * chair has one and did not submit the report, else a manager (the first by user id who did not
     * submit it).
     *
     * @throws IllegalStateException when there is no such manager
     */
    public String validator(String meetingCode, String workingGroupCode) {
        String author = documents.latest(meetingCode, DocumentKind.WG_REPORT, workingGroupCode)
                .map(Documents.Version::author).orElse(null);
        return agendas.chairAccount(meetingCode, workingGroupCode).filter(chair -> !chair.equals(author))
                .or(() -> users.members(ConveneGroups.MANAGERS).stream().map(UserDirectory.Person::id)
                        .filter(id -> !id.equals(author)).sorted().findFirst())
                .orElseThrow(() -> new IllegalStateException("Nobody can validate the report of " + workingGroupCode
                        + ": its chair has no account and no manager other than its author exists."));
    }

    /**
     * One line for the drafting and plenary tasks' forms: "3 arrangements and 7 findings", or
     * "Nothing entered yet." for an empty report.
     */
    public String summary(String meetingCode, String workingGroupCode) {
        WorkingGroupReport report = get(meetingCode, workingGroupCode);
        if (report.isEmpty()) {
            return "Nothing entered yet.";
        }
        return count(report.arrangements().size(), "arrangement") + " and " + count(report.findings().size(), "finding");
    }

    /** The report as Markdown: what the chair signs, and the text of its page, PDF and DOCX. */
    public String markdown(WorkingGroupReport report) {
        return ReportText.markdown(report);
    }

    /** The version this task kept already (a job or listener runs at least once); empty for none or no task. */
    private Optional<Version> keptBy(String meetingCode, String workingGroupCode, String taskId) {
        return Optional.ofNullable(taskId).flatMap(store::versionOfTask)
                .map(number -> versions(meetingCode, workingGroupCode).get(number - 1));
    }

    private void move(String meetingCode, String workingGroupCode, ReportStage from, ReportStage to) {
        store.find(meetingCode, workingGroupCode).filter(row -> row.stage() == from)
                .ifPresent(row -> store.stage(row.id(), to));
    }

    private Agendas.WorkingGroup group(String meetingCode, String workingGroupCode) {
        if (meetings.find(meetingCode).isEmpty()) {
            throw new ReportNotFoundException(meetingCode);
        }
        return agendas.workingGroups(meetingCode).stream().filter(g -> g.code().equals(workingGroupCode)).findFirst()
                .orElseThrow(() -> new ReportNotFoundException(meetingCode, workingGroupCode));
    }

    private static WorkingGroupReport as(WorkingGroupReport r, ReportStage stage, int version, String user,
                                         OffsetDateTime now) {
        return new WorkingGroupReport(r.meetingCode(), r.workingGroupCode(), r.title(), stage, version, r.questions(),
                r.ownQuestions(), r.arrangements(), r.findings(), user, now);
    }

    private static String unchangeable(WorkingGroupReport report) {
        return "The report of " + report.workingGroupCode() + " is " + report.stage().label() + " (version "
                + report.version() + ") and cannot change"
                + (report.stage() == ReportStage.SUBMITTED ? " unless the chair returns it." : ".");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String write(WorkingGroupReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report could not be written as JSON", e);
        }
    }

    private WorkingGroupReport read(String content) {
        try {
            return json.readValue(content, WorkingGroupReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept report version could not be read", e);
        }
    }
}
