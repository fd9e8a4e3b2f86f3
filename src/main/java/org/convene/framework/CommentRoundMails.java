package org.convene.framework;

import java.util.List;
import java.util.Locale;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentPrints;
import org.convene.document.DocumentPublished;
import org.convene.document.Documents;
import org.convene.invitation.InvitationStatus;
import org.convene.invitation.Participants;
import org.convene.mail.Attachment;
import org.convene.mail.MailAddress;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The summary conclusions' mails to the participants who accepted their invitation, through the mail
 * module's outbox, text and HTML: the request for comments with each one's signed link and the
 * deadline in the venue's time (key {@code conclusions-comments-<roundId>-<participantId>}), and, when
 * the conclusions are published (the document module's {@link DocumentPublished}, heard in the
 * publishing job's transaction), the conclusions with the PDF of the published version attached (key
 * {@code conclusions-published-<participantId>}). A key is written once: a retried job mails no one
 * twice. The HTML is the invitation module's letter template ({@code invitation/letter}), which
 * reads the same shape as {@link Letter}.
 */
@Component
class CommentRoundMails {

    /** A letter: what {@code invitation/letter} shows. */
    record Letter(String subject, String heading, String greeting, List<String> paragraphs, List<Fact> facts,
                  List<Link> buttons, List<Link> links, List<String> notes) {
    }

    record Fact(String label, String value) {
    }

    record Link(String label, String url) {
    }

    private final Participants participants;
    private final Meetings meetings;
    private final Documents documents;
    private final DocumentPrints prints;
    private final CommentRoundLinks links;
    private final Outbox outbox;
    private final ITemplateEngine templates;

    CommentRoundMails(Participants participants, Meetings meetings, Documents documents, DocumentPrints prints,
                      CommentRoundLinks links, Outbox outbox, ITemplateEngine templates) {
        this.participants = participants;
        this.meetings = meetings;
        this.documents = documents;
        this.prints = prints;
        this.links = links;
        this.outbox = outbox;
        this.templates = templates;
    }

    /** Writes every participant who accepted the request for comments with their link; returns them. */
    List<Participants.Participant> askForComments(Meeting meeting, CommentRound.Round round) {
        List<Participants.Participant> asked = confirmed(meeting.code());
        for (Participants.Participant p : asked) {
            Letter letter = new Letter("Draft summary conclusions for your comments: " + meeting.title(),
                    "Draft summary conclusions for your comments", "Dear " + p.fullName() + ",",
                    List.of("Thank you for taking part in the " + meeting.title() + ", " + meeting.place() + ", "
                                    + meeting.datesLabel() + ".",
                            "The draft summary conclusions of the meeting are ready for the participants' comments. "
                                    + "Please read them through your personal link below and comment on any paragraph, "
                                    + "or on the draft as a whole.",
                            "Comments are open until " + round.deadlineLabel() + ".",
                            "Silence means no objection: if we receive no comment from you by then, we take it that "
                                    + "you have no objection to the draft."),
                    List.of(new Fact("Meeting", meeting.title()), new Fact("Comments until", round.deadlineLabel())),
                    List.of(new Link("Read and comment on the draft", links.issue(round, p.id()))), List.of(),
                    List.of("The link is for you alone and works once: send all your comments together.",
                            "If you have no comment, you need not answer."));
            outbox.enqueue(mail("conclusions-comments-" + round.id() + "-" + p.id(), meeting, p, letter, List.of()));
        }
        return asked;
    }

    /** The published conclusions to every participant who accepted, with the PDF of the published version. */
    @EventListener
    void on(DocumentPublished published) {
        if (published.kind() != DocumentKind.SUMMARY_CONCLUSIONS) {
            return;
        }
        String code = published.meetingCode();
        Meeting meeting = meetings.get(code);
        Documents.Version version = documents.latest(code, DocumentKind.SUMMARY_CONCLUSIONS, "").orElseThrow();
        DocumentPrints.PrintedFile file = prints.pdf(version.id());
        Attachment pdf = new Attachment(file.fileName(), "application/pdf", file.content());
        for (Participants.Participant p : confirmed(code)) {
            Letter letter = new Letter("Summary conclusions: " + meeting.title(), "Summary conclusions",
                    "Dear " + p.fullName() + ",",
                    List.of("The summary conclusions of the " + meeting.title() + ", " + meeting.place() + ", "
                                    + meeting.datesLabel() + ", were revised after the participants' comments, "
                                    + "approved and published.",
                            "Please find them attached as a PDF file (" + pdf.fileName() + ")."),
                    List.of(new Fact("Meeting", meeting.title()), new Fact("Version", String.valueOf(version.version()))),
                    List.of(), List.of(), List.of("Thank you for your contribution to the meeting."));
            outbox.enqueue(mail("conclusions-published-" + p.id(), meeting, p, letter, List.of(pdf)));
        }
    }

    private List<Participants.Participant> confirmed(String meetingCode) {
        return participants.list(meetingCode).stream().filter(p -> p.invitationStatus() == InvitationStatus.ACCEPTED)
                .toList();
    }

    private OutgoingMail mail(String key, Meeting meeting, Participants.Participant p, Letter letter,
                              List<Attachment> attachments) {
        return new OutgoingMail(key, meeting.code(), new MailAddress(p.email(), p.fullName()), letter.subject(),
                text(letter), html(letter), null, attachments);
    }

    private static String text(Letter letter) {
        StringBuilder text = new StringBuilder(letter.greeting()).append("\n\n");
        letter.paragraphs().forEach(p -> text.append(p).append("\n\n"));
        letter.facts().forEach(f -> text.append(f.label()).append(": ").append(f.value()).append('\n'));
        text.append('\n');
        letter.buttons().forEach(l -> text.append(l.label()).append(":\n").append(l.url()).append("\n\n"));
        letter.notes().forEach(n -> text.append(n).append("\n\n"));
        return text.toString().stripTrailing() + "\n";
    }

    private String html(Letter letter) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("letter", letter);
        return templates.process("invitation/letter", context);
    }
}
