package org.convene.identity;

import java.util.List;

/**
 * What the page of a signed link shows: a title, a greeting, facts (label and value), one
 * required choice among options, and an optional free-text field. Rendered as plain HTML with
 * every value escaped.
 *
 * @param choiceName the form field of the choice
 * @param note the optional text field, or null for none
 */
public record LinkPage(String title, String greeting, List<Detail> details, String choiceName,
                       List<Choice> choices, TextField note, String submitLabel) {

    /** A fact shown as "label: value" (both plain text, escaped when shown). */
    public record Detail(String label, String value) {
    }

    /** One option of the choice: the value submitted, and the label shown. */
    public record Choice(String value, String label) {
    }

    /** A free-text field: its form name, its label, and the most characters it takes. */
    public record TextField(String name, String label, int maxLength) {
    }
}
