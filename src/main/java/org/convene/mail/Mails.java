package org.convene.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the outbox: a meeting's mails, one mail with its attachments' descriptions, an attachment's bytes. */
@Component
public class Mails {

    private static final String COLUMNS = """
            id, message_id, meeting_code, recipient, recipient_name, subject, body, html, calendar_method, calendar_ics,
            status, attempts, last_error, claimed_by, created_at, claimed_at, sent_at""";

    private final JdbcClient jdbc;

    Mails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting's mails, oldest first, with no attachment listed (empty lists); empty for an unknown code. */
    public List<StoredMail> of(String meetingCode) {
        return jdbc.sql("select " + COLUMNS + " from cv_outbox_mail where meeting_code = ? order by id")
                .param(meetingCode).query((rs, n) -> mail(rs, List.of())).list();
    }

    /** One mail with its attachments' descriptions, if there is one with this id in this meeting. */
    public Optional<StoredMail> find(String meetingCode, long id) {
        return jdbc.sql("select " + COLUMNS + " from cv_outbox_mail where id = ? and meeting_code = ?")
                .params(id, meetingCode).query((rs, n) -> mail(rs, attachments(id))).optional();
    }

    /** One mail by id, whatever its meeting. */
    Optional<StoredMail> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from cv_outbox_mail where id = ?")
                .param(id).query((rs, n) -> mail(rs, attachments(id))).optional();
    }

    /** What staff decided about a mail whose delivery was uncertain: {@code RESENT} or {@code MARKED_SENT}, by whom (user id), when. */
    public record Decision(String action, String actedBy, OffsetDateTime actedAt) {
    }

    /** The decisions about the mail, oldest first. */
    public List<Decision> decisions(long mailId) {
        return jdbc.sql("select action, acted_by, acted_at from cv_outbox_mail_action where mail_id = ? order by id")
                .param(mailId).query((rs, n) -> new Decision(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** An attachment's bytes (part numbers start at 1), if the mail has that part. */
    public Optional<Attachment> attachment(long mailId, int partNo) {
        return jdbc.sql("select file_name, content_type, content from cv_outbox_attachment where mail_id = ? and part_no = ?")
                .params(mailId, partNo)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private List<StoredMail.StoredAttachment> attachments(long mailId) {
        return jdbc.sql("""
                select part_no, file_name, content_type, octet_length(content) from cv_outbox_attachment
                where mail_id = ? order by part_no""").param(mailId)
                .query((rs, n) -> new StoredMail.StoredAttachment(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4))).list();
    }

    private static StoredMail mail(ResultSet rs, List<StoredMail.StoredAttachment> attachments) throws SQLException {
        String method = rs.getString("calendar_method");
        return new StoredMail(rs.getLong("id"), rs.getString("message_id"), rs.getString("meeting_code"),
                new MailAddress(rs.getString("recipient"), rs.getString("recipient_name")), rs.getString("subject"),
                rs.getString("body"), rs.getString("html"),
                method == null ? null : new CalendarPart(method, rs.getString("calendar_ics")), attachments,
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("claimed_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("claimed_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
