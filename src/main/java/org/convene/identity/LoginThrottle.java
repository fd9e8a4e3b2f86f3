package org.convene.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows a password guesser without letting a stranger lock out a real user.
 *
 * <p>Camunda's own lock counts failures per user, wherever they come from: anyone could lock
 * out anyone. It is switched off (application.yaml: loginDelayBase 0, loginMaxAttempts at its
 * maximum). Instead failures are counted per client address <em>and</em> user: after
 * {@value #FREE_FAILURES} failures that pair waits 1 s, then 2 s, 4 s ... up to 15 minutes
 * before it may try again; and an address that fails {@value #ADDRESS_FAILURES} times within
 * an hour, across users, waits 15 minutes. The real user, signing in from elsewhere, is never
 * slowed. A success clears the pair.
 *
 * <p>The counters live in the database (table cv_login_failure, V5_2), so every node of a cluster
 * sees the same counts and a restart forgets nothing: a guesser gets no fresh allowance by
 * reaching another node. Each failure is counted in a transaction of its own (an update of the
 * row, which the database locks, or the row's insert; two nodes inserting the same row at once:
 * the loser of the primary key retries as an update), so concurrent failures on several nodes
 * are all counted. A row is forgotten an hour after its last failure, once its wait is over.
 * Each login attempt costs one read by primary key; a success one delete.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int ADDRESS_FAILURES = 30;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);

    private static final String PAIR = "pair";
    private static final String ADDRESS = "address";
    /** An address or user id longer than this (or with control characters) is keyed by its SHA-256 instead. */
    private static final int LONGEST_IN_KEY = 150;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        // a failure is counted on its own, whatever the caller's transaction does afterwards
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        Optional<Instant> until = jdbc.sql("""
                        select blocked_until from cv_login_failure
                        where (kind = ? and throttle_key = ?) or (kind = ? and throttle_key = ?)""")
                .params(PAIR, key(address, user), ADDRESS, addressKey(address))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list().stream().max(Instant::compareTo);
        return until.filter(now::isBefore).map(u -> Duration.between(now, u)).orElse(Duration.ZERO);
    }

    /** Counts a failed login of this address for this user (address and user as for {@link #waitBeforeAttempt}). */
    public void failed(String address, String user) {
        Instant now = clock.instant();
        forgetOld(now);
        try {
            ownTransaction.executeWithoutResult(status -> countFailure(address, user, now));
        } catch (DuplicateKeyException anotherNodeInsertedFirst) {
            // the row exists now: this time the update counts the failure
            ownTransaction.executeWithoutResult(status -> countFailure(address, user, now));
        }
    }

    /** A successful login clears the failures of this address for this user (the address's own count stays). */
    public void succeeded(String address, String user) {
        jdbc.sql("delete from cv_login_failure where kind = ? and throttle_key = ?")
                .params(PAIR, key(address, user))
                .update();
    }

    static Duration backoff(int blockedFailures) {
        Duration wait = Duration.ofSeconds(1L << Math.min(blockedFailures - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void countFailure(String address, String user, Instant now) {
        int pairFailures = increment(PAIR, key(address, user), now);
        block(PAIR, key(address, user),
                pairFailures <= FREE_FAILURES ? now : now.plus(backoff(pairFailures - FREE_FAILURES)));
        int addressFailures = increment(ADDRESS, addressKey(address), now);
        block(ADDRESS, addressKey(address), addressFailures >= ADDRESS_FAILURES ? now.plus(LONGEST_WAIT) : now);
    }

    /** The row's failures after this one; the update locks the row until the transaction ends. */
    private int increment(String kind, String key, Instant now) {
        int updated = jdbc.sql("""
                        update cv_login_failure set failures = failures + 1, last_failure_at = ?
                        where kind = ? and throttle_key = ?""")
                .params(utc(now), kind, key)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into cv_login_failure (kind, throttle_key, failures, last_failure_at, blocked_until)
                            values (?, ?, 1, ?, ?)""")
                    .params(kind, key, utc(now), utc(now))
                    .update();
            return 1;
        }
        return jdbc.sql("select failures from cv_login_failure where kind = ? and throttle_key = ?")
                .params(kind, key)
                .query(Integer.class)
                .single();
    }

    private void block(String kind, String key, Instant until) {
        jdbc.sql("update cv_login_failure set blocked_until = ? where kind = ? and throttle_key = ?")
                .params(utc(until), kind, key)
                .update();
    }

    /** On its own (not in the failure's transaction), so that it holds no lock while the failure is counted. */
    private void forgetOld(Instant now) {
        jdbc.sql("delete from cv_login_failure where last_failure_at < ? and blocked_until <= ?")
                .params(utc(now.minus(MEMORY)), utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The pair's key: the address's key and the user id in lower case. */
    static String key(String address, String user) {
        return addressKey(address) + "|" + safe(user == null ? "" : user.toLowerCase());
    }

    static String addressKey(String address) {
        return safe(address == null ? "unknown" : address);
    }

    /** Text that is long or holds control characters (which PostgreSQL refuses) is keyed by its SHA-256. */
    private static String safe(String text) {
        return text.length() > LONGEST_IN_KEY || text.chars().anyMatch(Character::isISOControl) ? "#" + sha256(text) : text;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
