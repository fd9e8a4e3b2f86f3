package org.convene.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** What the link is for (its form), or what is already recorded for it (then {@code page} is null). */
    record Shown(LinkClaims claims, LinkPage page, LinkResult recorded) {
    }

    /**
     * What the link is for; or, when its action already recorded something (this link was used, or
     * the subject was answered otherwise), what and when. Changes nothing.
     */
    public Shown show(String token) {
        Verification verification = links.verify(token);
        Optional<LinkResult> recorded = recorded(verification);
        if (recorded.isPresent()) {
            return new Shown(verification.claims(), null, recorded.get());
        }
        if (!verification.isValid()) {
            throw SignedLinkRefusal.of(verification.outcome());
        }
        LinkClaims claims = verification.claims();
        return new Shown(claims, actionFor(claims).describe(claims), null);
    }

    /**
     * Verifies, consumes and performs in one transaction: if the action refuses or fails, the token
     * stays unused. A link whose action already recorded something records nothing again and gets
     * what was recorded (a second click, a form sent twice).
     */
    @Transactional
    public LinkResult submit(String token, Map<String, String> form) {
        Optional<LinkResult> recorded = recorded(links.verify(token));
        if (recorded.isPresent()) {
            return recorded.get();
        }
        LinkClaims claims = links.consume(token);
        return actionFor(claims).perform(claims, form);
    }

    private Optional<LinkResult> recorded(Verification verification) {
        if (verification.claims() == null || verification.outcome() == Verification.Outcome.TAMPERED) {
            return Optional.empty();
        }
        SignedLinkAction action = actions.get(verification.claims().action());
        return action == null ? Optional.empty() : action.recorded(verification.claims());
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
