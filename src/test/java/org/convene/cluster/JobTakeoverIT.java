package org.convene.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.cluster.Harness.Burst;
import org.convene.cluster.Harness.Node;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL (Camunda's homogeneous cluster), both running the job executor with
 * the product's job settings: a burst of invitations ({@code -Dharness.invitations}, 200 in
 * {@code mvn verify}, 1,000 in README's full harness) is shared by both executors (jobs counted per
 * node from the job log's hostname); node B is killed (kill -9) mid-burst; node A runs the jobs B
 * had locked once their lock runs out, within a minute (the lock is 40 s and an idle node looks
 * for jobs every 10 s at most: application.yaml), and nothing is sent twice, nothing lost, no
 * process instance lost.
 */
class JobTakeoverIT {

    static final int INVITATIONS = Integer.getInteger("harness.invitations", 200);
    /** The requirement (issue 13, part 6): a minute, where Camunda's default lock alone is five. */
    static final Duration TAKEOVER = Duration.ofMinutes(1);

    /** A job's lock as the database holds it. */
    record Lock(String owner, java.sql.Timestamp until) {
    }

    @Test
    void shouldShareTheJobsAndFinishAKilledNodesJobsWithinAMinuteSendingNothingTwice() throws Exception {
        try (Harness harness = Harness.start()) {
            // node A alone creates the schema (README: several nodes), then B joins
            Node a = harness.node("node-a");
            Node b = harness.node("node-b");
            Burst burst = harness.inviteBurst(a, "TKO", INVITATIONS);

            // a node that starts slowly (a loaded machine) joins the burst late: wait for both, not only the count
            Harness.await(Duration.ofMinutes(3), "a quarter of the invitations received, by both nodes' jobs",
                    () -> harness.receivedOf(burst.codes()) >= INVITATIONS / 4
                            && harness.jobsRunPerNode().keySet().containsAll(java.util.List.of("node-a", "node-b")));
            Map<String, Long> beforeKill = harness.jobsRunPerNode();
            harness.kill(b);
            Instant killed = Instant.now();
            Map<String, Lock> lockedAtKill = locked(harness);
            long receivedAtKill = harness.receivedOf(burst.codes());
            System.out.printf("takeover: %d of %d invitations received when node-b was killed; jobs run per node until then %s; "
                    + "%d jobs locked at the kill%n", receivedAtKill, INVITATIONS, beforeKill, lockedAtKill.size());
            assertThat(beforeKill).as("both job executors shared the burst").containsKeys("node-a", "node-b");
            assertThat(receivedAtKill).as("killed mid-burst").isLessThan(INVITATIONS);

            // B's jobs: those locked at the kill and still untouched (same owner, same lock) 5 s later
            Thread.sleep(5000);
            Map<String, Lock> stillLocked = locked(harness);
            Map<String, Lock> heldByB = lockedAtKill.entrySet().stream()
                    .filter(job -> job.getValue().equals(stillLocked.get(job.getKey())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(heldByB).as("the kill left jobs locked by node-b").isNotEmpty();

            // until each of them has run (gone) or failed and been let go (no lock)
            Harness.await(Duration.ofMinutes(3), "node-b's jobs taken over", () -> {
                Map<String, Lock> now = locked(harness);
                return heldByB.keySet().stream().noneMatch(now::containsKey);
            });
            Duration takeover = Duration.between(killed, Instant.now());
            harness.awaitSettled(Duration.ofMinutes(5), burst.codes());
            Duration whole = Duration.between(killed, Instant.now());
            System.out.printf("takeover: node-a finished the %d jobs node-b held locked %.1f s after the kill (lock 40 s, "
                            + "idle look-up every 10 s at most); the rest of the burst was settled %.1f s after the kill; "
                            + "jobs run per node in all %s%n", heldByB.size(), takeover.toMillis() / 1000.0,
                    whole.toMillis() / 1000.0, harness.jobsRunPerNode());
            harness.count("node-b killed mid-burst, node-a took over (" + INVITATIONS + " invitations)", burst)
                    .assertNothingLostOrDoubled();
            assertThat(takeover).as("takeover of the killed node's jobs").isLessThanOrEqualTo(TAKEOVER);
        }
    }

    /** Every locked job: id → its lock. */
    private static Map<String, Lock> locked(Harness harness) {
        return harness.jdbc().sql("select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")
                .query((rs, n) -> Map.entry(rs.getString(1), new Lock(rs.getString(2), rs.getTimestamp(3)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
