package org.convene.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' decisions on a meeting's participant list, append-only (cv_participant_list_review):
 * recorded by "Approve participant list", the last return's comments shown by "Compile participant
 * list". Announces {@link ParticipantListApproved} and {@link ParticipantListReturned}.
 */
@Component("participantListReviews")
public class ParticipantListReviews {

    /**
     * A manager's decision on the participant list: its {@link ReviewDecision#formValue() form value}
     * (approve or return), comments (may be null), the reviewer's user id, the time in UTC.
     */
    public record ListReview(String decision, String comments, String reviewer, OffsetDateTime reviewedAt) {
    }

    private final JdbcClient jdbc;
    private final Participants participants;
    private final ApplicationEventPublisher events;

    ParticipantListReviews(JdbcClient jdbc, Participants participants, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.events = events;
    }

    /**
     * Records a manager's decision on the list, stamped by the engine's clock, and announces
     * {@link ParticipantListApproved} (with how many are on the list and the reserve) or
     * {@link ParticipantListReturned}.
     *
     * @param comments may be null when approving
     * @param taskId the "Approve participant list" task (one decision per task); not null
     * @throws ChangeRefused keyed {@code participants} when approving a list with nobody on it (the
     *         reserve does not count); nothing is recorded
     */
    @Transactional
    public void record(String meetingCode, ReviewDecision decision, String comments, String reviewer, String taskId) {
        if (decision == ReviewDecision.APPROVE) {
            participants.requireInvitees(meetingCode, "an empty list cannot be approved, since there is nobody to invite. "
                    + "Return it to staff with comments instead.");
        }
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_participant_list_review (meeting_code, task_id, decision, comments, reviewer, reviewed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, taskId, decision.formValue(), comments, reviewer, now)
                .update();
        if (decision == ReviewDecision.APPROVE) {
            List<Participants.Participant> all = participants.list(meetingCode);
            int reserve = (int) all.stream().filter(Participants.Participant::reserve).count();
            events.publishEvent(new ParticipantListApproved(meetingCode, all.size() - reserve, reserve, comments,
                    now.toInstant(), reviewer));
        } else {
            events.publishEvent(new ParticipantListReturned(meetingCode, comments, now.toInstant(), reviewer));
        }
    }

    /** The comments of the last review, when it sent the list back; else empty (never null). */
    public String lastComments(String meetingCode) {
        return jdbc.sql("""
                select decision, comments from cv_participant_list_review where meeting_code = ?
                order by id desc fetch first 1 rows only""")
                .param(meetingCode)
                .query((rs, n) -> ReviewDecision.RETURN.formValue().equals(rs.getString(1)) ? rs.getString(2) : "")
                .optional().orElse("");
    }

    /** Every manager's decision on the participant list, oldest first (empty before the first). */
    public List<ListReview> history(String meetingCode) {
        return jdbc.sql("""
                select decision, comments, reviewer, reviewed_at from cv_participant_list_review
                where meeting_code = ? order by id""")
                .param(meetingCode)
                .query((rs, n) -> new ListReview(rs.getString("decision"), rs.getString("comments"),
                        rs.getString("reviewer"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }
}
