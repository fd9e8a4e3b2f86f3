package org.convene.mail;

/** Where an outbox mail stands (cv_outbox_mail.status). */
public enum MailStatus {
    /** Written, waiting for its delivery job (also after a failed attempt that will be retried). */
    PENDING,
    /** Claimed by a node that is talking to the SMTP server now (committed before the first byte goes out). */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /**
     * A delivery job found it still {@link #SENDING}: a node stopped between the server's answer and
     * the mark, so the server may or may not have it. Never resent by itself: staff resend it or mark it sent.
     */
    UNCERTAIN,
    /** The last retry failed too: an incident for managers in Cockpit, whose retry sends it. */
    FAILED
}
