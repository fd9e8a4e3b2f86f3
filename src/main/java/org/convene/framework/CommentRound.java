package org.convene.framework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants' comment round on the draft summary conclusions: open for two weeks;
 * silence means no objection. Opening it twice for one process instance changes nothing.
 */
@Component("commentRound")
public class CommentRound {

    static final int DAYS_FOR_COMMENTS = 14;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CommentRound(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Opens the round of one SummaryConclusionsProcess instance, {@value #DAYS_FOR_COMMENTS} days
     * long from now (the engine's clock, whole seconds), and announces {@link CommentRoundOpened};
     * a round already open for the instance is kept, and not announced again.
     *
     * @param meetingCode       the meeting's code; never null
     * @param processInstanceId the instance whose round it is; never null
     * @return the round's deadline
     */
    @Transactional
    public Instant open(String meetingCode, String processInstanceId) {
        Optional<OffsetDateTime> existing = jdbc.sql("select deadline from cv_comment_round where process_instance_id = ?")
                .param(processInstanceId).query(OffsetDateTime.class).optional();
        if (existing.isPresent()) {
            return existing.get().toInstant();
        }
        OffsetDateTime now = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime deadline = now.plusDays(DAYS_FOR_COMMENTS);
        jdbc.sql("insert into cv_comment_round (meeting_code, process_instance_id, opened_at, deadline) values (?, ?, ?, ?)")
                .params(meetingCode, processInstanceId, now, deadline).update();
        events.publishEvent(new CommentRoundOpened(meetingCode, deadline.toInstant(), now.toInstant(), null));
        return deadline.toInstant();
    }

    /**
     * Markdown of the comments received in the meeting's rounds, for the revising task:
     * "**participant**: comments" paragraphs in the order received, or a sentence saying that none came.
     */
    public String summary(String meetingCode) {
        List<String> comments = jdbc.sql("""
                select c.participant_name, c.comments from cv_participant_comment c
                join cv_comment_round r on r.id = c.comment_round_id where r.meeting_code = ? order by c.id""")
                .param(meetingCode)
                .query((rs, n) -> "**" + rs.getString(1) + "**: " + rs.getString(2)).list();
        return comments.isEmpty() ? "No comments were received: silence means no objection." : String.join("\n\n", comments);
    }
}
