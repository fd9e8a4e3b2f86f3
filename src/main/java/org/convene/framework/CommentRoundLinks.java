package org.convene.framework;

import org.convene.identity.LinkClaims;
import org.convene.identity.SignedLinkRefusal;
import org.convene.identity.SignedLinks;
import org.convene.identity.Verification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The participants' links to the comment page, signed by the identity module's {@link SignedLinks}
 * (HMAC-SHA256, single use): action {@value #ACTION}, the meeting's code, subject
 * {@code <roundId>-<participantId>}, valid until the round's deadline. The page is
 * {@code /links/comments/<token>} under {@code convene.public-url}, in the signed links' open
 * security chain (no login; CSRF on).
 */
@Component
class CommentRoundLinks {

    static final String ACTION = "conclusions-comments";
    static final String PATH = "/links/comments/";

    /** A comment link whose signature is good: its round and participant, and whether it is still unused and unexpired. */
    record Checked(LinkClaims claims, long roundId, long participantId, Verification.Outcome outcome) {
    }

    private final SignedLinks links;
    private final String publicUrl;

    CommentRoundLinks(SignedLinks links, @Value("${convene.public-url:http://localhost:8080}") String publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The whole address of one participant's comment page in this round; each call signs a new token. */
    String issue(CommentRound.Round round, long participantId) {
        return publicUrl + PATH + links.issue(ACTION, round.meetingCode(), round.id() + "-" + participantId, round.deadline());
    }

    /**
     * Checks the token's signature and reads it; changes nothing.
     *
     * @throws SignedLinkRefusal 400 for a token that was changed, cut or forged, or that is no comment link
     */
    Checked check(String token) {
        Verification verification = links.verify(token);
        LinkClaims claims = verification.claims();
        if (verification.outcome() == Verification.Outcome.TAMPERED || !ACTION.equals(claims.action())
                || !claims.subjectId().matches("\\d{1,18}-\\d{1,18}")) {
            throw new SignedLinkRefusal(400, Verification.Outcome.TAMPERED.title(),
                    Verification.Outcome.TAMPERED.message() + " Nothing was recorded.");
        }
        String[] ids = claims.subjectId().split("-");
        return new Checked(claims, Long.parseLong(ids[0]), Long.parseLong(ids[1]), verification.outcome());
    }

    /**
     * Marks the token used in the caller's transaction (rolled back with it).
     *
     * @throws SignedLinkRefusal when it was used or expired meanwhile
     */
    void consume(String token) {
        links.consume(token);
    }
}
