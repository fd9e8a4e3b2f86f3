package org.convene.mail;

import jakarta.mail.SendFailedException;
import java.io.IOException;
import org.springframework.mail.MailSendException;

/**
 * Whether a failed send may still have reached the recipient: SMTP cannot tell a client whose
 * connection broke while it sent a message (or waited for the answer to its final ".") whether the
 * server accepted it. Such a mail is not resent (it could arrive twice) but left to staff as
 * uncertain. A failure before any message went out — the server could not be reached or broke the
 * connection while greeting ("Mail server connection failed") — or a refusal the server answered
 * with (a 4xx or 5xx reply, {@link SendFailedException}) leaves nothing behind: that mail is retried.
 */
final class SmtpCut {

    private SmtpCut() {
    }

    /**
     * @param failure what {@code JavaMailSender.send} threw
     * @return true when the connection broke (an {@link IOException} below the failure) while a
     *         message was being sent and the server did not answer with a refusal
     */
    static boolean serverMayHaveAccepted(Exception failure) {
        if (!(failure instanceof MailSendException send) || send.getCause() != null
                || send.getMessageExceptions().length == 0) {
            // not while sending a message: building it, or connecting ("Mail server connection
            // failed", which Spring throws with the connection's failure as its cause)
            return false;
        }
        boolean cut = false;
        for (Exception during : send.getMessageExceptions()) {
            for (Throwable cause = during; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof SendFailedException) {
                    return false; // the server answered: refused, nothing was accepted
                }
                cut |= cause instanceof IOException;
            }
        }
        return cut;
    }
}
