package org.convene.mail;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deliver mail" (asynchronous before): one attempt to hand the outbox mail to the SMTP server. */
@Component("deliverMail")
class DeliverMail implements JavaDelegate {

    private final MailDelivery delivery;

    DeliverMail(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver((Long) execution.getVariable(MailDeliveryProcess.MAIL_ID), execution.getProcessInstanceId());
    }
}
