package org.convene.framework;

import java.util.List;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.invitation.InvitationStatus;
import org.convene.invitation.Participants;
import org.convene.mail.Attachment;
import org.convene.mail.MailAddress;
import org.convene.mail.OutgoingMail;
import org.convene.mail.Outbox;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Publish Common Framework" (CommonFrameworkProcess, asynchronous, after the manager's approval):
 * the COMMON_FRAMEWORK document is marked published (the document module's {@code DocumentPublished})
 * and every participant whose invitation is accepted is written one mail with the framework's PDF
 * and DOCX (traceability annex included) attached, through the mail module's outbox under the key
 * {@code common-framework-<participantId>}: a retried job never mails anyone twice. Reached from the
 * BPMN as {@code commonFrameworkPublication}.
 */
@Component("commonFrameworkPublication")
public class CommonFrameworkPublication {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Documents documents;
    private final CommonFrameworkPrints prints;
    private final Participants participants;
    private final Meetings meetings;
    private final Outbox outbox;

    CommonFrameworkPublication(Documents documents, CommonFrameworkPrints prints, Participants participants,
                               Meetings meetings, Outbox outbox) {
        this.documents = documents;
        this.prints = prints;
        this.participants = participants;
        this.meetings = meetings;
        this.outbox = outbox;
    }

    /**
     * Publishes the framework and mails it to the participants who accepted.
     *
     * @return how many mails were written now (those written before are not written again)
     * @throws IllegalStateException when the framework has no version to publish
     */
    @Transactional
    public int publish(String meetingCode) {
        documents.publish(meetingCode, DocumentKind.COMMON_FRAMEWORK);
        List<Participants.Participant> accepted = participants.list(meetingCode).stream()
                .filter(p -> p.invitationStatus() == InvitationStatus.ACCEPTED).toList();
        if (accepted.isEmpty()) {
            return 0;
        }
        Meeting meeting = meetings.get(meetingCode);
        String name = CommonFrameworkPrints.fileName(meetingCode);
        List<Attachment> files = List.of(new Attachment(name + ".pdf", "application/pdf", prints.pdf(meetingCode)),
                new Attachment(name + ".docx", DOCX, prints.docx(meetingCode)));
        String title = DocumentKind.COMMON_FRAMEWORK.title("");
        int written = 0;
        for (Participants.Participant p : accepted) {
            String text = "Dear " + p.name() + ",\n\n"
                    + "The " + title + " that the " + meeting.title() + " (" + meeting.place() + ", " + meeting.datesLabel()
                    + ") was convened to shape has been signed off by the reviewers, approved and published.\n\n"
                    + "It is attached as PDF and as Word document. Its annex traces every element of the set of "
                    + "understandings and the operational toolbox to the recommendations it rests on, and through them "
                    + "to the findings of the working groups and the questions they answered.\n\n"
                    + "Thank you for your contribution.\n\n" + meeting.title() + " secretariat\n";
            written += outbox.enqueue(new OutgoingMail("common-framework-" + p.id(), meetingCode,
                    new MailAddress(p.email(), p.name()), "Published: " + title + " — " + meeting.title(), text, null, null,
                    files)) ? 1 : 0;
        }
        return written;
    }
}
