package org.convene.framework;

import java.util.List;
import org.convene.report.MeetingFindings;

/**
 * The recommendations as Markdown: what the reviewers sign off (the RECOMMENDATIONS document's
 * version) and what the page shows. Each recommendation under its id, with the objective it serves,
 * the kind of element it proposes and the findings it rests on (id, working group, question, text).
 */
final class RecommendationText {

    private RecommendationText() {
    }

    static String markdown(List<Recommendation> recommendations) {
        StringBuilder md = new StringBuilder();
        for (Recommendation r : recommendations) {
            md.append("### ").append(r.id()).append("\n\n").append(r.text()).append("\n\n")
                    .append("*Serves objective ").append(r.objective().number()).append(":* ")
                    .append(r.objective().text()).append("\n");
            if (r.proposes() != null) {
                md.append("\n*Proposes:* ").append(r.proposes().label()).append("\n");
            }
            md.append("\n*Rests on:*\n\n");
            for (MeetingFindings.Listed f : r.findings()) {
                md.append("- **").append(f.id()).append("** (").append(where(f)).append("): ").append(f.text()).append('\n');
            }
            md.append('\n');
        }
        return md.toString().strip();
    }

    /** "Working Group 1, question 5" (the group's code alone when its title is unknown). */
    static String where(MeetingFindings.Listed finding) {
        String group = finding.workingGroupCode().replace("WG", "Working Group ");
        return finding.question() > 0 ? group + ", question " + finding.question() : group;
    }
}
