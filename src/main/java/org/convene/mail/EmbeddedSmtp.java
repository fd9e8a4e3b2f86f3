package org.convene.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default's SMTP server: GreenMail, started with the app on {@code spring.mail.host}
 * and {@code spring.mail.port} (localhost:3025), so that the mails of a first run are delivered
 * somewhere and can be read on the app's mail page ({@code /meetings/{code}/mails}). It keeps them
 * in memory until the app stops. On when {@code convene.mail.embedded-smtp.enabled} is true (the
 * embedded default) and {@code spring.mail.host} is this machine: setting {@code spring.mail.host}
 * to a real server sends there with no other change. The {@code postgres} profile switches it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSmtp.Wanted.class)
class EmbeddedSmtp {

    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "::1");

    /** Enabled, and the mail goes to this machine. */
    static class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return environment.getProperty("convene.mail.embedded-smtp.enabled", Boolean.class, false)
                    && THIS_MACHINE.contains(environment.getProperty("spring.mail.host", ""));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Embedded SMTP server (GreenMail) listening on {}:{}; mails are kept in memory", host, port);
        return server;
    }
}
