package org.convene.identity;

import java.time.Instant;

/**
 * What a signed link says, once its signature is checked: one action, for one meeting and one
 * invitee (the subject: an id the action's module understands), until an expiry. The token id
 * is random and makes the link single-use.
 */
public record LinkClaims(String tokenId, String action, String meetingCode, String subjectId, Instant expiresAt) {
}
