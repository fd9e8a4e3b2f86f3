package org.convene.invitation;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * How a reply reached the secretariat: through the invitee's signed link, or as staff record it
 * on the participants page or through the API (all but {@link #LINK}). The form value is what
 * cv_invitation_reply stores.
 */
@NamedInterface("events")
public enum ReplyChannel {

    LINK("link", "by signed link"),
    PHONE("phone", "by phone"),
    LETTER("letter", "by letter"),
    EMAIL("email", "by e-mail"),
    IN_PERSON("in-person", "in person");

    private final String formValue;
    private final String label;

    ReplyChannel(String formValue, String label) {
        this.formValue = formValue;
        this.label = label;
    }

    /** The value as the form submits it and the table stores it, e.g. {@code "in-person"}. */
    public String formValue() {
        return formValue;
    }

    /** How a person says it: {@code by phone}; {@code in person}. */
    public String label() {
        return label;
    }

    /**
     * The channel a form submitted or the table holds.
     *
     * @return the channel, or empty when the value is null or none of the channels
     */
    public static Optional<ReplyChannel> ofFormValue(Object value) {
        return Arrays.stream(values()).filter(c -> c.formValue.equals(value)).findFirst();
    }
}
