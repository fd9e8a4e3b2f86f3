package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    MutableClock clock = new MutableClock();
    LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void shouldLetAFewFailuresPassThenDoubleTheWait() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isZero();
            throttle.failed("203.0.113.9", "omar");
        }
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isZero();
        throttle.failed("203.0.113.9", "omar");
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("203.0.113.9", "omar");
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNeverSlowTheSameUserFromAnotherAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("203.0.113.9", "omar");
        }
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isPositive();
        assertThat(throttle.waitBeforeAttempt("198.51.100.7", "omar")).isZero();
    }

    @Test
    void shouldClearThePairOnSuccess() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.9", "omar");
        }
        throttle.succeeded("203.0.113.9", "omar");
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "omar")).isZero();
    }

    @Test
    void shouldBlockAnAddressThatGuessesManyUsers() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("203.0.113.9", "user" + i);
        }
        assertThat(throttle.waitBeforeAttempt("203.0.113.9", "someone-new")).isEqualTo(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitBeforeAttempt("198.51.100.7", "someone-new")).isZero();
    }

    @Test
    void shouldCapTheWait() {
        assertThat(LoginThrottle.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(LoginThrottle.backoff(40)).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    static class MutableClock extends Clock {
        Instant now = Instant.parse("2027-02-08T07:00:00Z");

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
