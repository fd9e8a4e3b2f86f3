package org.convene.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HMAC-SHA256 key of signed links. From {@code convene.links.secret} (env
 * CONVENE_LINK_SECRET, at least 32 characters) when set; else generated once (32 random bytes)
 * and kept in cv_signed_link_key, so that every node of a cluster signs and checks with the same
 * key. Nodes that start together may both generate one: the table's primary key keeps the first,
 * the other node reads it. Changing the key invalidates every link already sent.
 */
@Component
class SignedLinkKey {

    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_SECRET_LENGTH = 32;
    private static final String NAME = "signed-links";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String configured;
    private volatile SecretKeySpec key;

    SignedLinkKey(JdbcClient jdbc, PlatformTransactionManager transactions,
                  @Value("${convene.links.secret:}") String configured) {
        this.jdbc = jdbc;
        // generating and storing runs on its own: a duplicate key must not spoil the caller's transaction
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.configured = configured == null ? "" : configured.strip();
        if (!this.configured.isEmpty() && this.configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("convene.links.secret (CONVENE_LINK_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters; leave it unset to have Convene generate and store one");
        }
    }

    SecretKeySpec get() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(configured.isEmpty() ? stored() : configured.getBytes(StandardCharsets.UTF_8),
                            ALGORITHM);
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] stored() {
        byte[] secret = ownTransaction.execute(status -> read().orElseGet(() -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            try {
                jdbc.sql("insert into cv_signed_link_key (name, secret, created_at) values (?, ?, ?)")
                        .params(NAME, Base64.getEncoder().encodeToString(generated), OffsetDateTime.now(ZoneOffset.UTC))
                        .update();
                return generated;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                status.setRollbackOnly();
                return null;
            }
        }));
        return secret != null ? secret : ownTransaction.execute(status -> read().orElseThrow());
    }

    private Optional<byte[]> read() {
        return jdbc.sql("select secret from cv_signed_link_key where name = ?").param(NAME).query(String.class)
                .optional().map(Base64.getDecoder()::decode);
    }
}
