package org.convene.invitation;

/** Where an invitation stands; cv_invitation.status stores the name. */
public enum InvitationStatus {

    /** Sent; no reply yet. */
    SENT("Sent"),
    /** The invitee will attend. */
    ACCEPTED("Accepted"),
    /** The invitee cannot attend. */
    DECLINED("Declined"),
    /** No reply by the deadline: staff are asked about the seat (a later reply is still recorded, as late). */
    LAPSED("Lapsed"),
    /** Staff withdrew it (before a reply, or after an acceptance); the seat is not offered to the reserve. */
    WITHDRAWN("Withdrawn");

    private final String label;

    InvitationStatus(String label) {
        this.label = label;
    }

    /** As the participant page shows it, e.g. "Accepted". */
    public String label() {
        return label;
    }
}
