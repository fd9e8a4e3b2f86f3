package org.convene.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.convene.document.Documents.Document;
import org.convene.document.Documents.Review;
import org.convene.document.Documents.Version;
import org.convene.workflow.ReviewDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The document module's tables: cv_document (one row per document of a meeting: kind and part),
 * cv_document_version (immutable versions, each with the SHA-256 of its body), cv_document_review
 * (append-only reviews and signatures, a signature with the SHA-256 it signed) and
 * cv_sign_off_reviewer (append-only: who was asked to sign off which version). A document's part
 * is never null in the tables: empty for a document the meeting has once. Times are stored with
 * their offset and read back in UTC.
 */
@Repository
class DocumentStore {

    private static final String DOCUMENT = "select * from cv_document where meeting_code = ? and kind = ? and part = ?";
    private static final String VERSIONS = """
            select v.* from cv_document_version v join cv_document d on d.id = v.document_id
            where d.meeting_code = ? and d.kind = ? and d.part = ?""";
    private static final String REVIEWS = """
            select v.version, r.kind, r.decision, r.comments, r.reviewer, r.reviewed_at, r.decided_by, r.sha256
            from cv_document_review r
            join cv_document_version v on v.id = r.document_version_id join cv_document d on d.id = v.document_id""";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Document> document(String meetingCode, DocumentKind kind, String part) {
        return jdbc.sql(DOCUMENT).params(meetingCode, kind.name(), part(part)).query(DocumentStore::document).optional();
    }

    Document document(long documentId) {
        return jdbc.sql("select * from cv_document where id = ?").param(documentId).query(DocumentStore::document).single();
    }

    /** The document's row, created (titled after its kind and part) when it has none yet. */
    Document ensure(String meetingCode, DocumentKind kind, String part, OffsetDateTime now) {
        return document(meetingCode, kind, part).orElseGet(() -> {
            jdbc.sql("insert into cv_document (meeting_code, kind, part, title, created_at) values (?, ?, ?, ?, ?)")
                    .params(meetingCode, kind.name(), part(part), kind.title(part(part)), now).update();
            return document(meetingCode, kind, part).orElseThrow();
        });
    }

    List<Version> versions(String meetingCode, DocumentKind kind, String part) {
        return jdbc.sql(VERSIONS + " order by v.version").params(meetingCode, kind.name(), part(part))
                .query(DocumentStore::version).list();
    }

    Optional<Version> latest(String meetingCode, DocumentKind kind, String part) {
        return jdbc.sql(VERSIONS + " order by v.version desc fetch first 1 rows only")
                .params(meetingCode, kind.name(), part(part)).query(DocumentStore::version).optional();
    }

    Version version(long versionId) {
        return jdbc.sql("select * from cv_document_version where id = ?").param(versionId)
                .query(DocumentStore::version).single();
    }

    Optional<Version> version(long documentId, int number) {
        return jdbc.sql("select * from cv_document_version where document_id = ? and version = ?").params(documentId, number)
                .query(DocumentStore::version).optional();
    }

