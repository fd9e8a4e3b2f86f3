package org.convene.framework;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The participants' comment round on the draft summary conclusions: open for two weeks;
 * silence means no objection. Opening it twice for one process instance changes nothing.
 */
@Component("commentRound")
public class CommentRound {

    static final int DAYS_FOR_COMMENTS = 14;

    private final JdbcClient jdbc;

    CommentRound(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Service task "Open comment round": sets `commentDeadline` for the timer. */
    public void open(DelegateExecution execution) {
        String code = (String) execution.getVariable("meetingCode");
        Optional<OffsetDateTime> existing = jdbc.sql("select deadline from cv_comment_round where process_instance_id = ?")
                .param(execution.getProcessInstanceId()).query(OffsetDateTime.class).optional();
        OffsetDateTime deadline = existing.orElseGet(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            OffsetDateTime end = now.plusDays(DAYS_FOR_COMMENTS);
            jdbc.sql("insert into cv_comment_round (meeting_code, process_instance_id, opened_at, deadline) values (?, ?, ?, ?)")
                    .params(code, execution.getProcessInstanceId(), now, end).update();
            return end;
        });
        execution.setVariable("commentDeadline", Date.from(deadline.toInstant()));
    }

    /** Markdown of the comments received, for the revising task. */
    public String summary(String meetingCode) {
        List<String> comments = jdbc.sql("""
                select c.participant_name, c.comments from cv_participant_comment c
                join cv_comment_round r on r.id = c.comment_round_id where r.meeting_code = ? order by c.id""")
                .param(meetingCode)
                .query((rs, n) -> "**" + rs.getString(1) + "**: " + rs.getString(2)).list();
        return comments.isEmpty() ? "No comments were received: silence means no objection." : String.join("\n\n", comments);
    }
}
