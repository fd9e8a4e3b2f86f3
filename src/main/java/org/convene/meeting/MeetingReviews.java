package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The append-only record of managers' decisions on the concept note and the agenda (cv_meeting_review). */
final class MeetingReviews {

    static final String CONCEPT_NOTE = "CONCEPT_NOTE";
    static final String AGENDA = "AGENDA";

    private MeetingReviews() {
    }

    /**
     * Appends a decision, stamped now by the engine's clock.
     *
     * @param version the concept note's version; null for the agenda (edited in place)
     * @param comments may be null
     * @return when it was recorded (the engine's clock, UTC)
     */
    static OffsetDateTime record(JdbcClient jdbc, String meetingCode, String subject, Integer version, String taskId,
                                 ReviewDecision decision, String comments, String reviewer) {
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_meeting_review (meeting_code, subject, version, task_id, decision, comments, reviewer, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, subject, version, taskId, decision.formValue(), comments, reviewer, now)
                .update();
        return now;
    }

    /** The comments of the subject's last review when it sent the subject back; else empty (never null). */
    static String lastReturnComments(JdbcClient jdbc, String meetingCode, String subject) {
        return jdbc.sql("""
                select decision, comments from cv_meeting_review where meeting_code = ? and subject = ?
                order by id desc fetch first 1 rows only""")
                .params(meetingCode, subject)
                .query((rs, n) -> ReviewDecision.RETURN.formValue().equals(rs.getString("decision"))
                        ? rs.getString("comments") : "")
                .optional().orElse("");
    }

    /**
     * The highest version of the subject below {@code below} that the user decided on (approved or
     * returned); empty when they decided on none.
     */
    static Optional<Integer> lastReviewedBelow(JdbcClient jdbc, String meetingCode, String subject,
                                                         String reviewer, int below) {
        return jdbc.sql("""
                select max(version) from cv_meeting_review
                where meeting_code = ? and subject = ? and reviewer = ? and version < ?""")
                .params(meetingCode, subject, reviewer, below)
                .query((rs, n) -> (Integer) rs.getObject(1)).list().stream().filter(Objects::nonNull)
                .findFirst();
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
}
