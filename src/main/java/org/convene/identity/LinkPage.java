package org.convene.identity;

import java.util.List;

/**
 * What the page of a signed link shows: a title, a greeting, facts (label and value), one
 * required choice among options, an optional free-text field, and optional sections of further
 * questions (checkboxes and short texts, e.g. an acceptance's practical needs). Rendered as plain
 * HTML with every value escaped.
 *
 * @param choiceName the form field of the choice
 * @param note the optional text field, or null for none
 * @param sections further questions after the choice; never null (empty for none)
 */
public record LinkPage(String title, String greeting, List<Detail> details, String choiceName,
                       List<Choice> choices, TextField note, String submitLabel, List<Section> sections) {

    /** A page without further questions. */
    public LinkPage(String title, String greeting, List<Detail> details, String choiceName, List<Choice> choices,
                    TextField note, String submitLabel) {
        this(title, greeting, details, choiceName, choices, note, submitLabel, List.of());
    }

    /** A fact shown as "label: value" (both plain text, escaped when shown). */
    public record Detail(String label, String value) {
    }

    /** One option of the choice: the value submitted, and the label shown. */
    public record Choice(String value, String label) {
    }

    /** A free-text field: its form name, its label, and the most characters it takes. */
    public record TextField(String name, String label, int maxLength) {
    }

    /** A checkbox: its form name (submitted as {@code on} when ticked, absent otherwise) and its label. */
    public record Checkbox(String name, String label) {
    }

    /**
     * A group of optional questions under a heading, with a hint (e.g. "Only if you will attend");
     * checkboxes first, then one-line text fields.
     */
    public record Section(String legend, String hint, List<Checkbox> checkboxes, List<TextField> texts) {
    }
}
