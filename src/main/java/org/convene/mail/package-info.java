/**
 * Mail: the outbox every module writes its mails to ({@link org.convene.mail.Outbox}, one stable
 * Message-ID per mail, written in the caller's transaction). Uses the workflow module's engine
 * clock.
 */
@ApplicationModule(allowedDependencies = {"workflow"})
package org.convene.mail;

import org.springframework.modulith.ApplicationModule;
