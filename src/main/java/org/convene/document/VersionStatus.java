package org.convene.document;

/**
 * Where a document version stands, as its page and its exports print it. Derived, never stored:
 * from the version's reviews and signatures (cv_document_review) and its sign-off
 * (SignOffProcess), see {@link DocumentVersions#status}.
 */
public enum VersionStatus {

    /** Written, not yet reviewed or sent to sign-off, and the latest version. */
    DRAFT("draft"),
    /** A manager or chair sent it back with comments. */
    RETURNED("returned"),
    /** A manager or chair approved it. */
    APPROVED("approved"),
    /** Its sign-off is running: reviewers are deciding. */
    IN_SIGN_OFF("in sign-off"),
    /** Signed off under the sign-off's policy. */
    SIGNED_OFF("signed off"),
    /** Its sign-off ended without enough signatures: it went back to its author. */
    REJECTED("rejected"),
    /** A later version replaced it before any decision on it. */
    SUPERSEDED("superseded");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    /** As pages and exports print it, e.g. "in sign-off". */
    public String label() {
        return label;
    }
}
