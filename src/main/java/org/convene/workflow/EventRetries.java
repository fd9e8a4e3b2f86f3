package org.convene.workflow;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Hands the modules' events whose listener failed (a database hiccup, a bug fixed since) to that
 * listener again while the app runs, not only at the next start: every
 * {@code convene.events.retry-every} (default 5 minutes), each publication that has waited longer
 * than {@code convene.events.retry-after} (default 5 minutes; a listener that works finishes within
 * its request) is resubmitted. Listeners are idempotent, so a publication handed out twice (two
 * nodes, or a node that restarts) is handled once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    EventRetries(IncompleteEventPublications incomplete, @Value("${convene.events.retry-after:PT5M}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${convene.events.retry-every:PT5M}", initialDelayString = "${convene.events.retry-every:PT5M}")
    void resubmitFailedPublications() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        } catch (RuntimeException e) {
            log.warn("Could not hand failed event publications out again; next try in the next round", e);
        }
    }
}
