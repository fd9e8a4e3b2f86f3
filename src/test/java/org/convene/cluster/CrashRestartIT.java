package org.convene.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.convene.AppNode;
import org.convene.cluster.Harness.Burst;
import org.convene.cluster.Harness.Node;
import org.junit.jupiter.api.Test;

/**
 * Crash and restart (issue 13, part 5): one node on PostgreSQL, three bursts of invitations
 * ({@code -Dharness.invitations} each: 200 in {@code mvn verify}, 1,000 in README's full harness),
 * each hit mid-burst (a quarter of its mails received) by one fault:
 * <ol>
 * <li>the node killed (kill -9) and started again: it runs the dead JVM's jobs once their locks
 * have run out (application.yaml: 40 s);</li>
 * <li>PostgreSQL stopped and started again on its data directory and port
 * ({@code -Dharness.outageSeconds}, 10 s, in between): the node's pool reconnects and the jobs that
 * failed are retried, with nobody restarting the node;</li>
 * <li>the SMTP server stopped and started again (as long): the mails wait and are retried, no
 * incident; a mail whose connection the stop cut while it went out is left uncertain (SMTP cannot
 * say whether the server took it), never sent twice.</li>
 * </ol>
 * After each, every mail and every process instance is counted and printed: nothing doubled
 * (bar mails listed to staff as uncertain, and only after the kill), nothing lost, no instance lost.
 */
class CrashRestartIT {

    static final int INVITATIONS = Integer.getInteger("harness.invitations", 200);
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("harness.outageSeconds", 10));

    @Test
    void shouldLoseAndDoubleNothingAcrossAKillADatabaseRestartAndAnSmtpRestart() throws Exception {
        try (Harness harness = Harness.start()) {
            Node node = harness.node("node-1");

            Burst killed = harness.inviteBurst(node, "KILL", INVITATIONS);
            awaitAQuarter(harness, killed);
            harness.kill(node);
            long atKill = harness.receivedOf(killed.codes());
            System.out.printf("crash: node-1 killed with %d of %d invitations received%n", atKill, INVITATIONS);
            assertThat(atKill).as("killed mid-burst").isLessThan(INVITATIONS);
            Instant restarted = Instant.now();
            node = harness.node("node-1");
            harness.awaitSettled(Duration.ofMinutes(5), killed.codes());
            System.out.printf("crash: settled %d s after the restart began%n", Duration.between(restarted, Instant.now()).toSeconds());
            harness.count("kill -9 mid-burst, then a restart (" + INVITATIONS + " invitations)", killed)
                    .assertNothingLostOrDoubled();

            Burst database = harness.inviteBurst(node, "PGSTOP", INVITATIONS);
            awaitAQuarter(harness, database);
            harness.stopDatabase();
            System.out.printf("database: PostgreSQL stopped with %d of %d invitations received%n",
                    harness.receivedOf(database.codes()), INVITATIONS);
            Thread.sleep(OUTAGE.toMillis());
            harness.startDatabase();
            Instant back = Instant.now();
            harness.awaitSettled(Duration.ofMinutes(5), database.codes());
            AppNode.awaitUp(node.port());
            System.out.printf("database: settled %d s after PostgreSQL was back (down %d s), the node never restarted%n",
                    Duration.between(back, Instant.now()).toSeconds(), OUTAGE.toSeconds());
            assertThat(harness.count("PostgreSQL stopped and started mid-burst (" + INVITATIONS + " invitations)", database)
                    .assertNothingLostOrDoubled().uncertain()).as("uncertain after a database restart").isZero();

            Burst smtp = harness.inviteBurst(node, "SMTPSTOP", INVITATIONS);
            awaitAQuarter(harness, smtp);
            harness.stopSmtp();
            System.out.printf("smtp: SMTP server stopped with %d of %d invitations received%n", harness.receivedOf(smtp.codes()),
                    INVITATIONS);
            Thread.sleep(OUTAGE.toMillis());
            harness.startSmtp();
            back = Instant.now();
            harness.awaitSettled(Duration.ofMinutes(5), smtp.codes());
            System.out.printf("smtp: settled %d s after the SMTP server was back (down %d s)%n",
                    Duration.between(back, Instant.now()).toSeconds(), OUTAGE.toSeconds());
            // a mail whose connection the stop cut while it went out may have arrived: uncertain, never resent
            harness.count("SMTP server stopped and started mid-burst (" + INVITATIONS + " invitations)", smtp)
                    .assertNothingLostOrDoubled();
        }
    }

    private static void awaitAQuarter(Harness harness, Burst burst) throws InterruptedException {
        Harness.await(Duration.ofMinutes(3), "a quarter of the invitations received",
                () -> harness.receivedOf(burst.codes()) >= burst.invitees() / 4);
    }
}
