package org.convene.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each meeting's lifecycle stands: the phase ExpertMeetingProcess last called and how it ended,
 * kept in cv_meeting by the engine itself ({@link MeetingLifecycleListeners}: built-in listeners, so a
 * deletion that skips custom listeners — Cockpit's default — is seen too), and announced as
 * {@link MeetingPhaseStarted} and {@link MeetingEnded}. The meetings list and a meeting's page read it,
 * so a meeting whose process was deleted never shows as if nothing happened.
 */
@Service
public class MeetingLifecycle {

    /**
     * A meeting's standing.
     *
     * @param phase   the phase last started; null before the first (or for a meeting started before phases were kept)
     * @param state   running, finished, cancelled or stopped
     * @param endedAt when it ended (UTC); null while running
     * @param endedBy the user id who ended it; null when running or no user did
     * @param reason  why it ended: the cancellation's reason, the delete reason; null when running or finished
     */
    public record Standing(MeetingPhase phase, MeetingState state, Instant endedAt, String endedBy, String reason) {
    }

    private static final String FINISHED = "FINISHED";
    private static final String ENDED = "ENDED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MeetingLifecycle(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records that the meeting's process called a phase, and announces {@link MeetingPhaseStarted}.
     *
     * @param processInstanceId the meeting's ExpertMeetingProcess instance
     * @param actor             the user id whose step started it; may be null
     */
    @Transactional
    public void phaseStarted(String meetingCode, MeetingPhase phase, String processInstanceId, String actor) {
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("update cv_meeting set phase = ? where code = ?").params(phase.name(), meetingCode).update();
        events.publishEvent(new MeetingPhaseStarted(meetingCode, phase, processInstanceId, now.toInstant(), actor));
    }

    /**
     * Records that the meeting's process ended, and announces {@link MeetingEnded}: finished when it ran
     * to its end; else cancelled when the meeting is cancelled (a cancellation deletes the process after
     * recording itself), else stopped.
     *
     * @param completed    true when the process reached its end event
     * @param deleteReason the engine's delete reason; null when completed
     * @param actor        the user id who ended it; may be null
     */
    @Transactional
    public void ended(String meetingCode, boolean completed, String deleteReason, String actor) {
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("update cv_meeting set ended_at = ?, ended_by = ?, end_kind = ?, end_reason = ? where code = ? and ended_at is null")
                .params(now, actor, completed ? FINISHED : ENDED, completed ? null : deleteReason, meetingCode).update();
        MeetingState state = standing(meetingCode).map(Standing::state).orElse(completed ? MeetingState.FINISHED
                : MeetingState.STOPPED);
        events.publishEvent(new MeetingEnded(meetingCode, state, completed ? null : deleteReason, now.toInstant(), actor));
    }

    /** The meeting's standing; empty for an unknown code. */
    public Optional<Standing> standing(String meetingCode) {
        return jdbc.sql("select * from cv_meeting where code = ?").param(meetingCode).query(MeetingLifecycle::standing)
                .optional();
    }

    /** Every meeting's standing, by code. */
    public Map<String, Standing> standings() {
        Map<String, Standing> all = new HashMap<>();
        jdbc.sql("select * from cv_meeting").query((rs, n) -> all.put(rs.getString("code"), standing(rs, n))).list();
        return all;
    }

    private static Standing standing(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        String phase = rs.getString("phase");
        OffsetDateTime cancelledAt = rs.getObject("cancelled_at", OffsetDateTime.class);
        OffsetDateTime endedAt = rs.getObject("ended_at", OffsetDateTime.class);
        MeetingPhase current = phase == null ? null : MeetingPhase.valueOf(phase);
        if (cancelledAt != null) {
            return new Standing(current, MeetingState.CANCELLED, cancelledAt.toInstant(), rs.getString("cancelled_by"),
                    rs.getString("cancel_reason"));
        }
        if (endedAt == null) {
            return new Standing(current, MeetingState.RUNNING, null, null, null);
        }
        boolean finished = FINISHED.equals(rs.getString("end_kind"));
        return new Standing(current, finished ? MeetingState.FINISHED : MeetingState.STOPPED, endedAt.toInstant(),
                rs.getString("ended_by"), rs.getString("end_reason"));
    }
}
