package org.convene.framework;

import java.util.List;

/**
 * An element of the Common Framework as typed on the framework page or sent to
 * {@code PUT /api/meetings/{code}/framework}, before it is checked ({@link CommonFramework#replace}).
 * One sent with its id is the stored one changed (and keeps the id); one without is new; a stored
 * one left out is removed.
 *
 * @param id              the stored element's id ({@code T2}), null for a new one
 * @param kind            its kind, by name or label ({@code TRIGGER}); required
 * @param title           its name ("Mass influx"), at most 300 characters; an example arrangement without one takes
 *                        the arrangement's name
 * @param text            what it says, plain text, at most 4,000 characters; may be null
 * @param formOfSupport   a form of support's name or label ({@code FINANCIAL}, {@code physical}); required for a
 *                        FORM_OF_SUPPORT, ignored for the other kinds
 * @param phase           a phase of the displacement cycle's name or label ({@code EMERGENCY}); required for a
 *                        PHASE, ignored for the other kinds
 * @param arrangement     the id of a cooperative arrangement of the meeting's reports ({@code WG1-A2}); required
 *                        for an EXAMPLE_ARRANGEMENT, ignored for the other kinds
 * @param illustrative    true when the element is illustrative or inferred rather than sourced
 * @param recommendations the ids of the meeting's recommendations it rests on ({@code R1}); at least one
 */
public record FrameworkElementDraft(String id, String kind, String title, String text, String formOfSupport,
                                    String phase, String arrangement, boolean illustrative, List<String> recommendations) {

    public FrameworkElementDraft {
        recommendations = recommendations == null ? List.of() : recommendations;
    }
}
