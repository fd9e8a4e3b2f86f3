package org.convene.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the module's action of a signed link; shows it, or consumes the token and performs it in one transaction. */
@Service
class SignedLinkActions {

    private final SignedLinks links;
    private final Map<String, SignedLinkAction> actions;

    SignedLinkActions(SignedLinks links, List<SignedLinkAction> actions) {
        this.links = links;
        this.actions = actions.stream().collect(Collectors.toMap(SignedLinkAction::action, Function.identity()));
    }

    record Shown(LinkClaims claims, LinkPage page) {
    }

    /** What the link is for; changes nothing. */
    public Shown show(String token) {
        Verification verification = links.verify(token);
        if (!verification.isValid()) {
            throw SignedLinkRefusal.of(verification.outcome());
        }
        LinkClaims claims = verification.claims();
        return new Shown(claims, actionFor(claims).describe(claims));
    }

    /** Verifies, consumes and performs in one transaction: if the action refuses or fails, the token stays unused. */
    @Transactional
    public LinkResult submit(String token, Map<String, String> form) {
        LinkClaims claims = links.consume(token);
        return actionFor(claims).perform(claims, form);
    }

    private SignedLinkAction actionFor(LinkClaims claims) {
        SignedLinkAction action = actions.get(claims.action());
        if (action == null) {
            throw new SignedLinkRefusal(404, "This link leads nowhere",
                    "Convene has nothing to do for this link. Please write to the secretariat.");
        }
        return action;
    }
}
