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

    public record Detail(String label, String value) {
    }

    public record Choice(String value, String label) {
    }

    public record TextField(String name, String label, int maxLength) {
    }
}
