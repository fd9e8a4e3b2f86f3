package org.convene.invitation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.mail.Attachment;
import org.convene.mail.CalendarPart;
import org.convene.mail.MailAddress;
import org.convene.mail.OutgoingMail;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mails to an invitee — invitation, reminder, update after the meeting moved, cancellation,
 * and to one who accepted the background paper —
 * each as plain text and HTML alternatives written from one {@link Letter} (the HTML by the
 * Thymeleaf template {@code invitation/letter.html}, every value escaped, links as buttons), and the
 * invitation, its updates and its cancellation with their calendar entry ({@link InvitationCalendar}).
 * Times are the venue's, named with its time zone. The recipient is shown as title and name
 * ({@code Dr Renée Müller}); the organizer of the calendar entries is the secretariat,
 * {@code convene.mail.from}.
 *
 * <p>The concept note and the agenda are linked, not attached: invitees have no login, so the link
 * is a signed one to a read-only page of the meeting's description ({@link MeetingDocumentsLink}).
 * The background paper goes to those who accepted with its PDF attached ({@link BackgroundPaperMails}).
 */
@Component
class InvitationMails {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** A fact of the letter: "Dates: 8–9 February 2027". */
    record Fact(String label, String value) {
    }

    /** A link: a button, or a plain link under them. */
    record Link(String label, String url) {
    }

    /**
     * What a mail says, written once for both alternatives: a heading, the greeting, paragraphs
     * (plain text; a {@code \n} inside one is a line break), facts, buttons, further links and notes
     * in small print.
     */
    record Letter(String subject, String heading, String greeting, List<String> paragraphs, List<Fact> facts,
                  List<Link> buttons, List<Link> links, List<String> notes) {
    }

    /**
     * The invitee's side of a mail.
     *
     * @param invitationId   cv_invitation.id: the mails' keys are made from it
     * @param sequence       the calendar entry's SEQUENCE for this mail
     * @param replyLink      the signed reply link without {@code ?reply=}; null when the invitee can no longer reply by link
     * @param documentsLink  the signed link to the concept note and agenda; may be null
     */
    record Invitee(long participantId, long invitationId, String name, String email, int sequence, String replyLink,
                   String documentsLink) {
    }

    private final ITemplateEngine templates;
    private final InvitationCalendar.CalendarUser organizer;

    InvitationMails(ITemplateEngine templates,
                    @Value("${convene.mail.from:Convene secretariat <secretariat@convene.example>}") String from) {
        this.templates = templates;
        this.organizer = organizer(from);
    }

    /** {@code Monday 3 May 2027, 09:00 (Asia/Amman time)}: a deadline in the venue's time zone. */
    static String deadlineLabel(Instant deadline, ZoneId zone) {
        return DEADLINE.format(deadline.atZone(zone)) + " (" + zone.getId() + " time)";
    }

    /** The name a mail and a calendar entry show for a participant: {@code Dr Renée Müller}, or the name alone. */
    static String displayName(ParticipantTitle title, String name) {
        return title == null ? name : title.label() + " " + name;
    }

    /** The invitation, with its calendar entry (METHOD:REQUEST, sequence as given, normally 0). */
    OutgoingMail invitation(Meeting meeting, MeetingCalendar.Span span, Invitee invitee, Instant deadline, Instant now) {
        Letter letter = new Letter("Invitation: " + meeting.title(), "Invitation", "Dear " + invitee.name() + ",",
                List.of("You are invited to the " + meeting.title() + ", " + meeting.place() + ", "
                        + meeting.datesLabel() + ".",
                        "Please let us know by " + deadlineLabel(deadline, meeting.timeZone()) + " whether you will attend."),
                facts(meeting, span, deadline), replyButtons(invitee), documents(invitee),
                List.of("Each answer link opens a page where you confirm your answer and may add a note; nothing is "
                                + "recorded until you send it there. You may also answer the secretariat by e-mail, "
                                + "phone or letter.",
                        "The calendar entry attached holds the meeting's dates in your calendar; accepting it there "
                                + "does not answer the secretariat: please answer through the links above."));
        return mail("invitation-" + invitee.invitationId(), meeting, invitee, letter,
                new CalendarPart("REQUEST", InvitationCalendar.request(entry(meeting, span, invitee,
                        "Please reply by " + deadlineLabel(deadline, meeting.timeZone())
                                + " through the links of the invitation mail.", now))));
    }

