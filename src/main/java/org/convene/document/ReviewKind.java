package org.convene.document;

/** What a decision on a document version was, as cv_document_review stores it. */
public enum ReviewKind {

    /** A review or approval by one person (a manager, a chair): approve or return. */
    REVIEW,
    /** One reviewer's part of a sign-off (SignOffProcess): approve (signed) or reject. */
    SIGN_OFF
}
