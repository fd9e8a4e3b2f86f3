package org.convene.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A change that breaks one of the module's rules (to the agenda, the participant list, …); nothing
 * of it was stored. Each message names what is wrong in the words of the form, keyed by the form
 * field it belongs to, so that a page shows it next to that field and an API answers 4xx with it.
 * The one refusal of every module: a module throws it from its public service, whoever calls.
 */
public class ChangeRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    /**
     * @param fieldErrors form field name → message, in the order to show them; not empty
     * @throws IllegalArgumentException when no error is given (a refusal says why)
     */
    public ChangeRefused(Map<String, String> fieldErrors) {
        super(message(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** One field's error: {@code new ChangeRefused("email", "The address … is already on the list.")}. */
    public ChangeRefused(String field, String message) {
        this(Map.of(field, message));
    }

    /** Form field name → message, in the order given; never empty, unmodifiable. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String message(Map<String, String> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("A refused change names at least one field and what is wrong with it");
        }
        return fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
