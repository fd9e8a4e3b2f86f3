package org.convene.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed links for people without a login (invitees): a token bound to one action, one meeting
 * and one subject (the invitee), with an expiry and a random id, signed with HMAC-SHA256
 * ({@link SignedLinkKey}).
 *
 * <p>A token is {@code base64url(payload) "." base64url(hmac(base64url(payload)))}, without
 * padding; the payload is {@code 1|action|meetingCode|subjectId|expiresAtEpochSecond|tokenId}.
 * The signature covers the encoded payload exactly as it travels, and is compared as encoded
 * text in constant time, so one changed character anywhere makes the token TAMPERED (decoding
 * first would let a changed last character that only touches base64's unused bits through).
 *
 * <p>Single use: {@link #consume} inserts the token id into cv_signed_link_use, whose primary
 * key decides between two concurrent uses; the transaction that consumes is the one that acts,
 * so if the action fails the token stays unused.
 */
@Service
public class SignedLinks {

    static final String VERSION = "1";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignedLinkKey key;
    private final JdbcClient jdbc;

    SignedLinks(SignedLinkKey key, JdbcClient jdbc) {
        this.key = key;
        this.jdbc = jdbc;
    }

    /** A token for this action, meeting and subject, valid for that long from now. */
    public String issue(String action, String meetingCode, String subjectId, Duration validFor) {
        return issue(action, meetingCode, subjectId, Instant.now().plus(validFor));
    }

    /** A token for this action, meeting and subject, valid until then (a time already past gives an expired token). */
    public String issue(String action, String meetingCode, String subjectId, Instant expiresAt) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = String.join("|", VERSION, field(action), field(meetingCode), field(subjectId),
                Long.toString(expiresAt.getEpochSecond()), ENCODER.encodeToString(id));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + signature(encoded);
    }

    /** Checks signature, expiry and use; changes nothing. */
    public Verification verify(String token) {
        Verification signed = checkSignature(token);
        if (!signed.isValid()) {
            return signed;
        }
        LinkClaims claims = signed.claims();
        if (!Instant.now().isBefore(claims.expiresAt())) {
            return new Verification(Verification.Outcome.EXPIRED, claims);
        }
        if (used(claims.tokenId())) {
            return new Verification(Verification.Outcome.USED, claims);
        }
        return signed;
    }

    /**
     * Verifies the token and marks it used, in the caller's transaction: roll it back and the token
     * is unused again. Of two concurrent uses exactly one gets the claims; the other waits for the
     * first to commit and is refused as USED.
     *
     * @throws SignedLinkRefusal for a TAMPERED, EXPIRED or USED token
     */
    @Transactional
    public LinkClaims consume(String token) {
        Verification verification = verify(token);
        if (!verification.isValid()) {
            throw SignedLinkRefusal.of(verification.outcome());
        }
        LinkClaims claims = verification.claims();
        try {
            jdbc.sql("""
                    insert into cv_signed_link_use (token_id, action, meeting_code, subject_id, expires_at, used_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(claims.tokenId(), claims.action(), claims.meetingCode(), claims.subjectId(),
                            OffsetDateTime.ofInstant(claims.expiresAt(), ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException usedMeanwhile) {
            throw SignedLinkRefusal.of(Verification.Outcome.USED);
        }
        return claims;
    }

    private boolean used(String tokenId) {
        return jdbc.sql("select count(*) from cv_signed_link_use where token_id = ?").param(tokenId)
                .query(Long.class).single() > 0;
    }

    private Verification checkSignature(String token) {
        if (token == null || token.length() > 1000 || !TOKEN.matcher(token).matches()) {
            return Verification.tampered();
        }
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        byte[] expected = signature(encoded).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Verification.tampered();
        }
        try {
            String[] fields = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (fields.length != 6 || !VERSION.equals(fields[0])) {
                return Verification.tampered();
            }
            return new Verification(Verification.Outcome.VALID, new LinkClaims(fields[5], fields[1], fields[2],
                    fields[3], Instant.ofEpochSecond(Long.parseLong(fields[4]))));
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Verification.tampered();
        }
    }

    private String signature(String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(SignedLinkKey.ALGORITHM);
            mac.init(key.get());
            return ENCODER.encodeToString(mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String field(String value) {
        if (value == null || value.isEmpty() || value.contains("|") || value.length() > 64) {
            throw new IllegalArgumentException("A signed link's action, meeting code and subject must be 1 to 64 "
                    + "characters without '|': " + value);
        }
        return value;
    }
}
