package org.convene.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a manager does with a sign-off whose due date passed ("Resolve overdue sign-off"), and the
 * one place where the form's values are mapped.
 */
public enum OverdueResolution {

    /** Decide (approve or reject) for every reviewer who has not decided; recorded as decided by the manager for them. */
    DECIDE("decide"),
    /** Give the reviewers a new due date; their tasks move to it and the reminders start again. */
    EXTEND("extend"),
    /** Give one reviewer's task to another member of the reviewer group, with a new due date. */
    REPLACE("replace");

    private final String formValue;

    OverdueResolution(String formValue) {
        this.formValue = formValue;
    }

    /** The value as the form submits it and the process routes on it, e.g. {@code "extend"}. */
    public String formValue() {
        return formValue;
    }

    /** The resolution a form submitted; empty when the value is null or none of the form's. */
    public static Optional<OverdueResolution> ofFormValue(Object value) {
        return Arrays.stream(values()).filter(r -> r.formValue.equals(value)).findFirst();
    }
}
