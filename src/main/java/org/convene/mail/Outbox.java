package org.convene.mail;

import java.text.BreakIterator;
import java.util.List;
import java.util.regex.Pattern;
import org.convene.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every mail is first written here, in the transaction of the step that decides to send it,
 * under a Message-ID derived from what it is for ({@code <key.meetingCode@convene>}). Writing it
 * twice is a no-op, so a retried job never sends a mail twice. The same transaction starts the
 * mail's delivery ({@link MailDeliveryProcess}), whose job runs once it has committed
 * ({@link MailDelivery}).
 */
@Component
public class Outbox {

    /** The width of cv_outbox_mail.subject, in UTF-16 units: a meeting title may take 300 characters on its own. */
    static final int SUBJECT_LENGTH = 300;

    /** What a Message-ID's left part cannot carry (RFC 5322 dot-atom text allows letters, digits and these signs). */
    private static final Pattern NOT_ATEXT = Pattern.compile("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]");

    private final JdbcClient jdbc;
    private final MailDelivery delivery;

    Outbox(JdbcClient jdbc, MailDelivery delivery) {
        this.jdbc = jdbc;
        this.delivery = delivery;
    }

    /**
     * Writes the mail once per (key, meetingCode) under Message-ID {@code <key.meetingCode@convene>},
     * in the caller's transaction, stamped by the engine's clock, and schedules its delivery after
     * commit. A subject longer than the column is shortened at a character boundary with "…".
     *
     * @return true when written now, false when it was there (nothing is changed then)
     * @throws IllegalArgumentException when the key is blank or the recipient has no address
     */
    public boolean enqueue(OutgoingMail mail) {
        if (mail.key() == null || mail.key().isBlank()) {
            throw new IllegalArgumentException("A mail to " + mail.to() + " has no key");
        }
        if (mail.to() == null || mail.to().address() == null || mail.to().address().isBlank()) {
            throw new IllegalArgumentException("The mail " + mail.key() + " has no recipient address");
        }
        String messageId = messageId(mail.key(), mail.meetingCode());
        boolean exists = jdbc.sql("select count(*) from cv_outbox_mail where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                insert into cv_outbox_mail (message_id, meeting_code, recipient, recipient_name, subject, body, html,
                                            calendar_method, calendar_ics, status, attempts, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(messageId, mail.meetingCode(), mail.to().address().strip(), mail.to().displayName(),
                        fitted(mail.subject()), mail.text(), mail.html(),
                        mail.calendar() == null ? null : mail.calendar().method(),
                        mail.calendar() == null ? null : mail.calendar().ics(),
                        MailStatus.PENDING.name(), EngineClock.now())
                .update();
        long id = jdbc.sql("select id from cv_outbox_mail where message_id = ?").param(messageId)
                .query(Long.class).single();
        List<Attachment> attachments = mail.attachments() == null ? List.of() : mail.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            jdbc.sql("""
                    insert into cv_outbox_attachment (mail_id, part_no, file_name, content_type, content)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, i + 1, attachment.fileName(), attachment.contentType(), attachment.content()).update();
        }
        delivery.startDelivery(mail.meetingCode(), id);
        return true;
    }

    /**
     * {@code <key.meetingCode@convene>}: the Message-ID header, angle brackets included; a character
     * a Message-ID cannot carry (a space, {@code :} of an activity instance id) becomes {@code _}.
     */
    static String messageId(String key, String meetingCode) {
        return "<" + NOT_ATEXT.matcher(key + "." + meetingCode).replaceAll("_") + "@convene>";
    }

    /**
     * The subject as it fits the column: unchanged when it fits, else cut at the last character
     * boundary ({@link BreakIterator#getCharacterInstance()}: never inside a surrogate pair, an
     * emoji or a letter with its combining marks) that leaves room for "…".
     */
    static String fitted(String subject) {
        if (subject.length() <= SUBJECT_LENGTH) {
            return subject;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(subject);
        int cut = characters.preceding(SUBJECT_LENGTH); // the last boundary before the "…"
        return subject.substring(0, cut).stripTrailing() + "…";
    }
}
