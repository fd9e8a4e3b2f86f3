package org.convene.identity;

/**
 * The outcome of checking a signed link, with a plain message for the invitee's page and the
 * HTTP status of that page. The claims are present whenever the signature was good (VALID,
 * EXPIRED, USED), never for a TAMPERED token.
 */
public record Verification(Outcome outcome, LinkClaims claims) {

    /** How a signed link was found: each with the HTTP status, title and message of the invitee's page. */
    public enum Outcome {
        VALID(200, "This link is valid.", ""),
        TAMPERED(400, "This link is not valid",
                "The link is incomplete or was changed, perhaps when it was copied. Please open it again exactly "
                        + "as it came in our e-mail, or write to the secretariat."),
        EXPIRED(410, "This link has expired",
                "The time for using this link has passed. Please write to the secretariat if you still need to answer."),
        USED(409, "This link has already been used",
                "Your answer through this link was already received; a link works once. Please write to the "
                        + "secretariat if you need to change it.");

        private final int status;
        private final String title;
        private final String message;

        Outcome(int status, String title, String message) {
            this.status = status;
            this.title = title;
            this.message = message;
        }

        /** The HTTP status of the page that tells the invitee. */
        public int status() {
            return status;
        }

        /** The page's heading, e.g. "This link has expired". */
        public String title() {
            return title;
        }

        /** What the invitee can do now, in plain words; empty for a valid link. */
        public String message() {
            return message;
        }
    }

    /** Whether the link may be used now (good signature, not expired, not used). */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    /** The outcome's message for the invitee's page; empty for a valid link. */
    public String message() {
        return outcome.message();
    }

    static Verification tampered() {
        return new Verification(Outcome.TAMPERED, null);
    }
}
