package org.convene.framework;

import java.util.List;
import org.convene.report.MeetingFindings;

/**
 * A recommendation of a meeting as stored, with the findings it rests on as the report module lists
 * them now (working group, question, text).
 *
 * @param id        stable across saves, e.g. {@code R2}; framework elements cite it
 * @param text      the recommendation, plain text
 * @param objective the concept note's objective it serves
 * @param proposes  the kind of framework element it proposes; null for none
 * @param findings  the findings it rests on, in the order cited; a finding since removed from its report is
 *                  listed with its id, its working group and the text "(no longer in its report)"
 */
public record Recommendation(String id, String text, RecommendationObjectives.Objective objective,
                             FrameworkElementKind proposes, List<MeetingFindings.Listed> findings) {

    public Recommendation {
        findings = List.copyOf(findings);
    }

    /** The ids of its findings, in order. */
    public List<String> findingIds() {
        return findings.stream().map(MeetingFindings.Listed::id).toList();
    }
}
