package org.convene;

import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;

/**
 * What the phases leave in the document module, read back through its public API
 * ({@link Documents}) for assertions: {@code assertThat(documents.reviews(code, kind, ""))
 * .extracting(DocumentRows::review).containsExactly(tuple(1, SIGN_OFF, APPROVE, null, "ravi"))}.
 */
public final class DocumentRows {

    /** A version as the tests compare it: (version, body, author). */
    public static Tuple version(Documents.Version version) {
        return tuple(version.version(), version.body(), version.author());
    }

    /** A review or signature as the tests compare it: (version, kind, decision, comments, reviewer). */
    public static Tuple review(Documents.Review review) {
        return tuple(review.version(), review.kind(), review.decision(), review.comments(), review.reviewer());
    }

    public record VersionRow(int version, String body, String author) {
    }

    public record ReviewRow(int version, String kind, String decision, String comments, String reviewer) {
    }

    private final Documents documents;

    /** The rows of the document module, read through its public API. */
    public DocumentRows(Documents documents) {
        this.documents = documents;
    }

    /** Every version of a document, oldest first. */
    public List<VersionRow> versions(String meetingCode, String kind, String part) {
        return documents.versions(meetingCode, DocumentKind.valueOf(kind), part).stream()
                .map(v -> new VersionRow(v.version(), v.body(), v.author())).toList();
    }

    /** Every review and signature of a document's versions, in order; kind and decision as stored. */
    public List<ReviewRow> reviews(String meetingCode, String kind, String part) {
        return documents.reviews(meetingCode, DocumentKind.valueOf(kind), part).stream()
                .map(r -> new ReviewRow(r.version(), r.kind().name(), r.decision().formValue(), r.comments(), r.reviewer()))
                .toList();
    }
}
