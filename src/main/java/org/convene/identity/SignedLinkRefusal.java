package org.convene.identity;

/**
 * A signed link that cannot do what it is for, with the page the invitee gets: an invalid,
 * expired or used token, an action no module provides, or an action that refuses (the
 * invitation is no longer waiting, the form is incomplete). Thrown inside the transaction of a
 * submission, it rolls everything back: the token stays unused and nothing changes.
 */
public class SignedLinkRefusal extends RuntimeException {

    private final int status;
    private final String title;

    /**
     * @param status  the HTTP status of the invitee's page (see {@link #status()})
     * @param title   the page's heading; never null
     * @param message what went wrong and what the invitee can do, in plain words; never null
     */
    public SignedLinkRefusal(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    static SignedLinkRefusal of(Verification.Outcome outcome) {
        return new SignedLinkRefusal(outcome.status(), outcome.title(), outcome.message());
    }

    /** The HTTP status of the page: 400 invalid or incomplete, 404 nothing there, 409 too late, 410 expired. */
    public int status() {
        return status;
    }

    /** The heading of the invitee's page, e.g. "This invitation is closed". */
    public String title() {
        return title;
    }
}
