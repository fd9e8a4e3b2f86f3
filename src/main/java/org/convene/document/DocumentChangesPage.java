package org.convene.document;

import java.util.List;
import java.util.Optional;
import org.convene.identity.ConveneGroups;
import org.convene.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /documents/{id}/versions/{n}/changes[?from=m]}: what changed in a document from version
 * m to version n, paragraph by paragraph and word by word ({@link VersionChanges}). Without
 * {@code from}: the highest version below n that the signed-in user decided on (a review or a
 * signature in cv_document_review), else n − 1; version 1 has nothing before it and says so.
 * Readable, like the version's page, by convener-staff, managers, administrators and the
 * document's reviewers ({@link SignOff#asked}); anyone else gets 403. An unknown document or
 * version, or a {@code from} that is no version of it: 404; a {@code from} or an address part that
 * is not a whole number: 400 (PageInputErrors). Linked from "Sign off draft" and the review tasks.
 */
@Controller
class DocumentChangesPage {

    private static final List<String> READERS = List.of(ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.ADMINS);

    private final DocumentStore store;
    private final VersionChanges changes;
    private final SignOff signOff;
    private final SignedInUser user;
    private final JdbcClient jdbc;

    DocumentChangesPage(DocumentStore store, VersionChanges changes, SignOff signOff, SignedInUser user, JdbcClient jdbc) {
        this.store = store;
        this.changes = changes;
        this.signOff = signOff;
        this.user = user;
        this.jdbc = jdbc;
    }

    @GetMapping("/documents/{id}/versions/{n}/changes")
    ModelAndView show(@PathVariable long id, @PathVariable int n, @RequestParam(required = false) Integer from) {
        Documents.Document document = document(id).orElse(null);
        if (document == null) {
            return notFound("There is no document " + id + ".");
        }
        if (READERS.stream().noneMatch(user::inGroup) && !signOff.asked(id, user.id())) {
            throw new AccessDeniedException("Not a reader of document " + id);
        }
        List<Documents.Version> versions = store.versions(document.meetingCode(), document.kind(), document.part());
        if (n < 1 || n > versions.size()) {
            return notFound(document.title() + " has versions 1 to " + versions.size() + "; there is no version " + n + ".");
        }
        if (from != null && (from < 1 || from > versions.size())) {
            return notFound(document.title() + " has versions 1 to " + versions.size() + "; there is no version " + from + ".");
        }
        int since = from != null ? from : defaultFrom(id, n, user.id());
        ModelAndView page = new ModelAndView("documents/changes");
        page.addObject("document", document);
        page.addObject("to", n);
        page.addObject("from", since);
        page.addObject("latest", versions.size());
        page.addObject("chosenByDefault", from == null);
        if (since >= 1) {
            List<VersionChanges.Paragraph> paragraphs = changes.paragraphs(versions.get(since - 1).body(),
                    versions.get(n - 1).body());
            page.addObject("changed", VersionChanges.changed(paragraphs));
            page.addObject("runs", VersionChanges.runs(paragraphs));
        }
        return page;
    }

    /**
     * The version a reader compares version {@code to} with by default: the highest below it that
     * the user reviewed or signed (either decision), else the one before it; 0 for the first.
     */
    int defaultFrom(long documentId, int to, String userId) {
        return jdbc.sql("""
                select max(v.version) from cv_document_review r join cv_document_version v on v.id = r.document_version_id
                where v.document_id = ? and r.reviewer = ? and v.version < ?""")
                .params(documentId, userId, to)
                .query((rs, row) -> (Integer) rs.getObject(1)).list().stream().filter(v -> v != null).findFirst()
                .orElse(to - 1);
    }

    private Optional<Documents.Document> document(long id) {
        return jdbc.sql("select count(*) from cv_document where id = ?").param(id).query(Integer.class).single() == 0
                ? Optional.empty() : Optional.of(store.document(id));
    }

    private static ModelAndView notFound(String message) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("message", message);
        return page;
    }
}
