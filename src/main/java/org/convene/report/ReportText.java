package org.convene.report;

import java.util.List;
import java.util.stream.Collectors;
import org.convene.report.WorkingGroupReport.Arrangement;
import org.convene.report.WorkingGroupReport.Finding;

/**
 * A report as Markdown, question by question: what the chair signs (the WG_REPORT document's
 * version) and the body of its page, PDF and DOCX. The arrangements stand under the first question
 * (other examples) with their elements, which answer the second of the seed's questions; each
 * finding under its question with its id, the arrangements it refers to and whether the plenary
 * added it. What people typed is escaped, so a {@code *} or {@code #} in a finding prints as typed.
 */
final class ReportText {

    private ReportText() {
    }

    static String markdown(WorkingGroupReport report) {
        StringBuilder md = new StringBuilder();
        for (int q = 1; q <= report.questions().size(); q++) {
            md.append("## ").append(q).append(". ").append(escape(report.questions().get(q - 1))).append("\n\n");
            if (q == 1) {
                report.arrangements().forEach(a -> arrangement(md, a));
                if (report.arrangements().isEmpty() && report.findingsOf(1).isEmpty()) {
                    md.append("*No arrangement recorded.*\n\n");
                }
            } else if (q == 2 && !report.ownQuestions() && report.findingsOf(2).isEmpty() && !report.arrangements().isEmpty()) {
                md.append("*The elements of each arrangement are given with it under question 1.*\n\n");
                continue;
            }
            List<Finding> findings = report.findingsOf(q);
            findings.forEach(f -> md.append("- **").append(f.id()).append("** ").append(escape(f.text()))
                    .append(refers(f)).append(f.fromPlenary() ? " *(added in plenary)*" : "")
                    .append(f.illustrative() ? " *(illustrative)*" : "").append("\n"));
            if (!findings.isEmpty()) {
                md.append("\n");
            } else if (q > 2 || report.ownQuestions()) {
                md.append("*No finding recorded.*\n\n");
            }
        }
        return md.toString().strip() + "\n";
    }

    private static void arrangement(StringBuilder md, Arrangement a) {
        md.append("### ").append(a.id()).append(" · ").append(escape(a.name()))
                .append(a.illustrative() ? " *(illustrative)*" : "").append("\n\n");
        line(md, "Period", a.period());
        line(md, "Region or situation", a.region());
        line(md, "Actors and their roles", a.actors().stream()
                .map(actor -> actor.role() == null ? actor.actor() : actor.actor() + " — " + actor.role())
                .collect(Collectors.joining("; ")));
        line(md, "Framework used", a.framework());
        line(md, "Forms of support", labels(a.formsOfSupport()));
        line(md, "Scale", a.scale() == null ? null : a.scale().label());
        line(md, "Temporal scope", a.temporalScope() == null ? null : a.temporalScope().label());
        line(md, "Phases of the displacement cycle", labels(a.phases()));
        md.append("\n");
    }

    private static void line(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append("- **").append(label).append(":** ").append(escape(value)).append("\n");
        }
    }

    private static String refers(Finding f) {
        return f.arrangements().isEmpty() ? "" : " (refers to " + String.join(", ", f.arrangements()) + ")";
    }

    private static String labels(List<? extends Choice> values) {
        return values.stream().map(Choice::label).collect(Collectors.joining(", "));
    }

    /** Markdown's punctuation as typed: a backslash before each character that Markdown would read. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]#<>|!~])", "\\\\$1").replace("\n", " ");
    }
}
