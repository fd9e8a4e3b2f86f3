package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The append-only record of managers' decisions on the concept note and the agenda. */
final class MeetingReviews {

    static final String CONCEPT_NOTE = "CONCEPT_NOTE";
    static final String AGENDA = "AGENDA";

    private MeetingReviews() {
    }

    static void record(JdbcClient jdbc, String meetingCode, String subject, Integer version, DelegateTask task,
                       String decision) {
        jdbc.sql("""
                insert into cv_meeting_review (meeting_code, subject, version, task_id, decision, comments, reviewer, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, subject, version, task.getId(), decision, Tasks.text(task, "comments"),
                        Tasks.currentUser(task), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    static String lastReturnComments(JdbcClient jdbc, String meetingCode, String subject) {
        return jdbc.sql("""
                select decision, comments from cv_meeting_review where meeting_code = ? and subject = ?
                order by id desc fetch first 1 rows only""")
                .params(meetingCode, subject)
                .query((rs, n) -> "return".equals(rs.getString("decision")) ? rs.getString("comments") : "")
                .optional().orElse("");
    }

    /** Every review of the subject, oldest first, as the meeting's public API gives it. */
    static List<ConceptNotes.Review> reviews(JdbcClient jdbc, String meetingCode, String subject) {
        return jdbc.sql("""
                select version, decision, comments, reviewer, reviewed_at from cv_meeting_review
                where meeting_code = ? and subject = ? order by id""")
                .params(meetingCode, subject)
                .query((rs, n) -> new ConceptNotes.Review((Integer) rs.getObject("version"), rs.getString("decision"),
                        rs.getString("comments"), rs.getString("reviewer"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    static List<Map<String, Object>> history(JdbcClient jdbc, String meetingCode, String subject) {
        return jdbc.sql("""
                select version, decision, comments, reviewer, reviewed_at from cv_meeting_review
                where meeting_code = ? and subject = ? order by id""")
                .params(meetingCode, subject).query().listOfRows();
    }
}
