package org.convene.document;

import java.util.List;
import org.convene.identity.UserDirectory;
import org.convene.workflow.Downloads;
import org.convene.workflow.MeetingHeadings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A document version's page (rendered text, title, version, status, who wrote it when, its reviews
 * and signatures, links to its PDF, DOCX and the other versions), its PDF and DOCX, and a
 * meeting's documents with their versions. Readable by convener staff, managers and
 * administrators, and by the reviewers asked to sign the document off ({@link DocumentAccess},
 * checked here as well as by the page chain); others get the 403 page, an unknown meeting,
 * document or version the 404 page.
 */
@Controller
class DocumentPages {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** A version, with what its page and the list of versions show. */
    record VersionRow(Documents.Version version, VersionStatus status, String authorName) {
    }

    /** A decision on a version with the reviewer's name. */
    record ReviewRow(Documents.Review review, String reviewerName) {
    }

    /** A document of a meeting with its versions, oldest first. */
    record DocumentRow(Documents.Document document, List<VersionRow> versions) {
    }

    private final Documents documents;
    private final DocumentVersions statuses;
    private final DocumentAccess access;
    private final DocumentPrints prints;
    private final SignOff signOff;
    private final UserDirectory users;

    DocumentPages(Documents documents, DocumentVersions statuses, DocumentAccess access, DocumentPrints prints,
                  SignOff signOff, UserDirectory users) {
        this.documents = documents;
        this.statuses = statuses;
        this.access = access;
        this.prints = prints;
        this.signOff = signOff;
        this.users = users;
    }

    @GetMapping("/documents/{id}/versions/{n}")
    String version(@PathVariable long id, @PathVariable int n, Model model) {
        Documents.Document document = readable(id);
        Documents.Version version = version(document, n);
        List<VersionRow> versions = documents.versions(id).stream().map(this::row).toList();
        model.addAttribute("document", document);
        model.addAttribute("current", versions.stream().filter(row -> row.version().version() == n).findFirst().orElseThrow());
        model.addAttribute("versions", versions);
        model.addAttribute("reviews", documents.reviewsOf(version.id()).stream()
                .map(review -> new ReviewRow(review, name(review.reviewer()))).toList());
        model.addAttribute("signatures", signOff.signatures(version.id()));
        return "documents/version";
    }

    @GetMapping("/documents/{id}/versions/{n}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int n) {
        Documents.Document document = readable(id);
        Documents.Version version = version(document, n);
        return Downloads.attachment(prints.fileName(document, version) + ".pdf", MediaType.APPLICATION_PDF,
                prints.pdf(document, version));
    }

    @GetMapping("/documents/{id}/versions/{n}.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, @PathVariable int n) {
        Documents.Document document = readable(id);
        Documents.Version version = version(document, n);
        return Downloads.attachment(prints.fileName(document, version) + ".docx", DOCX, prints.docx(document, version));
    }

    @GetMapping("/meetings/{code}/documents")
    String meeting(@PathVariable String code, Model model) {
        model.addAttribute("meeting", prints.meeting(code)
                .orElseThrow(() -> new DocumentNotFoundException(MeetingHeadings.notFound(code))));
        List<DocumentRow> rows = documents.ofMeeting(code).stream()
                .filter(document -> access.mayRead(document.id()))
                .map(document -> new DocumentRow(document, documents.versions(document.id()).stream().map(this::row).toList()))
                .toList();
        if (rows.isEmpty() && !access.readsEveryDocument()) {
            throw new AccessDeniedException("You were asked to sign off none of this meeting's documents.");
        }
        model.addAttribute("documents", rows);
        return "documents/list";
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(DocumentNotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error/404";
    }

    private Documents.Document readable(long id) {
        Documents.Document document = documents.document(id)
                .orElseThrow(() -> new DocumentNotFoundException("There is no document " + id + "."));
        access.checkRead(id);
        return document;
    }

    private Documents.Version version(Documents.Document document, int n) {
        return documents.version(document.id(), n).orElseThrow(() -> new DocumentNotFoundException(
                document.title() + " of " + document.meetingCode() + " has no version " + n + "."));
    }

    private VersionRow row(Documents.Version version) {
        return new VersionRow(version, statuses.status(version), name(version.author()));
    }

    private String name(String userId) {
        return userId == null ? "the system" : users.find(userId).map(UserDirectory.Person::name).orElse(userId);
    }


    /** An unknown meeting, document or version: the 404 page with this message. */
    static class DocumentNotFoundException extends RuntimeException {
        DocumentNotFoundException(String message) {
            super(message);
        }
    }
}
