package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What Spring Mail throws at each point of an SMTP dialogue, and which of them leave a mail uncertain. */
class SmtpCutTests {

    @Test
    void shouldCallAConnectionBrokenWhileTheMessageWentOutUncertain() {
        assertThat(SmtpCut.serverMayHaveAccepted(whileSending(
                new MessagingException("Exception reading response", new SocketException("Connection reset"))))).isTrue();
        assertThat(SmtpCut.serverMayHaveAccepted(whileSending(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))).isTrue();
    }

    @Test
    void shouldRetryWhatNeverReachedTheServerOrWhatTheServerRefused() {
        MessagingException refused = new MessagingException("Couldn't connect to host, port: localhost, 3025",
                new ConnectException("refused"));
        assertThat(SmtpCut.serverMayHaveAccepted(new MailSendException("Mail server connection failed", refused,
                Map.of(new Object(), refused)))).as("no connection (Spring lists every message as failed)").isFalse();
        MessagingException greeting = new MessagingException("Exception reading response", new SocketException("reset"));
        assertThat(SmtpCut.serverMayHaveAccepted(new MailSendException("Mail server connection failed", greeting,
                Map.of(new Object(), greeting)))).as("broken while greeting, before any message").isFalse();
        assertThat(SmtpCut.serverMayHaveAccepted(whileSending(new SendFailedException("452 4.3.1 Insufficient system storage",
                new MessagingException("[EOF]", new SocketException("closed")))))).as("the server answered 452").isFalse();
        assertThat(SmtpCut.serverMayHaveAccepted(whileSending(new MessagingException("Invalid Addresses"))))
                .as("no broken connection").isFalse();
        assertThat(SmtpCut.serverMayHaveAccepted(new IllegalStateException("No SMTP server is configured"))).isFalse();
    }

    private static MailSendException whileSending(Exception failure) {
        return new MailSendException(Map.of(new Object(), failure));
    }
}
