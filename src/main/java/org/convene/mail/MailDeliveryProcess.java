package org.convene.mail;

/**
 * The ids and variable names of {@code bpmn/mail/MailDeliveryProcess.bpmn} ("Deliver mail"): one
 * instance per delivery of an outbox mail, business key = the meeting's code, started by
 * {@link Outbox#enqueue} in the writer's transaction (and again by staff's "Resend"). Its one job,
 * before {@link #SERVICE_TASK_DELIVER_MAIL}, is locked by one node in the database; a failure is
 * retried with back-off and the last one is an incident that managers retry in Cockpit.
 */
public final class MailDeliveryProcess {

    /** The process id (definition key). */
    public static final String ID = "MailDeliveryProcess";

    public static final String START_EVENT_MAIL_WRITTEN = "StartEvent_MailWritten";
    /** Asynchronous before: the one job to run. */
    public static final String SERVICE_TASK_DELIVER_MAIL = "ServiceTask_DeliverMail";
    public static final String END_EVENT_MAIL_DELIVERED = "EndEvent_MailDelivered";

    /** The outbox mail's id (cv_outbox_mail.id). Long. */
    public static final String MAIL_ID = "mailId";

    private MailDeliveryProcess() {
    }
}
