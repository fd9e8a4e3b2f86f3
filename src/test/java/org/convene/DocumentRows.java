package org.convene;

import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    private final JdbcClient jdbc;

    /** The rows of the document module, read through its public API. */
    public DocumentRows(Documents documents) {
        this.documents = documents;
        this.jdbc = null;
    }

    /**
     * @deprecated reads the document module's tables; use {@link #DocumentRows(Documents)} (or
     * {@link Documents} itself). Kept until the meeting module's tests have switched.
     */
    @Deprecated(forRemoval = true)
    public DocumentRows(JdbcClient jdbc) {
        this.documents = null;
        this.jdbc = jdbc;
    }

    /** Every version of a document, oldest first. */
    public List<VersionRow> versions(String meetingCode, String kind, String part) {
        if (documents == null) {
            return jdbc.sql("""
                    select v.version, v.body, v.author from cv_document_version v join cv_document d on d.id = v.document_id
                    where d.meeting_code = ? and d.kind = ? and d.part = ? order by v.version""")
                    .params(meetingCode, kind, part)
                    .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        }
        return documents.versions(meetingCode, DocumentKind.valueOf(kind), part).stream()
                .map(v -> new VersionRow(v.version(), v.body(), v.author())).toList();
    }

    /** Every review and signature of a document's versions, in order; kind and decision as stored. */
    public List<ReviewRow> reviews(String meetingCode, String kind, String part) {
        if (documents == null) {
            return jdbc.sql("""
                    select v.version, r.kind, r.decision, r.comments, r.reviewer from cv_document_review r
                    join cv_document_version v on v.id = r.document_version_id join cv_document d on d.id = v.document_id
                    where d.meeting_code = ? and d.kind = ? and d.part = ? order by r.id""")
                    .params(meetingCode, kind, part)
                    .query((rs, n) -> new ReviewRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))).list();
        }
        return documents.reviews(meetingCode, DocumentKind.valueOf(kind), part).stream()
                .map(r -> new ReviewRow(r.version(), r.kind().name(), r.decision().formValue(), r.comments(), r.reviewer()))
                .toList();
    }
}