    Version insertVersion(long documentId, String body, String author, String taskId, OffsetDateTime now) {
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from cv_document_version where document_id = ?")
                .param(documentId).query(Integer.class).single();
        jdbc.sql("""
                insert into cv_document_version (document_id, version, body, sha256, task_id, author, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(documentId, next, body, sha256(body), taskId, author, now).update();
        return jdbc.sql("select * from cv_document_version where document_id = ? and version = ?")
                .params(documentId, next).query(DocumentStore::version).single();
    }

    /**
     * Appends a review or signature. A signature (an approving sign-off) records the SHA-256 of the
     * version it signed; {@code decidedBy} is the manager who decided for the reviewer, else null.
     */
    void insertReview(long versionId, ReviewKind kind, ReviewDecision decision, String comments, String reviewer,
                      String decidedBy, String taskId, OffsetDateTime now) {
        String signed = kind == ReviewKind.SIGN_OFF && decision == ReviewDecision.APPROVE ? versionSha256(versionId) : null;
        jdbc.sql("""
                insert into cv_document_review (document_version_id, kind, decision, comments, task_id, reviewer,
                                                decided_by, sha256, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(versionId, kind.name(), decision.formValue(), comments, taskId, reviewer, decidedBy, signed, now)
                .update();
    }

    /** The SHA-256 of the version's body (64 hex digits), as written with the version. */
    String versionSha256(long versionId) {
        return jdbc.sql("select sha256 from cv_document_version where id = ?").param(versionId)
                .query(String.class).single();
    }

    /** Whether any approving signature was given on the version. */
    boolean signed(long versionId) {
        return jdbc.sql("select count(*) from cv_document_review where document_version_id = ? and kind = ? and decision = ?")
                .params(versionId, ReviewKind.SIGN_OFF.name(), ReviewDecision.APPROVE.formValue())
                .query(Integer.class).single() > 0;
    }

    /**
     * Records that {@code reviewer} was asked to sign off the version, unless they already were.
     *
     * @param replaces the reviewer they stand in for (escalation), else null
     * @param askedBy  the manager who asked them (escalation), else null
     */
    void insertAsked(long versionId, String reviewer, String replaces, String askedBy, OffsetDateTime now) {
        jdbc.sql("""
                insert into cv_sign_off_reviewer (document_version_id, reviewer, replaces, asked_by, asked_at)
                select ?, ?, ?, ?, ? from cv_document_version
                where id = ? and not exists (select 1 from cv_sign_off_reviewer where document_version_id = ? and reviewer = ?)""")
                .params(versionId, reviewer, replaces, askedBy, now, versionId, versionId, reviewer).update();
    }

    /** Who was asked to sign off the version, in the order asked: (reviewer, replaces or null). */
    List<Documents.Asked> asked(long versionId) {
        return jdbc.sql("""
                select reviewer, replaces, asked_by, asked_at from cv_sign_off_reviewer
                where document_version_id = ? order by id""")
                .param(versionId)
                .query((rs, n) -> new Documents.Asked(rs.getString("reviewer"), rs.getString("replaces"),
                        rs.getString("asked_by"), utc(rs, "asked_at")))
                .list();
    }

    /** Whether the user was asked to sign off any version of the document. */
    boolean asked(long documentId, String userId) {
        return jdbc.sql("""
                select count(*) from cv_sign_off_reviewer a join cv_document_version v on v.id = a.document_version_id
                where v.document_id = ? and a.reviewer = ?""")
                .params(documentId, userId).query(Integer.class).single() > 0;
    }

    /** The approving signatures of the version, in the order given: (reviewer, when, version, sha256, decided by). */
    List<SignatureRow> signatures(long versionId) {
        return jdbc.sql("""
                select r.reviewer, r.reviewed_at, v.version, r.sha256, r.decided_by from cv_document_review r
                join cv_document_version v on v.id = r.document_version_id
                where r.document_version_id = ? and r.kind = ? and r.decision = ? order by r.id""")
                .params(versionId, ReviewKind.SIGN_OFF.name(), ReviewDecision.APPROVE.formValue())
                .query((rs, n) -> new SignatureRow(rs.getString("reviewer"), utc(rs, "reviewed_at"), rs.getInt("version"),
                        rs.getString("sha256"), rs.getString("decided_by")))
                .list();
    }

    record SignatureRow(String reviewer, OffsetDateTime signedAt, int version, String sha256, String decidedBy) {
    }

    /** The hex SHA-256 of the text's UTF-8 bytes: 64 lower-case hex digits. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    List<Review> reviews(String meetingCode, DocumentKind kind, String part) {
        return jdbc.sql(REVIEWS + " where d.meeting_code = ? and d.kind = ? and d.part = ? order by r.id")
                .params(meetingCode, kind.name(), part(part)).query(DocumentStore::review).list();
    }

    List<Review> reviewsOfVersion(long versionId) {
        return jdbc.sql(REVIEWS + " where r.document_version_id = ? order by r.id")
                .param(versionId).query(DocumentStore::review).list();
    }

    /** The author of the latest version when that version was returned or rejected. */
    Optional<String> authorOfLatestSentBack(String meetingCode, DocumentKind kind, String part) {
        return jdbc.sql("""
                select v.author from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ?
                  and v.version = (select max(v2.version) from cv_document_version v2 where v2.document_id = d.id)
                  and exists (select 1 from cv_document_review r where r.document_version_id = v.id
                              and r.decision in (?, ?))""")
                .params(meetingCode, kind.name(), part(part), ReviewDecision.RETURN.formValue(),
                        ReviewDecision.REJECT.formValue())
                .query(String.class).optional();
    }

    void commission(long documentId, String authorName, String brief, LocalDate dueDate) {
        jdbc.sql("update cv_document set author_name = ?, brief = ?, due_date = ? where id = ?")
                .params(authorName, brief, dueDate, documentId).update();
    }

    void circulate(long documentId, OffsetDateTime now) {
        jdbc.sql("update cv_document set circulated_at = ? where id = ?").params(now, documentId).update();
    }

    /** Marks the document published unless it already is; true when this call did. */
    boolean publish(long documentId, OffsetDateTime now) {
        return jdbc.sql("update cv_document set published_at = ? where id = ? and published_at is null")
                .params(now, documentId).update() == 1;
    }

    /** Every version of every document of the meeting, in the order they were submitted. */
    List<Documents.Submission> submissions(String meetingCode) {
        return jdbc.sql("""
                select d.title, v.version, v.author, v.created_at from cv_document_version v
                join cv_document d on d.id = v.document_id
                where d.meeting_code = ? order by v.id""")
                .param(meetingCode)
                .query((rs, n) -> new Documents.Submission(rs.getString("title"), rs.getInt("version"),
                        rs.getString("author"), utc(rs, "created_at")))
                .list();
    }

    /** Every review and signature of every version of the meeting's documents, in the order they were made. */
    List<Documents.Decision> decisions(String meetingCode) {
        return jdbc.sql("""
                select d.title, v.version, r.kind, r.decision, r.comments, r.reviewer, r.reviewed_at
                from cv_document_review r
                join cv_document_version v on v.id = r.document_version_id
                join cv_document d on d.id = v.document_id
                where d.meeting_code = ? order by r.id""")
                .param(meetingCode)
                .query((rs, n) -> new Documents.Decision(rs.getString("title"), rs.getInt("version"), rs.getString("kind"),
                        rs.getString("decision"), rs.getString("comments"), rs.getString("reviewer"),
                        utc(rs, "reviewed_at")))
                .list();
    }

    Optional<Document> findDocument(long documentId) {
        return jdbc.sql("select * from cv_document where id = ?").param(documentId).query(DocumentStore::document).optional();
    }

    List<Document> documents(String meetingCode) {
        return jdbc.sql("select * from cv_document where meeting_code = ? order by id").param(meetingCode)
                .query(DocumentStore::document).list();
    }

    int latestNumber(long documentId) {
        return jdbc.sql("select coalesce(max(version), 0) from cv_document_version where document_id = ?").param(documentId)
                .query(Integer.class).single();
    }

    List<Version> versions(long documentId) {
        return jdbc.sql("select * from cv_document_version where document_id = ? order by version").param(documentId)
                .query(DocumentStore::version).list();
    }

    static String part(String part) {
        return part == null ? "" : part;
    }

    private static Document document(ResultSet rs, int n) throws SQLException {
        return new Document(rs.getLong("id"), rs.getString("meeting_code"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("part"), rs.getString("title"), rs.getString("author_name"), rs.getString("brief"),
                rs.getObject("due_date", LocalDate.class), utc(rs, "circulated_at"), utc(rs, "published_at"));
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("version"), rs.getString("body"),
                rs.getString("author"), utc(rs, "created_at"));
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getInt("version"), ReviewKind.valueOf(rs.getString("kind")),
                ReviewDecision.ofFormValue(rs.getString("decision")).orElseThrow(), rs.getString("comments"),
                rs.getString("reviewer"), utc(rs, "reviewed_at"), rs.getString("decided_by"));
    }

    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
