package org.convene.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands outbox mails to the SMTP server ({@code spring.mail.*}), one delivery job at a time, so
 * that a mail is sent by one node and at most once unless staff decide otherwise. The one window
 * SMTP leaves (the server accepted the mail, the mark did not commit) is kept small: the claim
 * ({@link MailStatus#SENDING}) commits in its own short transaction before the first byte goes
 * out, the mark ({@link MailStatus#SENT}) in its own right after the server's answer, tried again
 * for a while if the database is unreachable then (a PostgreSQL restart). A job that
 * finds its mail still {@code SENDING} (a node stopped in between) marks it
 * {@link MailStatus#UNCERTAIN} and sends nothing; staff then resend it or mark it as sent. So does
 * a send whose connection broke while the message went out ({@link SmtpCut}: the server may have
 * accepted it). A refused send, or one that never reached the server, gives the mail back ({@link MailStatus#PENDING}, with the error) and
 * fails the job, which the engine retries with back-off; the last failure leaves it
 * {@link MailStatus#FAILED} and an incident. Announces {@link MailSent},
 * {@link MailDeliveryUncertain}, {@link MailDeliveryFailed}, {@link MailResent} and
 * {@link MailMarkedSent}.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int ERROR_LENGTH = 2000;
    /** How long a delivery keeps trying to record its outcome: well inside the job lock (40 s, application.yaml). */
    static final Duration RECORD_PATIENCE = Duration.ofSeconds(20);

    private final JdbcClient jdbc;
    private final Mails mails;
    private final TransactionTemplate ownTransaction;
    private final ObjectProvider<JavaMailSender> sender;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final InternetAddress from;
    /** Who claims a mail: {@code pid@host}, as the JVM names itself. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    MailDelivery(JdbcClient jdbc, Mails mails, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> sender,
                 RuntimeService runtimeService, ManagementService managementService, IdentityService identityService,
                 ApplicationEventPublisher events, @Value("${convene.mail.from}") String from) throws AddressException {
        this.jdbc = jdbc;
        this.mails = mails;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = sender;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.events = events;
        this.from = sender(from);
    }

    /**
     * One delivery attempt of the mail (the "Deliver mail" job): claim, send, mark. Does nothing
     * to a mail that is sent or uncertain; marks one still {@code SENDING} as uncertain.
     *
     * @param processInstanceId the delivery's MailDeliveryProcess instance (to tell the last retry)
     * @throws org.springframework.mail.MailException when the server refused the mail or could not be
     *                                                reached (the job is retried)
     * @throws IllegalStateException                  when no SMTP server is configured or the mail cannot be built
     */
    public void deliver(long mailId, String processInstanceId) {
        StoredMail mail = ownTransaction.execute(status -> claim(mailId));
        if (mail == null) {
            return;
        }
        try {
            JavaMailSender smtp = sender.getIfAvailable();
            if (smtp == null) {
                throw new IllegalStateException("No SMTP server is configured: set spring.mail.host");
            }
            List<Attachment> attachments = mail.attachments().stream()
                    .map(a -> mails.attachment(mailId, a.partNo()).orElseThrow()).toList();
            smtp.send(MailMessages.build(smtp.createMimeMessage(), mail, attachments, from, Date.from(EngineClock.instant())));
        } catch (RuntimeException | MessagingException failure) {
            switch (SmtpCut.of(failure)) {
                case SENT -> {
                    record(mail, () -> markSent(mail)); // only closing the connection failed afterwards
                    return;
                }
                case UNCERTAIN -> {
                    record(mail, () -> markUncertain(mail, failure));
                    return; // not resent: staff decide (the mail page lists it)
                }
                case NOT_SENT -> { } // given back below, and retried
            }
            boolean last = lastAttempt(processInstanceId);
            record(mail, () -> giveBack(mail, failure, last));
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The mail " + mail.messageId() + " cannot be built: " + failure.getMessage(),
                    failure);
        }
        record(mail, () -> markSent(mail));
    }

    /**
     * Commits the outcome of a send (sent, or given back) in its own transaction, again every
     * second while the database cannot be reached, for up to {@link #RECORD_PATIENCE}: a mail the
     * server accepted while PostgreSQL restarts is marked sent once it is back, instead of being
     * left {@code SENDING} (and found uncertain by the retry). Each outcome is a conditional update
     * of the mail's status, so one committed twice changes nothing the second time.
     *
     * @throws DataAccessException  when the database stayed unreachable (the job fails and is retried)
     * @throws TransactionException likewise, when no transaction could be begun or ended
     */
    private void record(StoredMail mail, Runnable outcome) {
        Instant until = Instant.now().plus(RECORD_PATIENCE);
        while (true) {
            try {
                ownTransaction.executeWithoutResult(status -> outcome.run());
                return;
            } catch (DataAccessException | TransactionException unreachable) {
                if (!Instant.now().isBefore(until)) {
                    throw unreachable;
                }
                log.warn("Cannot record the delivery of mail {} yet, trying again in a second: {}", mail.messageId(),
                        unreachable.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw unreachable;
                }
            }
        }
    }

    /**
     * Staff's "Resend" of a mail whose delivery was uncertain: back to pending, with a new
     * delivery job, under the same Message-ID. Recorded with who and when.
     *
     * @param actor the user id of who resent it
     * @throws ChangeRefused (field {@code mail}) when the mail is not uncertain (any more)
     */
    @Transactional
    public void resend(String meetingCode, long mailId, String actor) {
        StoredMail mail = settle(meetingCode, mailId, "update cv_outbox_mail set status = ?, last_error = null where id = ? and status = ?",
                MailStatus.PENDING, "RESENT", actor);
        startDelivery(meetingCode, mailId);
        events.publishEvent(new MailResent(meetingCode, mailId, mail.messageId(), mail.recipient(), mail.subject(),
                EngineClock.instant(), actor));
    }

    /**
     * Staff's "Mark as sent" of a mail whose delivery was uncertain (e.g. the invitee confirmed
     * having it): sent, at the time it was handed to the server. Recorded with who and when.
     *
     * @param actor the user id of who marked it
     * @throws ChangeRefused (field {@code mail}) when the mail is not uncertain (any more)
     */
    @Transactional
    public void markSent(String meetingCode, long mailId, String actor) {
        StoredMail mail = settle(meetingCode, mailId,
                "update cv_outbox_mail set status = ?, sent_at = claimed_at where id = ? and status = ?",
                MailStatus.SENT, "MARKED_SENT", actor);
        // never claimed (no time it went to the server): the time of the decision
        jdbc.sql("update cv_outbox_mail set sent_at = ? where id = ? and sent_at is null").params(EngineClock.now(), mailId)
                .update();
        events.publishEvent(new MailMarkedSent(meetingCode, mailId, mail.messageId(), mail.recipient(), mail.subject(),
                EngineClock.instant(), actor));
    }

    /** Starts the mail's delivery (a MailDeliveryProcess job), in the caller's transaction, as the system. */
    void startDelivery(String meetingCode, long mailId) {
        SystemAuthentication.asSystem(identityService, () -> runtimeService.startProcessInstanceByKey(
                MailDeliveryProcess.ID, meetingCode, Map.of(MailDeliveryProcess.MAIL_ID, mailId)));
    }

    private StoredMail settle(String meetingCode, long mailId, String update, MailStatus to, String action, String actor) {
        StoredMail mail = mails.find(meetingCode, mailId).orElseThrow(() -> new ChangeRefused(Map.of("mail",
                "There is no mail " + mailId + " in meeting " + meetingCode + ".")));
        if (jdbc.sql(update).params(to.name(), mailId, MailStatus.UNCERTAIN.name()).update() == 0) {
            throw new ChangeRefused(Map.of("mail", "The mail to " + mail.recipient() + " is " + label(mail.status())
                    + ", not uncertain: nothing to decide."));
        }
        jdbc.sql("insert into cv_outbox_mail_action (mail_id, action, acted_by, acted_at) values (?, ?, ?, ?)")
                .params(mailId, action, actor, EngineClock.now()).update();
        return mail;
    }

    /** Claims a pending (or failed) mail; marks one still sending as uncertain; null when there is nothing to send. */
    private StoredMail claim(long mailId) {
        StoredMail mail = mails.find(mailId).orElseThrow(() -> new IllegalStateException("Outbox mail " + mailId
                + " is not there for a new transaction: unknown, or its delivery job was run inside the uncommitted "
                + "transaction that wrote it (deliveries run after that commits)"));
        if (jdbc.sql("update cv_outbox_mail set status = ? where id = ? and status = ?")
                .params(MailStatus.UNCERTAIN.name(), mailId, MailStatus.SENDING.name()).update() == 1) {
            log.warn("Mail {} to {} was left sending by {} since {}: delivery uncertain, not resent", mail.messageId(),
                    mail.to().address(), mail.claimedBy(), mail.claimedAt());
            events.publishEvent(new MailDeliveryUncertain(mail.meetingCode(), mailId, mail.messageId(), mail.recipient(),
                    mail.subject(), EngineClock.instant(), null));
            return null;
        }
        int claimed = jdbc.sql("""
                        update cv_outbox_mail set status = ?, claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                        where id = ? and status in (?, ?)""")
                .params(MailStatus.SENDING.name(), node, EngineClock.now(), mailId, MailStatus.PENDING.name(),
                        MailStatus.FAILED.name()).update();
        return claimed == 1 ? mail : null;
    }

    /** The connection broke while the message went out: it may have arrived, so it is not sent again. */
    private void markUncertain(StoredMail mail, Exception failure) {
        String error = message(failure);
        if (jdbc.sql("update cv_outbox_mail set status = ?, last_error = ? where id = ? and status = ?")
                .params(MailStatus.UNCERTAIN.name(), error, mail.id(), MailStatus.SENDING.name()).update() == 1) {
            log.warn("Mail {} to {}: the connection broke while it was sent ({}): delivery uncertain, not resent",
                    mail.messageId(), mail.to().address(), error);
            events.publishEvent(new MailDeliveryUncertain(mail.meetingCode(), mail.id(), mail.messageId(), mail.recipient(),
                    mail.subject(), EngineClock.instant(), null));
        }
    }

    private void giveBack(StoredMail mail, Exception failure, boolean last) {
        String error = message(failure);
        int givenBack = jdbc.sql("update cv_outbox_mail set status = ?, last_error = ? where id = ? and status = ?")
                .params((last ? MailStatus.FAILED : MailStatus.PENDING).name(), error, mail.id(), MailStatus.SENDING.name())
                .update();
        if (last && givenBack == 1) {
            events.publishEvent(new MailDeliveryFailed(mail.meetingCode(), mail.id(), mail.messageId(), mail.recipient(),
                    mail.subject(), error, EngineClock.instant(), null));
        }
    }

    private void markSent(StoredMail mail) {
        // also from UNCERTAIN: another node's job took this one for stopped while the server talked
        if (jdbc.sql("update cv_outbox_mail set status = ?, sent_at = ?, last_error = null where id = ? and status in (?, ?)")
                .params(MailStatus.SENT.name(), EngineClock.now(), mail.id(), MailStatus.SENDING.name(),
                        MailStatus.UNCERTAIN.name()).update() == 0) {
            return; // marked already (a commit whose answer the database restart swallowed)
        }
        events.publishEvent(new MailSent(mail.meetingCode(), mail.id(), mail.messageId(), mail.recipient(), mail.subject(),
                EngineClock.instant(), null));
    }

    /** Whether the running job has no retry left after this attempt (it then becomes an incident). */
    private boolean lastAttempt(String processInstanceId) {
        Job job = SystemAuthentication.asSystem(identityService, () -> managementService.createJobQuery()
                .processInstanceId(processInstanceId).singleResult());
        return job != null && job.getRetries() <= 1;
    }

    static String label(MailStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String message(Exception failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && text.length() < ERROR_LENGTH; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("; ").append(cause.getMessage());
            }
        }
        return text.length() <= ERROR_LENGTH ? text.toString() : text.substring(0, ERROR_LENGTH);
    }

    /** {@code Convene secretariat <secretariat@convene.example>} with its name RFC 2047-encoded when it needs it. */
    private static InternetAddress sender(String from) throws AddressException {
        InternetAddress parsed = new InternetAddress(from, true);
        return MailMessages.address(new MailAddress(parsed.getAddress(), parsed.getPersonal()));
    }
}
