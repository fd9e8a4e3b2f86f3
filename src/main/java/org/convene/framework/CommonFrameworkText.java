package org.convene.framework;

import java.util.List;
import java.util.stream.Collectors;
import org.convene.report.MeetingFindings;

/**
 * The Common Framework as Markdown: what the reviewers sign off and the manager approves (the
 * COMMON_FRAMEWORK document's version). The set of understandings, then the operational toolbox kind
 * by kind, each element with what it rests on; then the traceability of every element to its
 * recommendations, findings, working groups and questions.
 */
final class CommonFrameworkText {

    private CommonFrameworkText() {
    }

    static String markdown(List<FrameworkElement> elements) {
        StringBuilder md = new StringBuilder();
        component(md, "Set of understandings", elements.stream().filter(e -> !e.kind().toolbox()).toList());
        component(md, "Operational toolbox", elements.stream().filter(e -> e.kind().toolbox()).toList());
        md.append("## Traceability\n\n");
        for (FrameworkElement e : elements) {
            md.append("**").append(e.id()).append(" ").append(e.title()).append("**\n\n");
            for (Recommendation r : e.recommendations()) {
                md.append("- ").append(r.id()).append(": ").append(r.text()).append('\n');
                for (MeetingFindings.Listed f : r.findings()) {
                    md.append("  - ").append(f.id()).append(" (").append(RecommendationText.where(f)).append("): ")
                            .append(f.text()).append('\n');
                }
            }
            md.append('\n');
        }
        return md.toString().strip();
    }

    private static void component(StringBuilder md, String title, List<FrameworkElement> elements) {
        md.append("## ").append(title).append("\n\n");
        if (elements.isEmpty()) {
            md.append("None.\n\n");
        }
        FrameworkElementKind current = null;
        for (FrameworkElement e : elements) {
            if (e.kind() != current && e.kind().toolbox()) {
                md.append("### ").append(plural(e.kind())).append("\n\n");
            }
            current = e.kind();
            md.append("**").append(e.id()).append(" ").append(e.title()).append("**")
                    .append(e.illustrative() ? " *(illustrative)*" : "").append("\n\n");
            String detail = detail(e);
            if (!detail.isEmpty()) {
                md.append(detail).append("\n\n");
            }
            if (e.text() != null) {
                md.append(e.text()).append("\n\n");
            }
            md.append("*Rests on:* ").append(e.recommendations().stream().map(Recommendation::id)
                    .collect(Collectors.joining(", "))).append("\n\n");
        }
    }

    /** "Form of support: financial", "Phase: emergency", "Drawn from WG1-A1 ICARA (WG1)"; empty for the other kinds. */
    static String detail(FrameworkElement e) {
        if (e.formOfSupport() != null) {
            return "Form of support: " + e.formOfSupport().label();
        }
        if (e.phase() != null) {
            return "Phase: " + e.phase().label();
        }
        if (e.arrangement() != null) {
            return "Drawn from " + e.arrangement().id() + " " + e.arrangement().name()
                    + (e.arrangement().workingGroupCode().isEmpty() ? "" : " (" + e.arrangement().workingGroupCode() + ")");
        }
        return "";
    }

    /** The heading of a toolbox kind: "Triggers for a collective response", "Forms of support", … */
    static String plural(FrameworkElementKind kind) {
        return switch (kind) {
            case UNDERSTANDING -> "Parameters and benchmarks";
            case TRIGGER -> "Triggers for a collective response";
            case FORM_OF_SUPPORT -> "Forms of support";
            case ACTOR -> "Actors and their roles";
            case PHASE -> "Phases of the displacement cycle";
            case EXAMPLE_ARRANGEMENT -> "Example arrangements";
            case SCENARIO -> "Toolbox scenarios";
        };
    }
}
