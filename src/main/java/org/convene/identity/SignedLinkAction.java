package org.convene.identity;

import java.util.Map;

/**
 * What a signed link does, provided by the module that owns it (a Spring bean), so that identity
 * checks links without depending on the modules that use them. The page at {@code /links/{token}}
 * finds the action named in the token's claims.
 *
 * <p>{@link #describe} shows what the link is for and must change nothing (mail scanners open
 * links). {@link #perform} runs in the transaction that consumes the token: throwing (a
 * {@link SignedLinkRefusal} for a clear page) rolls back, and the token stays unused.
 */
public interface SignedLinkAction {

    /** The action's name as it is signed into its links, e.g. "invitation-reply". */
    String action();

    /** The page that shows what the link is for and the choices; changes nothing. */
    LinkPage describe(LinkClaims claims);

    /** Does it, with the fields the invitee submitted (untrusted: check them). */
    LinkResult perform(LinkClaims claims, Map<String, String> form);
}
