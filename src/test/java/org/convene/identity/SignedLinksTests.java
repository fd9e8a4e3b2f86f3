package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The signed-link token service: signature, expiry and single use, on the real database. */
@ConveneIntegrationTest
class SignedLinksTests {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Autowired SignedLinks links;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    final String meeting = TestMeetings.newCode("SL");

    @Test
    void shouldReadBackWhatWasSigned() {
        Instant before = Instant.now();
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(3));

        Verification verification = links.verify(token);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);
        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.VALID);
        LinkClaims claims = verification.claims();
        assertThat(claims.action()).isEqualTo("invitation-reply");
        assertThat(claims.meetingCode()).isEqualTo(meeting);
        assertThat(claims.subjectId()).isEqualTo("42");
        assertThat(claims.expiresAt()).isBetween(before.plus(Duration.ofDays(3)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(3)));
        assertThat(claims.tokenId()).hasSize(22);
        assertThat(links.verify(links.issue("invitation-reply", meeting, "42", Duration.ofDays(3))).claims().tokenId())
                .as("every token has its own random id").isNotEqualTo(claims.tokenId());
    }

    @Test
    void shouldCallATokenWithAnyOneCharacterChangedTampered() {
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(3));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            int index = ALPHABET.indexOf(token.charAt(i));
            // the next character, and one differing in the lowest bit only (base64's unused bits at the end)
            for (char replacement : index < 0 ? new char[] {'A', '-'}
                    : new char[] {ALPHABET.charAt((index + 1) % 64), ALPHABET.charAt(index ^ 1), '.'}) {
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                Verification verification = links.verify(changed);
                if (verification.outcome() != Verification.Outcome.TAMPERED || verification.claims() != null) {
                    accepted.add(i + ":" + replacement);
                }
            }
        }
        assertThat(accepted).as("changed tokens not refused as TAMPERED").isEmpty();

        String other = links.issue("invitation-reply", meeting, "43", Duration.ofDays(3));
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        for (String malformed : new String[] {null, "", ".", "abc", payload, payload + ".", "." + signature,
                token + "A", token.substring(0, token.length() - 1), token + "." + signature, token + "=",
                payload + "." + other.substring(other.indexOf('.') + 1), token.replace('.', '!'), " " + token}) {
            assertThat(links.verify(malformed).outcome()).as(String.valueOf(malformed))
                    .isEqualTo(Verification.Outcome.TAMPERED);
        }
        assertThat(links.verify(token).isValid()).isTrue();
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofSeconds(-1));
        String yesterday = links.issue("invitation-reply", meeting, "42", Instant.now().minus(1, ChronoUnit.DAYS));

        assertThat(links.verify(token).outcome()).isEqualTo(Verification.Outcome.EXPIRED);
        assertThat(links.verify(yesterday).outcome()).isEqualTo(Verification.Outcome.EXPIRED);
        assertThat(links.verify(token).claims().subjectId()).as("the signature was good").isEqualTo("42");
        assertThatThrownBy(() -> links.consume(token)).isInstanceOfSatisfying(SignedLinkRefusal.class,
                refusal -> assertThat(refusal.status()).isEqualTo(410));
        assertThat(uses(token)).isZero();
    }

    @Test
    void shouldRefuseASecondUse() {
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(1));

        LinkClaims claims = links.consume(token);

        assertThat(claims.subjectId()).isEqualTo("42");
        assertThat(links.verify(token).outcome()).isEqualTo(Verification.Outcome.USED);
        assertThatThrownBy(() -> links.consume(token)).isInstanceOfSatisfying(SignedLinkRefusal.class,
                refusal -> assertThat(refusal.status()).isEqualTo(409));
        assertThat(uses(token)).isEqualTo(1);
    }

    @Test
    void shouldLeaveTheTokenUnusedWhenTheConsumingTransactionRollsBack() {
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(1));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            links.consume(token);
            status.setRollbackOnly();
        });

        assertThat(links.verify(token).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(uses(token)).isZero();
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentUsesWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(1));
            CyclicBarrier bothReady = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                        try {
                            bothReady.await(10, TimeUnit.SECONDS);
                            links.consume(token);
                            Thread.sleep(300); // hold the winning transaction open while the other one tries
                            return "won";
                        } catch (SignedLinkRefusal refusal) {
                            status.setRollbackOnly();
                            return "refused " + refusal.status();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).containsExactlyInAnyOrder("won", "refused 409");
                assertThat(uses(token)).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldShareTheStoredKeyBetweenNodesAndTakeAConfiguredSecretInstead() {
        String token = links.issue("invitation-reply", meeting, "42", Duration.ofDays(1));

        SignedLinks anotherNode = new SignedLinks(new SignedLinkKey(jdbc, transactions, ""), jdbc);
        assertThat(anotherNode.verify(token).isValid()).as("a second node reads the key the first one stored").isTrue();
        assertThat(jdbc.sql("select count(*) from cv_signed_link_key").query(Long.class).single()).isEqualTo(1);

        SignedLinks configured = new SignedLinks(new SignedLinkKey(jdbc, transactions, "x".repeat(40)), jdbc);
        assertThat(configured.verify(token).outcome()).isEqualTo(Verification.Outcome.TAMPERED);
        assertThat(configured.verify(configured.issue("a", meeting, "1", Duration.ofHours(1))).isValid()).isTrue();
        assertThat(links.verify(configured.issue("a", meeting, "1", Duration.ofHours(1))).outcome())
                .isEqualTo(Verification.Outcome.TAMPERED);
        assertThatThrownBy(() -> new SignedLinkKey(jdbc, transactions, "too-short-a-secret"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    }

    @Test
    void shouldRefuseClaimsThatCannotBeSignedUnambiguously() {
        assertThatThrownBy(() -> links.issue("invitation-reply", meeting, "4|2", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.issue("", meeting, "42", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long uses(String token) {
        String id = links.verify(token).claims().tokenId();
        return jdbc.sql("select count(*) from cv_signed_link_use where token_id = ?").param(id).query(Long.class).single();
    }
}
