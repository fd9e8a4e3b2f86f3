package org.convene.identity;

import java.util.Map;
import java.util.Optional;

/**
 * What a signed link does, provided by the module that owns it (a Spring bean), so that identity
 * checks links without depending on the modules that use them. The page at {@code /links/{token}}
 * finds the action named in the token's claims.
 *
 * <p>{@link #describe} shows what the link is for and must change nothing (mail scanners open
 * links). {@link #perform} runs in the transaction that consumes the token: throwing (a
 * {@link SignedLinkRefusal} for a clear page) rolls back, and the token stays unused.
 * {@link #recorded} tells what was already recorded for the link's subject: a link opened or
 * sent again shows that instead of the form (or of a "link used" error), and records nothing.
 */
public interface SignedLinkAction {

    /** The action's name as it is signed into its links, e.g. "invitation-reply". */
    String action();

    /** The page that shows what the link is for and the choices; changes nothing. */
    LinkPage describe(LinkClaims claims);

    /** Does it, with the fields the invitee submitted (untrusted: check them). */
    LinkResult perform(LinkClaims claims, Map<String, String> form);

    /**
     * What is already recorded for this link's subject (by this link, or otherwise), and when; empty
     * while the link's action is still to be done. Changes nothing. Asked for a valid, used or
     * expired link (never a tampered one).
     */
    default Optional<LinkResult> recorded(LinkClaims claims) {
        return Optional.empty();
    }
}
