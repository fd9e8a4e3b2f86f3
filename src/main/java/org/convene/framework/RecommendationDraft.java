package org.convene.framework;

import java.util.List;

/**
 * A recommendation as typed on the recommendations page or sent to
 * {@code PUT /api/meetings/{code}/recommendations}, before it is checked
 * ({@link Recommendations#replace}). One sent with its id is the stored one changed (and keeps the
 * id); one without is new; a stored one left out is removed.
 *
 * @param id        the stored recommendation's id ({@code R2}), null for a new one
 * @param text      the recommendation, plain text, at most 4,000 characters
 * @param objective the number of the concept note's objective it serves, 1 for the first; null is refused
 * @param proposes  the kind of framework element it proposes, by name or label ({@code TRIGGER}); null for none
 * @param findings  the findings it rests on: this meeting's finding ids ({@code WG1-F3}), or
 *                  {@code <meeting code>/<finding id>}; at least one
 */
public record RecommendationDraft(String id, String text, Integer objective, String proposes, List<String> findings) {

    public RecommendationDraft {
        findings = findings == null ? List.of() : findings;
    }
}
