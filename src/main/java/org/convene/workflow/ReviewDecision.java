package org.convene.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reviewer decides on a draft, and the one place where the forms' values are mapped: a
 * review form's radio {@code decision} offers {@code approve} and {@code return} (a manager's
 * review, a chair's validation) or {@code approve} and {@code reject} (a sign-off).
 * The same values are stored in the modules' review tables.
 */
public enum ReviewDecision {

    /** The version is accepted as it is. */
    APPROVE("approve"),
    /** The version goes back to its author with comments; a new version follows. */
    RETURN("return"),
    /** A sign-off refused; the draft goes back to its author with comments. */
    REJECT("reject");

    private final String formValue;

    ReviewDecision(String formValue) {
        this.formValue = formValue;
    }

    /** The value as the forms submit it and the review tables store it, e.g. {@code "approve"}. */
    public String formValue() {
        return formValue;
    }

    /** True for {@link #RETURN} and {@link #REJECT}: the draft goes back and needs comments. */
    public boolean sendsBack() {
        return this != APPROVE;
    }

    /**
     * The decision a form submitted.
     *
     * @param value the submitted value, e.g. {@code "return"}; may be null
     * @return the decision, or empty when the value is null or not one of the forms' values
     */
    public static Optional<ReviewDecision> ofFormValue(Object value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value)).findFirst();
    }
}
