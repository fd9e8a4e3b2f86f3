package org.convene.invitation;

import org.convene.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every mail is first written here, in the transaction of the step that decides to send it,
 * under a Message-ID derived from what it is for. Writing it twice is a no-op. Delivery over
 * SMTP (and the window SMTP leaves open) belongs to the invitations work.
 */
@Component
class Outbox {

    /** The width of cv_outbox_mail.subject: a meeting title may take 300 characters on its own. */
    static final int SUBJECT_LENGTH = 300;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the mail, stamped by the engine's clock, unless a mail with its Message-ID
     * ({@code <key.meetingCode@convene>}) is there already.
     *
     * @return true when it was written now, false when it was there
     */
    boolean enqueue(String key, String meetingCode, String recipient, String subject, String body) {
        String messageId = "<" + key + "." + meetingCode + "@convene>";
        boolean exists = jdbc.sql("select count(*) from cv_outbox_mail where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                insert into cv_outbox_mail (message_id, meeting_code, recipient, subject, body, status, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(messageId, meetingCode, recipient, fitted(subject), body, EngineClock.now())
                .update();
        return true;
    }

    private static String fitted(String subject) {
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH - 1) + "…";
    }
}
