package org.convene.document;

import org.convene.identity.ConveneGroups;
import org.convene.identity.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reads a document's versions (page, PDF, DOCX, what changed): convener staff, managers and
 * administrators read every document; anyone else only the documents they were asked to sign off
 * (a reviewer, a replaced reviewer included). The page chain lets the reading groups through to
 * /documents/**; the pages check the rest here, so a reviewer asked about one document does not
 * read another.
 */
@Component
public class DocumentAccess {

    private final SignedInUser user;
    private final SignOff signOff;

    DocumentAccess(SignedInUser user, SignOff signOff) {
        this.user = user;
        this.signOff = signOff;
    }

    /** True for convener staff, managers and administrators, who read every document of every meeting. */
    public boolean readsEveryDocument() {
        return user.inGroup(ConveneGroups.STAFF) || user.inGroup(ConveneGroups.MANAGERS) || user.inGroup(ConveneGroups.ADMINS);
    }

    /** Whether the signed-in user may read the document's versions. */
    public boolean mayRead(long documentId) {
        return readsEveryDocument() || signOff.asked(documentId, user.id());
    }

    /**
     * Refuses the request unless the signed-in user may read the document; Spring Security answers
     * with the 403 page.
     *
     * @throws AccessDeniedException when they may not
     */
    public void checkRead(long documentId) {
        if (!mayRead(documentId)) {
            throw new AccessDeniedException("A document's versions are open to convener staff, managers, administrators "
                    + "and the reviewers asked to sign it off.");
        }
    }
}
