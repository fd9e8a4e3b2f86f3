package org.convene.invitation;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * An invitee's answer, and the one place where it is mapped to the forms' values: the
 * participants page, the API and the signed link's page submit {@code accept} or {@code decline};
 * cv_invitation_reply stores the same values.
 */
@NamedInterface("events")
public enum InvitationReply {

    /** The invitee will attend. */
    ACCEPT("accept"),
    /** The invitee cannot attend: the seat goes to a replacement, or stays empty. */
    DECLINE("decline");

    private final String formValue;

    InvitationReply(String formValue) {
        this.formValue = formValue;
    }

    /** The value as the forms submit it and the table stores it, e.g. {@code "accept"}. */
    public String formValue() {
        return formValue;
    }

    /** The invitation's status once this reply is recorded. */
    public InvitationStatus status() {
        return this == ACCEPT ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
    }

    /**
     * The reply a form submitted.
     *
     * @param value e.g. {@code "decline"}; may be null
     * @return the reply, or empty when the value is null or not one of the forms' values
     */
    public static Optional<InvitationReply> ofFormValue(Object value) {
        return Arrays.stream(values()).filter(r -> r.formValue.equals(value)).findFirst();
    }
}
