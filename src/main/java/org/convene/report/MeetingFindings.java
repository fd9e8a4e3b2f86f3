package org.convene.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convene.workflow.ChangeRefused;
import org.springframework.stereotype.Component;

/**
 * A meeting's findings across its working groups' reports, as they stand (the validated text with
 * the plenary's additions once a report was validated), filtered by working group, question and a
 * word: what the findings page, its CSV and {@code GET /api/meetings/{code}/findings} list, and what
 * the recommendations will cite by id.
 */
@Component
public class MeetingFindings {

    /**
     * A filter; each part may be null for "any".
     *
     * @param workingGroup a working group's code, e.g. {@code WG1}
     * @param question     the question's number in its group, 1 for the first
     * @param word         a word or phrase, found in the finding's text or the names of the arrangements it refers to,
     *                     in any case
     */
    public record Filter(String workingGroup, Integer question, String word) {

        /** No filter: every finding. */
        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /**
     * One finding with what it answers and refers to.
     *
     * @param workingGroupCode  its working group, e.g. {@code WG1}
     * @param workingGroupTitle the report's title, "Report of Working Group 1 — …"
     * @param id                stable across versions, e.g. {@code WG1-F3}
     * @param question          its question's number, 1 for the first
     * @param questionText      the question
     * @param arrangements      the arrangements it refers to: id → name, in order
     * @param reportStage       where its report stands
     */
    public record Listed(String workingGroupCode, String workingGroupTitle, String id, int question, String questionText,
                         String text, Map<String, String> arrangements, boolean fromPlenary, boolean illustrative,
                         ReportStage reportStage) {
    }

    private final WorkingGroupReports reports;

    MeetingFindings(WorkingGroupReports reports) {
        this.reports = reports;
    }

    /**
     * The meeting's findings that pass the filter, by working group (the agenda's order), then in each
     * report's order.
     *
     * @throws ReportNotFoundException for an unknown meeting
     * @throws ChangeRefused           naming {@code workingGroup} when the meeting has no such group, or
     *                                 {@code question} when it is below 1
     */
    public List<Listed> list(String meetingCode, Filter filter) {
        List<WorkingGroupReport> all = reports.ofMeeting(meetingCode);
        if (filter.workingGroup() != null && all.stream().noneMatch(r -> r.workingGroupCode().equals(filter.workingGroup()))) {
            throw new ChangeRefused("workingGroup", "Meeting " + meetingCode + " has no working group '"
                    + filter.workingGroup() + "': " + all.stream().map(WorkingGroupReport::workingGroupCode)
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (filter.question() != null && filter.question() < 1) {
            throw new ChangeRefused("question", "The question is its number, 1 for the first.");
        }
        String word = filter.word() == null || filter.word().isBlank() ? null : filter.word().strip().toLowerCase(Locale.ROOT);
        List<Listed> listed = new ArrayList<>();
        for (WorkingGroupReport report : all) {
            if (filter.workingGroup() != null && !filter.workingGroup().equals(report.workingGroupCode())) {
                continue;
            }
            Map<String, String> names = report.arrangements().stream()
                    .collect(Collectors.toMap(WorkingGroupReport.Arrangement::id, WorkingGroupReport.Arrangement::name));
            for (WorkingGroupReport.Finding f : report.findings()) {
                Map<String, String> cited = f.arrangements().stream().filter(names::containsKey).collect(Collectors.toMap(
                        Function.identity(), names::get, (a, b) -> a, java.util.LinkedHashMap::new));
                boolean matches = (filter.question() == null || filter.question() == f.question())
                        && (word == null || f.text().toLowerCase(Locale.ROOT).contains(word)
                        || cited.values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(word)));
                if (matches) {
                    listed.add(new Listed(report.workingGroupCode(), report.title(), f.id(), f.question(),
                            f.question() <= report.questions().size() ? report.questions().get(f.question() - 1) : "",
                            f.text(), cited, f.fromPlenary(), f.illustrative(), report.stage()));
                }
            }
        }
        return listed;
    }
}
