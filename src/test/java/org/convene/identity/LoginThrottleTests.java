package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.convene.ConveneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The throttle's rules, on the integration tests' PostgreSQL. Each test guesses from addresses of
 * its own (random, in the documentation range 2001:db8::/32), so that its counters meet no other test's.
 */
@ConveneIntegrationTest
class LoginThrottleTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    MutableClock clock = new MutableClock();
    String guesser = randomAddress();
    String elsewhere = randomAddress();

    LoginThrottle node() {
        return new LoginThrottle(jdbc, transactions, clock);
    }

    LoginThrottle throttle;

    @BeforeEach
    void startNode() {
        throttle = node();
    }

    @Test
    void shouldLetAFewFailuresPassThenDoubleTheWait() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isZero();
            throttle.failed(guesser, "omar");
        }
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isZero();
        throttle.failed(guesser, "omar");
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed(guesser, "omar");
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNeverSlowTheSameUserFromAnotherAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.failed(guesser, "omar");
        }
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isPositive();
        assertThat(throttle.waitBeforeAttempt(elsewhere, "omar")).isZero();
    }

    @Test
    void shouldClearThePairOnSuccess() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(guesser, "omar");
        }
        throttle.succeeded(guesser, "omar");
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isZero();
    }

    @Test
    void shouldBlockAnAddressThatGuessesManyUsers() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed(guesser, "user" + i);
        }
        assertThat(throttle.waitBeforeAttempt(guesser, "someone-new")).isEqualTo(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitBeforeAttempt(elsewhere, "someone-new")).isZero();
    }

    @Test
    void shouldCapTheWait() {
        assertThat(LoginThrottle.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(LoginThrottle.backoff(40)).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    @Test
    void shouldShareTheCountsBetweenNodesAndAcrossARestart() {
        LoginThrottle nodeA = throttle;
        LoginThrottle nodeB = node();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            nodeA.failed(guesser, "grace");
        }
        assertThat(nodeB.waitBeforeAttempt(guesser, "grace")).as("node B knows node A's failures").isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        nodeB.failed(guesser, "grace");
        assertThat(nodeA.waitBeforeAttempt(guesser, "grace")).as("and the doubling goes on across nodes").isEqualTo(Duration.ofSeconds(2));

        LoginThrottle restarted = node();
        assertThat(restarted.waitBeforeAttempt(guesser, "grace")).as("a restart forgets nothing").isEqualTo(Duration.ofSeconds(2));
        restarted.succeeded(guesser, "grace");
        assertThat(nodeA.waitBeforeAttempt(guesser, "grace")).as("a success on one node clears the pair on all").isZero();
    }

    @Test
    void shouldCountEveryFailureWhenNodesFailAtOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = nodes.submit(() -> failTimes(node(), 10));
            Future<?> b = nodes.submit(() -> failTimes(node(), 10));
            a.get();
            b.get();
        } finally {
            nodes.shutdown();
        }
        assertThat(failures("pair", LoginThrottle.key(guesser, "kenji"))).isEqualTo(20);
        assertThat(failures("address", LoginThrottle.addressKey(guesser))).isEqualTo(20);
    }

    @Test
    void shouldForgetAnHourAfterTheLastFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(guesser, "ravi");
        }
        assertThat(throttle.waitBeforeAttempt(guesser, "ravi")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(LoginThrottle.MEMORY.plusMinutes(1));
        throttle.failed(guesser, "ravi");
        assertThat(throttle.waitBeforeAttempt(guesser, "ravi")).as("the old count is gone: a first failure again").isZero();
        assertThat(failures("pair", LoginThrottle.key(guesser, "ravi"))).isEqualTo(1);
    }

    @Test
    void shouldCountUserNamesThatTheDatabaseCouldNotStoreAsGiven() {
        String withNul = "omar\u0000";
        String long_ = "x".repeat(5_000);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            throttle.failed(guesser, withNul);
            throttle.failed(guesser, long_);
        }
        assertThat(throttle.waitBeforeAttempt(guesser, withNul)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBeforeAttempt(guesser, long_)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBeforeAttempt(guesser, "omar")).isZero();
    }

    private void failTimes(LoginThrottle node, int times) {
        for (int i = 0; i < times; i++) {
            node.failed(guesser, "kenji");
        }
    }

    private int failures(String kind, String key) {
        return jdbc.sql("select failures from cv_login_failure where kind = ? and throttle_key = ?")
                .params(kind, key).query(Integer.class).single();
    }

    private static String randomAddress() {
        return "2001:db8::" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16))
                + ":" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** Starts at the real time (rows stay meaningful for the other tests' real clock) and moves only when told. */
    static class MutableClock extends Clock {
        volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
