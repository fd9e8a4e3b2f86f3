package org.convene;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.mail.MailDeliveryProcess;
import org.springframework.stereotype.Component;

/**
 * The mail side of the integration tests: runs a meeting's mail delivery jobs as the job executor
 * would (the shared context has it off), and reads what the embedded SMTP server (GreenMail, on a
 * free port: application-test.yaml) received for the meeting, by Message-ID
 * ({@code <key.CODE@convene>}). Imported by {@link ConveneIntegrationTest}; autowire it.
 */
@Component
public class Mailbox {

    private final GreenMail smtp;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    Mailbox(GreenMail smtp, RuntimeService runtimeService, ManagementService managementService) {
        this.smtp = smtp;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** The embedded SMTP server, to stop and start it (GreenMail forgets the mails it received when it stops). */
    public GreenMail server() {
        return smtp;
    }

    /** The meeting's waiting delivery jobs (one per mail not yet delivered), with retries left or not. */
    public List<Job> deliveryJobs(String meetingCode) {
        List<String> deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.ID)
                .processInstanceBusinessKey(meetingCode).list().stream().map(ProcessInstance::getId).toList();
        return deliveries.isEmpty() ? List.of() : managementService.createJobQuery()
                .processInstanceIds(new java.util.HashSet<>(deliveries)).list();
    }

    /** Runs each of the meeting's delivery jobs that has retries left once; returns how many ran. Fails on a failed job. */
    public int deliver(String meetingCode) {
        List<Job> jobs = deliveryJobs(meetingCode).stream().filter(job -> job.getRetries() > 0).toList();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
        return jobs.size();
    }

    /** What the SMTP server received for the meeting, in the order received. */
    public List<MimeMessage> received(String meetingCode) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId(m).endsWith("." + meetingCode + "@convene>"))
                .toList();
    }

    /** The leaf parts of a message (text, HTML, calendar entry, attachments), in their order, multiparts opened. */
    public static List<Part> leaves(Part message) {
        try {
            List<Part> leaves = new ArrayList<>();
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    leaves.addAll(leaves(multipart.getBodyPart(i)));
                }
            } else {
                leaves.add(message);
            }
            return leaves;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one leaf part of this MIME type ({@code application/pdf}); fails when there is none or more than one. */
    public static Part only(Part message, String mimeType) {
        List<Part> found = leaves(message).stream().filter(part -> {
            try {
                return part.isMimeType(mimeType);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + mimeType + " part, found " + found.size());
        }
        return found.get(0);
    }

    /** The address of the message's one recipient. */
    public static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's Message-ID header, angle brackets included. */
    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
