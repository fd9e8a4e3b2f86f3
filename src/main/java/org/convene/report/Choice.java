package org.convene.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A closed list of values of a report's field (a form of support, a scale, a phase): each with the
 * word people read. A value is read from its name or its label, in any case, with blanks, hyphens
 * and slashes taken alike ({@code physical/resettlement}, {@code Physical}, {@code PHYSICAL}).
 */
interface Choice {

    /** The word a page, a form and an export show, e.g. "physical (resettlement)". */
    String label();

    /** The enum constant's name, as stored and as the API writes it. */
    String name();

    /** The value named by {@code text} (its name or label, loosely); empty for none. */
    static <E extends Enum<E> & Choice> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normal(text);
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> normal(value.name()).equals(key) || normal(value.label()).equals(key))
                .findFirst();
    }

    /** The names a value may take, for a message: "financial, material, technical, physical (resettlement), political". */
    static <E extends Enum<E> & Choice> String labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::label).collect(Collectors.joining(", "));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_/()-]+", " ").strip();
    }
}
