package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.convene.mail.SmtpCut.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What Spring Mail throws at each point of an SMTP dialogue, and what each leaves behind. */
class SmtpCutTests {

    @Test
    void shouldCallAConnectionBrokenWhileTheMessageWentOutUncertain() {
        assertThat(SmtpCut.of(whileSending(
                new MessagingException("Exception reading response", new SocketException("Connection reset")))))
                .isEqualTo(Outcome.UNCERTAIN);
        assertThat(SmtpCut.of(whileSending(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")))))
                .isEqualTo(Outcome.UNCERTAIN);
        assertThat(SmtpCut.of(new MailSendException("Failed to close server connection after message failures",
                new MessagingException("Can't send command"), Map.of(new Object(), new SendFailedException("[EOF]")))))
                .as("no answer to the final '.': Angus reports the closed connection as the reply [EOF]")
                .isEqualTo(Outcome.UNCERTAIN);
        MessagingException cut = new MessagingException("Exception reading response", new SocketException("reset"));
        assertThat(SmtpCut.of(new MailSendException("Failed to close server connection after message failures",
                new MessagingException("[EOF]"), Map.of(new Object(), cut)))).as("and the close failed too")
                .isEqualTo(Outcome.UNCERTAIN);
    }

    @Test
    void shouldCallAFailedCloseAfterTheServerTookTheMessageSent() {
        assertThat(SmtpCut.of(new MailSendException("Failed to close server connection after message sending",
                new MessagingException("Can't send command to SMTP host", new SocketException("Broken pipe")))))
                .isEqualTo(Outcome.SENT);
    }

    @Test
    void shouldRetryWhatNeverReachedTheServerOrWhatTheServerRefused() {
        MessagingException refused = new MessagingException("Couldn't connect to host, port: localhost, 3025",
                new ConnectException("refused"));
        assertThat(SmtpCut.of(new MailSendException("Mail server connection failed", refused,
                Map.of(new Object(), refused)))).as("no connection (Spring lists every message as failed)")
                .isEqualTo(Outcome.NOT_SENT);
        MessagingException greeting = new MessagingException("Exception reading response", new SocketException("reset"));
        assertThat(SmtpCut.of(new MailSendException("Mail server connection failed", greeting,
                Map.of(new Object(), greeting)))).as("broken while greeting, before any message").isEqualTo(Outcome.NOT_SENT);
        assertThat(SmtpCut.of(whileSending(new SendFailedException("452 4.3.1 Insufficient system storage",
                new MessagingException("[EOF]", new SocketException("closed")))))).as("the server answered 452")
                .isEqualTo(Outcome.NOT_SENT);
        assertThat(SmtpCut.of(whileSending(new MessagingException("Invalid Addresses"))))
                .as("no broken connection").isEqualTo(Outcome.NOT_SENT);
        assertThat(SmtpCut.of(new IllegalStateException("No SMTP server is configured"))).isEqualTo(Outcome.NOT_SENT);
    }

    private static MailSendException whileSending(Exception failure) {
        return new MailSendException(Map.of(new Object(), failure));
    }
}
