package org.convene.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows a password guesser without letting a stranger lock out a real user.
 *
 * <p>Camunda's own lock counts failures per user, wherever they come from: anyone could lock
 * out anyone. It is switched off (application.yaml: loginDelayBase 0, loginMaxAttempts at its
 * maximum). Instead failures are counted per client address <em>and</em> user: after
 * {@value #FREE_FAILURES} failures that pair waits 1 s, then 2 s, 4 s ... up to 15 minutes
 * before it may try again; and an address that fails {@value #ADDRESS_FAILURES} times within
 * an hour, across users, waits 15 minutes. The real user, signing in from elsewhere, is never
 * slowed. A success clears the pair. Counters live in each node's memory (a cluster of n nodes
 * gives a guesser at most n times the attempts) and are forgotten an hour after the last failure.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int ADDRESS_FAILURES = 30;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> byAddressAndUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long this address must wait before trying this user again; zero when it may try now.
     *
     * @param address the client's IP address as Tomcat's RemoteIpValve gives it; never null
     * @param user    the user id tried, any case; null for a login without a user name
     * @return a non-negative duration, at most {@link #LONGEST_WAIT}
     */
    public Duration waitBeforeAttempt(String address, String user) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(byAddressAndUser.get(key(address, user)), now),
                blockedUntil(byAddress.get(address), now));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a failed login of this address for this user (address and user as for {@link #waitBeforeAttempt}). */
    public void failed(String address, String user) {
        Instant now = clock.instant();
        forgetOld(now);
        byAddressAndUser.compute(key(address, user), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant blocked = count <= FREE_FAILURES ? now : now.plus(backoff(count - FREE_FAILURES));
            return new Failures(count, now, blocked);
        });
        byAddress.compute(address, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, now, count >= ADDRESS_FAILURES ? now.plus(LONGEST_WAIT) : now);
        });
    }

    /** A successful login clears the failures of this address for this user (the address's own count stays). */
    public void succeeded(String address, String user) {
        byAddressAndUser.remove(key(address, user));
    }

    static Duration backoff(int blockedFailures) {
        Duration wait = Duration.ofSeconds(1L << Math.min(blockedFailures - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void forgetOld(Instant now) {
        Instant cutoff = now.minus(MEMORY);
        byAddressAndUser.values().removeIf(f -> f.last().isBefore(cutoff) && !f.blockedUntil().isAfter(now));
        byAddress.values().removeIf(f -> f.last().isBefore(cutoff) && !f.blockedUntil().isAfter(now));
    }

    private static Instant blockedUntil(Failures failures, Instant now) {
        return failures == null ? now : failures.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(String address, String user) {
        return address + "|" + (user == null ? "" : user.toLowerCase());
    }
}
