package org.convene.framework;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of element of the Common Framework: its set of understandings (parameters and
 * benchmarks for cooperative arrangements) and its operational toolbox (triggers for a collective
 * response, forms of support, actors and their roles, phases of the displacement cycle, example
 * arrangements drawn from the working groups' reports, toolbox scenarios). Stored and sent by name;
 * a recommendation may name the kind of element it proposes.
 */
public enum FrameworkElementKind {
    UNDERSTANDING("Parameter or benchmark", "U", false),
    TRIGGER("Trigger for a collective response", "T", true),
    FORM_OF_SUPPORT("Form of support", "F", true),
    ACTOR("Actor and role", "A", true),
    PHASE("Phase of the displacement cycle", "P", true),
    EXAMPLE_ARRANGEMENT("Example arrangement", "E", true),
    SCENARIO("Toolbox scenario", "S", true);

    private final String label;
    private final String prefix;
    private final boolean toolbox;

    FrameworkElementKind(String label, String prefix, boolean toolbox) {
        this.label = label;
        this.prefix = prefix;
        this.toolbox = toolbox;
    }

    /** As pages and exports print it, e.g. "Trigger for a collective response". */
    public String label() {
        return label;
    }

    /** The letter of its elements' ids: {@code T} for T1, T2. */
    public String prefix() {
        return prefix;
    }

    /** Whether it belongs to the operational toolbox (else to the set of understandings). */
    public boolean toolbox() {
        return toolbox;
    }

    /** The kind named by {@code text}: its name or label in any case, blanks and hyphens alike; empty for none. */
    public static Optional<FrameworkElementKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normal(text);
        return Arrays.stream(values()).filter(k -> normal(k.name()).equals(key) || normal(k.label).equals(key)).findFirst();
    }

    /** "UNDERSTANDING, TRIGGER, …", for a message. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    }
}
