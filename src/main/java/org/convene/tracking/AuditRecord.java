package org.convene.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.convene.workflow.EngineClock;
import org.convene.workflow.MeetingEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tracking's own record of what happened to each meeting ({@code cv_audit_record}): one row per
 * {@link MeetingEvent} that a module announced, in a manager's words ({@link EventWords}) and with
 * the event itself as JSON. Rows are only ever added.
 *
 * <p>The event reaches {@link #record} after the announcing transaction committed (the change is
 * there to see), in the same thread, so the person who acted finds it on the audit trail as soon as
 * the page answers, in a transaction of its own. Spring Modulith's event publication registry has
 * stored the event with the change: should the record fail, the publication stays incomplete and
 * is handed out again (at the next start, and by workflow's EventRetries), and the change itself is
 * not undone. An event handed out twice is recorded once: each row carries a key of the event's
 * type and content (checked before the insert, and held unique by the table should two nodes race).
 */
@Component
class AuditRecord {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditRecord(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the event to the record unless it is there already. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(MeetingEvent event) {
        String details = details(event);
        String key = key(event.getClass().getName() + "\n" + details);
        if (jdbc.sql("select count(*) from cv_audit_record where event_key = ?").param(key).query(Integer.class).single() > 0) {
            return;
        }
        EventWords.Words words = EventWords.of(event);
        jdbc.sql("""
                insert into cv_audit_record (event_key, meeting_code, event_type, occurred_at, actor, who, what, subject,
                                             decision, comments, on_audit_trail, details, recorded_at)
                values (:key, :code, :type, :occurredAt, :actor, :who, :what, :subject, :decision, :comments,
                        :onAuditTrail, :details, :recordedAt)""")
                .param("key", key)
                .param("code", event.meetingCode())
                .param("type", event.getClass().getName())
                .param("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                .param("actor", event.actor())
                .param("who", words.who())
                .param("what", words.what())
                .param("subject", words.subject())
                .param("decision", words.decision())
                .param("comments", words.comments())
                .param("onAuditTrail", EventWords.onAuditTrail(event))
                .param("details", details)
                .param("recordedAt", EngineClock.now())
                .update();
    }

    /** The meeting's entries for its audit trail, oldest first (same instant: in the order recorded); empty when none. */
    List<AuditEntry> entries(String meetingCode) {
        return jdbc.sql("""
                select occurred_at, who, what, subject, decision, comments
                from cv_audit_record where meeting_code = ? and on_audit_trail order by occurred_at, id""")
                .param(meetingCode)
                .query((rs, n) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        AuditEntry.RECORD, false))
                .list();
    }

    private String details(MeetingEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event " + event.getClass().getName() + " cannot be written as JSON", e);
        }
    }

    private static String key(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
