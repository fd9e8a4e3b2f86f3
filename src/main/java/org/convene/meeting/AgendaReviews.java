package org.convene.meeting;

import java.time.OffsetDateTime;
import java.util.List;
import org.convene.workflow.ReviewDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' decisions on a meeting's agenda, append-only (cv_meeting_review, no version: the
 * agenda is edited in place): recorded by "Approve agenda", the last return's comments shown by
 * "Draft agenda". Announces {@link AgendaApproved} and {@link AgendaReturned}.
 */
@Component("agendaReviews")
public class AgendaReviews {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AgendaReviews(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records a manager's decision on the agenda, stamped by the engine's clock, and announces
     * {@link AgendaApproved} or {@link AgendaReturned}.
     *
     * @param comments may be null when approving
     * @param taskId the "Approve agenda" task (one decision per task); not null
     */
    @Transactional
    public void record(String meetingCode, ReviewDecision decision, String comments, String reviewer, String taskId) {
        OffsetDateTime at = MeetingReviews.record(jdbc, meetingCode, MeetingReviews.AGENDA, null, taskId, decision,
                comments, reviewer);
        events.publishEvent(decision == ReviewDecision.APPROVE
                ? new AgendaApproved(meetingCode, comments, at.toInstant(), reviewer)
                : new AgendaReturned(meetingCode, comments, at.toInstant(), reviewer));
    }

    /** The comments of the last review, when it sent the agenda back; else empty (never null). */
    public String lastComments(String meetingCode) {
        return MeetingReviews.lastReturnComments(jdbc, meetingCode, MeetingReviews.AGENDA);
    }

    /** Every manager's decision on the agenda (the version is null), oldest first. */
    public List<ConceptNotes.Review> history(String meetingCode) {
        return MeetingReviews.reviews(jdbc, meetingCode, MeetingReviews.AGENDA);
    }
}
