package org.convene.invitation;

import java.util.List;
import org.convene.document.DocumentCirculated;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentPrints;
import org.convene.document.Documents;
import org.convene.mail.Attachment;
import org.convene.mail.Outbox;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.Meetings;
import org.convene.workflow.MeetingEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The background paper to the participants who accepted. When staff complete "Circulate
 * documentation pack" (the document module's {@link DocumentCirculated} for the background paper),
 * each participant whose invitation is accepted then is written one mail, text and HTML, with the
 * PDF of the paper's latest version attached (the document module's {@link DocumentPrints}, the
 * same file as the version's page serves: title, meeting, version, text, signatures) and the
 * signed link to the concept note and agenda. One whose acceptance comes after the paper went out
 * ({@link InvitationAccepted}, a late acceptance that kept the seat {@link InvitationRepliedLate},
 * a decline corrected to an acceptance {@link InvitationReplyCorrected}) gets it then. Declined,
 * lapsed, withdrawn and unanswered invitations get nothing. Heard in the transaction of the change,
 * so the mails are written with it or not at all; each under the outbox key
 * {@code background-paper-<participantId>}, so a retried job, a second circulation or an
 * acceptance corrected and given again never mails a participant the paper twice.
 */
@Component
class BackgroundPaperMails {

    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final InvitationReplies replies;
    private final Participants participants;
    private final Documents documents;
    private final DocumentPrints prints;
    private final InvitationMails mails;
    private final InvitationLinks links;
    private final Outbox outbox;

    BackgroundPaperMails(Meetings meetings, MeetingCalendar calendar, InvitationReplies replies,
                         Participants participants, Documents documents, DocumentPrints prints, InvitationMails mails,
                         InvitationLinks links, Outbox outbox) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.replies = replies;
        this.participants = participants;
        this.documents = documents;
        this.prints = prints;
        this.mails = mails;
        this.links = links;
        this.outbox = outbox;
    }

    /** The document module's {@link DocumentCirculated} and this module's acceptances (one method: see InvitationUpdates). */
    @EventListener
    void on(MeetingEvent event) {
        if (event instanceof DocumentCirculated circulated && circulated.kind() == DocumentKind.BACKGROUND_PAPER) {
            circulate(circulated.meetingCode());
        } else if (event instanceof InvitationAccepted accepted) {
            accepted(accepted.meetingCode(), accepted.participantId());
        } else if (event instanceof InvitationRepliedLate late && late.seatKept()) {
            accepted(late.meetingCode(), late.participantId());
        } else if (event instanceof InvitationReplyCorrected corrected && corrected.to() == InvitationReply.ACCEPT) {
            accepted(corrected.meetingCode(), corrected.participantId());
        }
    }

    /**
     * Writes the paper to every participant whose invitation is accepted.
     *
     * @return how many mails were written now (those written before are not written again)
     * @throws IllegalStateException when someone accepted and the meeting has no version of the background paper
     */
    @Transactional
    int circulate(String meetingCode) {
        return send(meetingCode, replies.confirmed(meetingCode).stream().map(InvitationReplies.Confirmed::participant)
                .toList());
    }

    /** Writes the paper to one who accepted after it went out; nothing before it went out, or when the seat is not theirs. */
    private void accepted(String meetingCode, long participantId) {
        boolean circulated = documents.find(meetingCode, DocumentKind.BACKGROUND_PAPER, "")
                .map(document -> document.circulatedAt() != null).orElse(false);
        Participants.Participant participant = participants.get(participantId);
        if (circulated && participant.invitationStatus() == InvitationStatus.ACCEPTED) {
            send(meetingCode, List.of(participant));
        }
    }

    private int send(String meetingCode, List<Participants.Participant> to) {
        if (to.isEmpty()) {
            return 0;
        }
        Documents.Version paper = documents.latest(meetingCode, DocumentKind.BACKGROUND_PAPER, "")
                .orElseThrow(() -> new IllegalStateException("No background paper to circulate for " + meetingCode));
        Meeting meeting = meetings.get(meetingCode);
        MeetingCalendar.Span span = calendar.span(meetingCode);
        String title = documents.title(meetingCode, DocumentKind.BACKGROUND_PAPER, "");
        DocumentPrints.PrintedFile file = prints.pdf(paper.id());
        Attachment pdf = new Attachment(file.fileName(), "application/pdf", file.content());
        int written = 0;
        for (Participants.Participant participant : to) {
            written += outbox.enqueue(mails.backgroundPaper(meeting, span, participant,
                    links.documents(meetingCode, participant.id()), title, paper.version(), pdf)) ? 1 : 0;
        }
        return written;
    }
}
