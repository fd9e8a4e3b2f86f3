/**
 * Mail: the outbox every module writes its mails to ({@link org.convene.mail.Outbox}: one stable
 * Message-ID per mail, written in the caller's transaction) and their delivery over SMTP
 * ({@link org.convene.mail.MailDelivery}, Spring Mail, {@code spring.mail.*}) by the engine's jobs
 * (bpmn/mail: {@link org.convene.mail.MailDeliveryProcess}), so that one node sends each mail,
 * failures are retried with back-off and the last is an incident for managers in Cockpit. The
 * embedded default delivers to an embedded SMTP server ({@link org.convene.mail.EmbeddedSmtp},
 * GreenMail). Staff and administrators read a meeting's mails at {@code /meetings/{code}/mails} and
 * {@code GET /api/meetings/{code}/mails}, and decide about a delivery left uncertain. Announces
 * {@link org.convene.mail.MailSent}, {@link org.convene.mail.MailDeliveryUncertain},
 * {@link org.convene.mail.MailDeliveryFailed}, {@link org.convene.mail.MailResent} and
 * {@link org.convene.mail.MailMarkedSent}. Knows nothing of invitations: callers give it finished texts.
 * It reads a meeting's heading through {@link org.convene.workflow.MeetingHeadings} (answered by the
 * meeting module), not the meeting module itself: the modules that use the meeting module (document,
 * for the sign-off's reminders) send mail, and would otherwise close a cycle.
 */
@ApplicationModule(allowedDependencies = {"workflow", "identity"})
package org.convene.mail;

import org.springframework.modulith.ApplicationModule;
