package org.convene;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the phases leave in the document module's tables, read back for assertions. */
public final class DocumentRows {

    public record VersionRow(int version, String body, String author) {
    }

    public record ReviewRow(int version, String kind, String decision, String comments, String reviewer) {
    }

    private final JdbcClient jdbc;

    public DocumentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of a document (rows of cv_document_version), oldest first. */
    public List<VersionRow> versions(String meetingCode, String kind, String part) {
        return jdbc.sql("""
                select v.version, v.body, v.author from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ? order by v.version""")
                .params(meetingCode, kind, part)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every review and signature of a document's versions (rows of cv_document_review), in order. */
    public List<ReviewRow> reviews(String meetingCode, String kind, String part) {
        return jdbc.sql("""
                select v.version, r.kind, r.decision, r.comments, r.reviewer from cv_document_review r
                join cv_document_version v on v.id = r.document_version_id join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ? order by r.id""")
                .params(meetingCode, kind, part)
                .query((rs, n) -> new ReviewRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    /** The id of a version, as the sign-off gets it. */
    public long versionId(String meetingCode, String kind, String part, int version) {
        return jdbc.sql("""
                select v.id from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ? and v.version = ?""")
                .params(meetingCode, kind, part, version).query(Long.class).single();
    }

    /** When a one-per-meeting document was published; empty while it is not. */
    public Optional<OffsetDateTime> publishedAt(String meetingCode, String kind) {
        return jdbc.sql("select published_at from cv_document where meeting_code = ? and kind = ? and part = ''")
                .params(meetingCode, kind).query(OffsetDateTime.class).optional();
    }
}
