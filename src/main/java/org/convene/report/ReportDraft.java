package org.convene.report;

import java.util.List;

/**
 * A working group's report as typed on its page or sent to the API, before it is checked
 * ({@link WorkingGroupReports#save}): the whole report at once. An arrangement or finding sent with
 * its id is the stored one changed (and keeps the id); one without is new; a stored one left out
 * is removed.
 *
 * @param questions    the group's own questions, in order; null or empty to keep the agenda's
 * @param arrangements the cooperative arrangements, in order; null for none
 * @param findings     the findings, in order; null for none
 */
public record ReportDraft(List<String> questions, List<ArrangementDraft> arrangements, List<FindingDraft> findings) {

    public ReportDraft {
        questions = questions == null ? List.of() : questions;
        arrangements = arrangements == null ? List.of() : arrangements;
        findings = findings == null ? List.of() : findings;
    }

    /**
     * The stored report as a draft to change: every arrangement and finding with its id, the values
     * by name, the report's own questions (none when it takes the agenda's). Saved unchanged, it
     * changes nothing.
     */
    public static ReportDraft of(WorkingGroupReport report) {
        return new ReportDraft(report.ownQuestions() ? report.questions() : List.of(),
                new java.util.ArrayList<>(report.arrangements().stream().map(a -> new ArrangementDraft(a.id(), a.name(),
                        a.period(), a.region(), a.actors(), a.framework(), a.formsOfSupport().stream().map(Enum::name).toList(),
                        a.scale() == null ? null : a.scale().name(),
                        a.temporalScope() == null ? null : a.temporalScope().name(),
                        a.phases().stream().map(Enum::name).toList(), a.illustrative())).toList()),
                new java.util.ArrayList<>(report.findings().stream().map(f -> new FindingDraft(f.id(), f.question(), f.text(),
                        f.arrangements(), f.illustrative())).toList()));
    }

    /**
     * An arrangement as typed. Forms of support, scale, temporal scope and phases by name or label
     * ({@code "physical/resettlement"}); an unknown one is refused naming the field.
     *
     * @param id the stored arrangement's id ({@code WG1-A2}), null for a new one
     */
    public record ArrangementDraft(String id, String name, String period, String region,
                                   List<WorkingGroupReport.Actor> actors, String framework, List<String> formsOfSupport,
                                   String scale, String temporalScope, List<String> phases, boolean illustrative) {

        public ArrangementDraft {
            actors = actors == null ? List.of() : actors;
            formsOfSupport = formsOfSupport == null ? List.of() : formsOfSupport;
            phases = phases == null ? List.of() : phases;
        }
    }

    /**
     * A finding as typed.
     *
     * @param id           the stored finding's id ({@code WG1-F3}), null for a new one
     * @param question     the question it answers, 1 for the first; null is refused
     * @param arrangements arrangements of the same report it refers to: each by id ({@code WG1-A2}) or,
     *                     for one sent in the same draft without an id yet, by its exact name
     */
    public record FindingDraft(String id, Integer question, String text, List<String> arrangements,
                               boolean illustrative) {

        public FindingDraft {
            arrangements = arrangements == null ? List.of() : arrangements;
        }
    }
}
