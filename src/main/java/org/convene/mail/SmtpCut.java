package org.convene.mail;

import jakarta.mail.SendFailedException;
import java.io.IOException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send left behind, read from what Spring Mail threw. SMTP cannot tell a client
 * whose connection broke while it sent a message (or waited for the answer to its final ".")
 * whether the server accepted it: such a mail is {@link Outcome#UNCERTAIN}, not resent (it could
 * arrive twice) but left to staff. A send that failed only when closing the connection afterwards
 * (the server had answered every message, then stopped before the QUIT) was {@link Outcome#SENT}.
 * A failure before any message went out — the server could not be reached or broke the
 * connection while greeting — or a refusal the server answered with (a 4xx or 5xx reply,
 * {@link SendFailedException}) left nothing behind: {@link Outcome#NOT_SENT}, retried.
 */
final class SmtpCut {

    /** Spring's message when connecting failed, before any message was sent. */
    private static final String CONNECTION_FAILED = "Mail server connection failed";

    /** Angus Mail's "reply" when the server closed the connection instead of answering (return code -1). */
    private static final String EOF = "[EOF]";

    enum Outcome { NOT_SENT, UNCERTAIN, SENT }

    private SmtpCut() {
    }

    /**
     * @param failure what {@code JavaMailSender.send} threw
     * @return {@link Outcome#SENT} when only closing the connection failed after the server had
     *         taken the message; {@link Outcome#UNCERTAIN} when the connection broke (an
     *         {@link IOException} below the failure) while the message was being sent and the
     *         server did not answer with a refusal; otherwise {@link Outcome#NOT_SENT}
     */
    static Outcome of(Exception failure) {
        if (!(failure instanceof MailSendException send) || String.valueOf(send.getMessage()).startsWith(CONNECTION_FAILED)) {
            return Outcome.NOT_SENT; // building the message, or connecting
        }
        if (send.getMessageExceptions().length == 0) {
            // Spring: "Failed to close server connection after message sending" (every message answered)
            return send.getCause() != null ? Outcome.SENT : Outcome.NOT_SENT;
        }
        boolean cut = false;
        for (Exception during : send.getMessageExceptions()) {
            for (Throwable cause = during; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof SendFailedException && EOF.equals(cause.getMessage())) {
                    cut = true; // no answer at all: Angus Mail reports the closed connection as the reply "[EOF]"
                } else if (cause instanceof SendFailedException) {
                    return Outcome.NOT_SENT; // the server answered: refused, nothing was accepted
                }
                cut |= cause instanceof IOException;
            }
        }
        return cut ? Outcome.UNCERTAIN : Outcome.NOT_SENT;
    }
}
