package org.convene.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.identity.UserDirectory;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The drafts of a meeting. Each submission of a drafting task is a new immutable version;
 * each review or approval is recorded against the version it judged. The processes reach
 * this bean from their BPMN (input parameters and complete listeners).
 */
@Component("documents")
public class Documents {

    public record Version(long id, long documentId, int version, String body, String author, OffsetDateTime createdAt) {
    }

    /** Who submitted which version of which document, and when (UTC); the text stays here. */
    public record Submission(String title, int version, String author, OffsetDateTime submittedAt) {
    }

    /**
     * A decision on one version of a document: {@code kind} REVIEW (approve or return) or SIGN_OFF
     * (approve or reject), with the reviewer's comments; the time in UTC.
     */
    public record Decision(String title, int version, String kind, String decision, String comments, String reviewer,
                           OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;

    Documents(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public String title(String meetingCode, String kind, String part) {
        return DocumentKind.valueOf(kind).title(part);
    }

    public String latestText(String meetingCode, String kind, String part) {
        return latest(meetingCode, kind, part).map(Version::body).orElse("");
    }

    public Long latestVersionId(String meetingCode, String kind, String part) {
        return latest(meetingCode, kind, part).map(Version::id)
                .orElseThrow(() -> new IllegalStateException("No draft of " + kind + " " + part + " for " + meetingCode));
    }

    public Optional<Version> latest(String meetingCode, String kind, String part) {
        return jdbc.sql("""
                select v.* from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ?
                order by v.version desc fetch first 1 rows only""")
                .params(meetingCode, kind, part == null ? "" : part)
                .query(Documents::version).optional();
    }

    public Version version(long versionId) {
        return jdbc.sql("select * from cv_document_version where id = ?").param(versionId).query(Documents::version).single();
    }

    public String versionText(Long versionId) {
        return version(versionId).body();
    }

    public String versionTitle(Long versionId) {
        Version version = version(versionId);
        Map<String, Object> doc = jdbc.sql("select title from cv_document where id = ?").param(version.documentId())
                .query().singleRow();
        return doc.get("title") + " (version " + version.version() + ")";
    }

    /** Comments of the last review or sign-off round of the latest version, when it was sent back. */
    public String lastComments(String meetingCode, String kind, String part) {
        List<String> comments = jdbc.sql("""
                select r.reviewer, r.comments from cv_document_review r
                join cv_document_version v on v.id = r.document_version_id
                join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ? and r.decision in ('return', 'reject')
                  and v.version = (select max(v2.version) from cv_document_version v2 where v2.document_id = d.id)
                order by r.id""")
                .params(meetingCode, kind, part == null ? "" : part)
                .query((rs, n) -> "**" + rs.getString(1) + "**: " + rs.getString(2)).list();
        return String.join("\n\n", comments);
    }

    /**
     * The author of the latest version when it was sent back (returned or rejected) and is a
     * user of the app: the drafting task goes back to them. Null otherwise (offered to the group).
     */
    public String returnedTo(String meetingCode, String kind, String part) {
        return jdbc.sql("""
                select v.author from cv_document_version v join cv_document d on d.id = v.document_id
                where d.meeting_code = ? and d.kind = ? and d.part = ?
                  and v.version = (select max(v2.version) from cv_document_version v2 where v2.document_id = d.id)
                  and exists (select 1 from cv_document_review r where r.document_version_id = v.id
                              and r.decision in ('return', 'reject'))""")
                .params(meetingCode, kind, part == null ? "" : part)
                .query(String.class).optional()
                .filter(author -> users.find(author).isPresent())
                .orElse(null);
    }

    /** Complete listener of drafting tasks: the submitted `draftText` becomes the next version. */
    public long saveDraft(DelegateTask task, String kind, String part) {
        String code = Tasks.meetingCode(task);
        long documentId = document(code, kind, part);
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from cv_document_version where document_id = ?")
                .param(documentId).query(Integer.class).single();
        jdbc.sql("""
                insert into cv_document_version (document_id, version, body, task_id, author, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(documentId, next, Tasks.text(task, "draftText"), task.getId(), Tasks.currentUser(task), now())
                .update();
        return latestVersionId(code, kind, part);
    }

    /** Complete listener of review and approval tasks: the decision on the latest version. */
    public void recordReview(DelegateTask task, String kind, String part) {
        String decision = Tasks.decision(task, "return");
        Long versionId = latestVersionId(Tasks.meetingCode(task), kind, part);
        review(versionId, "REVIEW", decision, task);
    }

    void review(long versionId, String reviewKind, String decision, DelegateTask task) {
        jdbc.sql("""
                insert into cv_document_review (document_version_id, kind, decision, comments, task_id, reviewer, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(versionId, reviewKind, decision, Tasks.text(task, "comments"), task.getId(),
                        Tasks.currentUser(task), now())
                .update();
    }

    /**
     * Complete listener of "Commission background paper": author, brief and due date. The due
     * date is stored as the day entered: the form's check (a date as text YYYY-MM-DD that
     * exists) has already refused anything else.
     */
    public void commission(DelegateTask task, String kind) {
        long id = document(Tasks.meetingCode(task), kind, "");
        LocalDate due = LocalDate.parse(Tasks.text(task, "paperDueDate"));
        jdbc.sql("update cv_document set author_name = ?, brief = ?, due_date = ? where id = ?")
                .params(Tasks.text(task, "paperAuthor"), Tasks.text(task, "paperBrief"), due, id)
                .update();
    }

    /** Complete listener of "Circulate documentation pack". */
    public void circulate(DelegateTask task, String kind) {
        jdbc.sql("update cv_document set circulated_at = ? where meeting_code = ? and kind = ? and part = ''")
                .params(now(), Tasks.meetingCode(task), kind).update();
    }

    /** Marks a document published (idempotent: the first publication time stays). */
    public void publish(String meetingCode, String kind) {
        jdbc.sql("update cv_document set published_at = ? where meeting_code = ? and kind = ? and published_at is null")
                .params(now(), meetingCode, kind).update();
    }

    public List<Map<String, Object>> reviewsOf(long versionId) {
        return jdbc.sql("select kind, decision, comments, reviewer, reviewed_at from cv_document_review where document_version_id = ? order by id")
                .param(versionId).query().listOfRows();
    }

    /** Every version of every document of the meeting, in the order they were submitted. */
    public List<Submission> submissions(String meetingCode) {
        return jdbc.sql("""
                select d.title, v.version, v.author, v.created_at from cv_document_version v
                join cv_document d on d.id = v.document_id
                where d.meeting_code = ? order by v.id""")
                .param(meetingCode)
                .query((rs, n) -> new Submission(rs.getString("title"), rs.getInt("version"), rs.getString("author"),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    /** Every review and signature of every version of the meeting's documents, in the order they were made. */
    public List<Decision> decisions(String meetingCode) {
        return jdbc.sql("""
                select d.title, v.version, r.kind, r.decision, r.comments, r.reviewer, r.reviewed_at
                from cv_document_review r
                join cv_document_version v on v.id = r.document_version_id
                join cv_document d on d.id = v.document_id
                where d.meeting_code = ? order by r.id""")
                .param(meetingCode)
                .query((rs, n) -> new Decision(rs.getString("title"), rs.getInt("version"), rs.getString("kind"),
                        rs.getString("decision"), rs.getString("comments"), rs.getString("reviewer"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    private long document(String meetingCode, String kind, String part) {
        String p = part == null ? "" : part;
        Optional<Long> id = jdbc.sql("select id from cv_document where meeting_code = ? and kind = ? and part = ?")
                .params(meetingCode, kind, p).query(Long.class).optional();
        if (id.isPresent()) {
            return id.get();
        }
        jdbc.sql("insert into cv_document (meeting_code, kind, part, title, created_at) values (?, ?, ?, ?, ?)")
                .params(meetingCode, kind, p, DocumentKind.valueOf(kind).title(p), now()).update();
        return jdbc.sql("select id from cv_document where meeting_code = ? and kind = ? and part = ?")
                .params(meetingCode, kind, p).query(Long.class).single();
    }

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("version"), rs.getString("body"),
                rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
