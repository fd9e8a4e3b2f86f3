package org.convene.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox in {@code /actuator/prometheus}: {@code convene_mails{status="PENDING"|"SENDING"|"UNCERTAIN"|"FAILED"}},
 * mails by status, each a count over the outbox's status index (V8_2) at every scrape (sent mails are not counted:
 * they only grow).
 */
@Component
class MailMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    MailMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MailStatus status : MailStatus.values()) {
            if (status != MailStatus.SENT) {
                Gauge.builder("convene.mails", () -> count(status))
                        .description("Mails in the outbox by status (PENDING: waiting for delivery; UNCERTAIN: staff decide)")
                        .tag("status", status.name()).register(registry);
            }
        }
    }

    private int count(MailStatus status) {
        return jdbc.sql("select count(*) from cv_outbox_mail where status = ?").param(status.name())
                .query(Integer.class).single();
    }
}
