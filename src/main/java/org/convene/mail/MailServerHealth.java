package org.convene.mail;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server in {@code /actuator/health} ("mail"): UP when it answers a connection, else
 * {@value #UNREACHABLE} with the error — a status of its own, ordered after UP (application.yaml:
 * {@code management.endpoint.health.status.order}), so the node as a whole stays UP. Mail leaves
 * through the outbox and retried delivery jobs: a server that is down delays mail but does not make
 * a node unfit to serve (a load balancer must not take every node out for it; Boot's own mail
 * indicator, which would say DOWN, is off). The server is asked at most every {@link #EVERY}, not at
 * each health request.
 */
@Component("mailHealthIndicator")
class MailServerHealth implements HealthIndicator {

    /** The status of a mail server that does not answer. */
    static final String UNREACHABLE = "UNREACHABLE";
    static final Duration EVERY = Duration.ofSeconds(30);

    private final ObjectProvider<JavaMailSender> sender;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    MailServerHealth(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    @Override
    public Health health() {
        if (last == null || Instant.now().isAfter(checkedAt.plus(EVERY))) {
            last = check();
            checkedAt = Instant.now();
        }
        return last;
    }

    private Health check() {
        if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
            return Health.unknown().withDetail("server", "no mail server configured (spring.mail.host)").build();
        }
        Health.Builder health = new Health.Builder().withDetail("server", smtp.getHost() + ":" + smtp.getPort());
        try {
            smtp.testConnection();
            return health.up().build();
        } catch (Exception e) {
            return health.status(new Status(UNREACHABLE, "mail waits in the outbox and is retried"))
                    .withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
