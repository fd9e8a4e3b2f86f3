package org.convene.invitation;

import org.convene.workflow.ChangeRefused;

/**
 * A reply, correction or withdrawal that does not fit where the invitation stands: nothing waits
 * for it (a reply already recorded, an invitation withdrawn, a seat already given to someone else).
 * Nothing was stored; the API answers 409 with the message, the pages show it.
 */
public class InvitationConflict extends ChangeRefused {

    /** @param message what stands in the way and what staff can do, in plain words */
    public InvitationConflict(String message) {
        super("invitation", message);
    }
}
