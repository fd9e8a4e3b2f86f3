package org.convene.meeting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A change to the agenda that breaks a rule; nothing of it was stored. Each message names
 * what is wrong in the words of the form, keyed by the form field it belongs to.
 */
public class AgendaChangeRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    AgendaChangeRefused(Map<String, String> fieldErrors) {
        super(fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** Field name → message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