    /**
     * A reminder to one who has not answered, with the reply buttons when the invitee has a link.
     *
     * @param key the outbox key, once per reminder
     */
    OutgoingMail reminder(String key, Meeting meeting, MeetingCalendar.Span span, Invitee invitee, Instant deadline) {
        Letter letter = new Letter("Reminder: " + meeting.title(), "Reminder", "Dear " + invitee.name() + ",",
                List.of("We have not yet heard whether you will attend the " + meeting.title() + ", "
                        + meeting.datesLabel() + ".",
                        "Please let us know by " + deadlineLabel(deadline, meeting.timeZone()) + "."),
                facts(meeting, span, deadline), replyButtons(invitee), documents(invitee),
                List.of("You may also answer the secretariat by e-mail, phone or letter."));
        return mail(key, meeting, invitee, letter, null);
    }

    /**
     * The update after the meeting moved: what changed, the meeting as it now stands and the calendar
     * entry with the same UID and the higher sequence (METHOD:REQUEST). One per invitee and change.
     *
     * @param changes what changed, in words ("The dates are now …")
     * @param deadline the invitee's reply deadline if a reply is still awaited; null otherwise
     */
    OutgoingMail update(Meeting meeting, MeetingCalendar.Span span, Invitee invitee, List<String> changes,
                        Instant deadline, Instant now) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("The " + meeting.title() + " has changed.");
        paragraphs.addAll(changes);
        paragraphs.add(deadline == null ? "Your reply stands; please tell the secretariat if the change affects it."
                : "Please let us know by " + deadlineLabel(deadline, meeting.timeZone()) + " whether you will attend.");
        Letter letter = new Letter("Changed: " + meeting.title(), "The meeting has changed", "Dear " + invitee.name() + ",",
                paragraphs, facts(meeting, span, deadline), deadline == null ? List.of() : replyButtons(invitee),
                documents(invitee), List.of("The calendar entry attached replaces the one you received before."));
        return mail("invitation-" + invitee.invitationId() + "-update-" + invitee.sequence(), meeting, invitee, letter,
                new CalendarPart("REQUEST", InvitationCalendar.request(entry(meeting, span, invitee,
                        String.join("\n", changes), now))));
    }

    /**
     * The cancellation of the invitee's calendar entry (METHOD:CANCEL, the same UID, the higher
     * sequence): the meeting was cancelled, or the invitation withdrawn.
     *
     * @param heading "The meeting is cancelled" or "Your invitation is withdrawn"
     * @param why     the paragraphs that say what and why
     */
    OutgoingMail cancellation(Meeting meeting, MeetingCalendar.Span span, Invitee invitee, String heading,
                              List<String> why, Instant now) {
        Letter letter = new Letter("Cancelled: " + meeting.title(), heading, "Dear " + invitee.name() + ",", why,
                List.of(new Fact("Meeting", meeting.title()), new Fact("Was to be held", meeting.datesLabel() + ", "
                        + meeting.place())), List.of(), List.of(),
                List.of("The calendar entry attached removes the meeting from your calendar."));
        return mail("invitation-" + invitee.invitationId() + "-cancel-" + invitee.sequence(), meeting, invitee, letter,
                new CalendarPart("CANCEL", InvitationCalendar.cancel(entry(meeting, span, invitee,
                        String.join("\n", why), now))));
    }

    /**
     * The background paper to a participant who accepted, its PDF attached, with the link to the
     * concept note and agenda. Key {@code background-paper-<participantId>}: once per participant.
     *
     * @param paperTitle    the paper's title; {@code version} its number
     * @param documentsLink the signed link to the concept note and agenda; may be null
     */
    OutgoingMail backgroundPaper(Meeting meeting, MeetingCalendar.Span span, Participants.Participant participant,
                                 String documentsLink, String paperTitle, int version, Attachment pdf) {
        Letter letter = new Letter("Background paper: " + meeting.title(), "Background paper",
                "Dear " + participant.fullName() + ",",
                List.of("Thank you for confirming that you will attend the " + meeting.title() + ", " + meeting.place()
                                + ", " + meeting.datesLabel() + ".",
                        "Please find attached the background paper for the meeting's discussions: " + paperTitle
                                + " (version " + version + ", signed off by the secretariat's reviewers)."),
                facts(meeting, span, null), List.of(),
                documentsLink == null ? List.of() : List.of(new Link("The concept note and the agenda", documentsLink)),
                List.of("The paper is attached as a PDF file (" + pdf.fileName() + ")."));
        return new OutgoingMail("background-paper-" + participant.id(), meeting.code(),
                new MailAddress(participant.email(), participant.fullName()), letter.subject(), text(letter),
                html(letter), null, List.of(pdf));
    }

    /** The letter as plain text: the same words, each link written out under its label. */
    static String text(Letter letter) {
        StringBuilder text = new StringBuilder(letter.greeting()).append("\n\n");
        letter.paragraphs().forEach(p -> text.append(p).append("\n\n"));
        letter.facts().forEach(f -> text.append(f.label()).append(": ").append(f.value()).append('\n'));
        if (!letter.facts().isEmpty()) {
            text.append('\n');
        }
        for (Link link : concat(letter.buttons(), letter.links())) {
            text.append(link.label()).append(":\n").append(link.url()).append("\n\n");
        }
        letter.notes().forEach(n -> text.append(n).append("\n\n"));
        return text.toString().stripTrailing() + "\n";
    }

    /** The letter as an HTML document. */
    String html(Letter letter) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("letter", letter);
        return templates.process("invitation/letter", context);
    }

    private OutgoingMail mail(String key, Meeting meeting, Invitee invitee, Letter letter, CalendarPart calendar) {
        return new OutgoingMail(key, meeting.code(), new MailAddress(invitee.email(), invitee.name()), letter.subject(),
                text(letter), html(letter), calendar, List.of());
    }

    private static List<Fact> facts(Meeting meeting, MeetingCalendar.Span span, Instant deadline) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Meeting", meeting.title()));
        facts.add(new Fact("Dates", meeting.datesLabel() + ", " + TIME.format(span.start()) + " to "
                + TIME.format(span.end()) + " (" + meeting.timeZone().getId() + " time)"));
        facts.add(new Fact("Venue", meeting.place()));
        if (deadline != null) {
            facts.add(new Fact("Please reply by", deadlineLabel(deadline, meeting.timeZone())));
        }
        return facts;
    }

    private static List<Link> replyButtons(Invitee invitee) {
        if (invitee.replyLink() == null) {
            return List.of();
        }
        return List.of(new Link("I will attend", invitee.replyLink() + "?reply=" + InvitationReply.ACCEPT.formValue()),
                new Link("I cannot attend", invitee.replyLink() + "?reply=" + InvitationReply.DECLINE.formValue()));
    }

    private static List<Link> documents(Invitee invitee) {
        return invitee.documentsLink() == null ? List.of()
                : List.of(new Link("The concept note and the agenda", invitee.documentsLink()));
    }

    private InvitationCalendar.Entry entry(Meeting meeting, MeetingCalendar.Span span, Invitee invitee,
                                           String description, Instant now) {
        return new InvitationCalendar.Entry(InvitationCalendar.uid(meeting.code(), invitee.participantId()),
                invitee.sequence(), now, span.start(), span.end(), meeting.title(), meeting.place(), description,
                organizer, new InvitationCalendar.CalendarUser(invitee.name(), invitee.email()));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** "Convene secretariat <secretariat@convene.example>" → the organizer of the calendar entries. */
    static InvitationCalendar.CalendarUser organizer(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            String name = address.getPersonal();
            return new InvitationCalendar.CalendarUser(name == null || name.isBlank() ? address.getAddress() : name,
                    address.getAddress());
        } catch (AddressException e) {
            throw new IllegalStateException("convene.mail.from is not an address: " + from, e);
        }
    }
}
