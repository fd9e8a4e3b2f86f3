package org.convene.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.ReportDraft.FindingDraft;
import org.convene.report.WorkingGroupReport.Actor;
import org.convene.report.WorkingGroupReport.Arrangement;
import org.convene.report.WorkingGroupReport.Finding;

/** The report page's forms: one arrangement, one finding, the group's own questions, as typed. */
final class ReportForms {

    private ReportForms() {
    }

    /**
     * An arrangement's form. Actors one a line, "actor: role" (or "actor — role"); forms of support and
     * phases as the checked names; scale and temporal scope as the chosen name (blank for none).
     */
    record ArrangementForm(String name, String period, String region, String actors, String framework,
                           List<String> formsOfSupport, String scale, String temporalScope, List<String> phases,
                           Boolean illustrative) {

        static ArrangementForm blank() {
            return new ArrangementForm("", "", "", "", "", List.of(), "", "", List.of(), false);
        }

        static ArrangementForm of(Arrangement a) {
            return new ArrangementForm(a.name(), a.period(), a.region(), a.actors().stream()
                    .map(actor -> actor.role() == null ? actor.actor() : actor.actor() + ": " + actor.role())
                    .collect(Collectors.joining("\n")), a.framework(),
                    a.formsOfSupport().stream().map(Enum::name).toList(), a.scale() == null ? "" : a.scale().name(),
                    a.temporalScope() == null ? "" : a.temporalScope().name(), a.phases().stream().map(Enum::name).toList(),
                    a.illustrative());
        }

        ArrangementDraft draft(String id) {
            List<Actor> list = new ArrayList<>();
            if (actors != null) {
                for (String line : actors.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split("\\s+[—–-]\\s+|:", 2);
                    list.add(new Actor(parts[0].strip(), parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null));
                }
            }
            return new ArrangementDraft(id, name, period, region, list, framework, formsOfSupport, scale, temporalScope,
                    phases, Boolean.TRUE.equals(illustrative));
        }
    }

    /** A finding's form: the question's number, the text, the checked arrangement ids. */
    record FindingForm(Integer question, String text, List<String> arrangements, Boolean illustrative) {

        static FindingForm blank(int question) {
            return new FindingForm(question, "", List.of(), false);
        }

        static FindingForm of(Finding f) {
            return new FindingForm(f.question(), f.text(), f.arrangements(), f.illustrative());
        }

        FindingDraft draft(String id) {
            return new FindingDraft(id, question, text, arrangements, Boolean.TRUE.equals(illustrative));
        }
    }

    /** The group's own questions, one a line; blank to take the agenda's again. */
    record QuestionsForm(String questions) {

        List<String> list() {
            return questions == null ? List.of()
                    : Arrays.stream(questions.split("\\R")).map(String::strip).filter(q -> !q.isEmpty()).toList();
        }
    }

    /** The stored report as a draft to change one entry of: every arrangement and finding with its id. */
    static ReportDraft draftOf(WorkingGroupReport report) {
        return ReportDraft.of(report);
    }
}
