package org.convene.meeting;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convene.document.PrintedDocument;
import org.convene.document.PrintedDocument.Align;
import org.convene.document.PrintedDocument.Block;
import org.convene.document.PrintedDocument.Heading;
import org.convene.document.PrintedDocument.Markdown;
import org.convene.document.PrintedDocument.Paragraph;
import org.convene.document.PrintedDocument.Table;
import org.springframework.stereotype.Component;

/**
 * The concept note and the agenda laid out for print ({@link PrintedDocument}, which the document
 * module's exports turn into PDF and DOCX), in the seed's layout:
 * <ul>
 * <li>the concept note: the meeting's title and dates, "Concept Note", the six numbered sections
 *     ("1. Background" … "6. Documentation"; the drafted texts are Markdown), then, right-aligned at
 *     the end, the convener (section 3 of the approved version) and the day a manager approved it, in
 *     the venue's calendar. The approved version is printed; before any approval the latest version,
 *     marked as a draft, with no date under the convener.</li>
 * <li>the agenda ("Draft agenda" until a manager approves it): per day its date, a table of the
 *     sessions (start and end time, session, kind, room), then the day's parallel working groups with their theme,
 *     chair and rapporteur, and their questions (once for the day when all its groups share them, as
 *     the seed puts them).</li>
 * </ul>
 */
@Component
class MeetingPrints {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Meetings meetings;
    private final ConceptNotes conceptNotes;
    private final Agendas agendas;
    private final AgendaReviews agendaReviews;
    private final MeetingCalendar calendar;

    MeetingPrints(Meetings meetings, ConceptNotes conceptNotes, Agendas agendas, AgendaReviews agendaReviews,
                  MeetingCalendar calendar) {
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
        this.agendas = agendas;
        this.agendaReviews = agendaReviews;
        this.calendar = calendar;
    }

    /**
     * The concept note for print.
     *
     * @return empty before the first version is drafted
     * @throws MeetingNotFoundException for an unknown code
     */
    Optional<PrintedDocument> conceptNote(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        return conceptNotes.latest(meetingCode).map(note -> {
            Optional<ConceptNotes.Review> approval = conceptNotes.reviewHistory(meetingCode).stream()
                    .filter(ConceptNotes.Review::approved)
                    .filter(review -> review.version() != null && review.version() == note.version())
                    .reduce((first, last) -> last);
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Heading(1, "Concept Note"));
            section(blocks, "1. Background", note.background());
            section(blocks, "2. Objectives of the Expert Meeting", note.objectives());
            section(blocks, "3. Convener", note.convener());
            blocks.add(new Heading(2, "4. Suggested Participants"));
            blocks.add(new Paragraph("Approximately " + note.participantsTarget() + " participants are envisaged:"));
            blocks.add(new Markdown(categories(note)));
            section(blocks, "5. Timing and Location", note.timingAndLocation());
            section(blocks, "6. Documentation", note.documentation());
            blocks.add(new Paragraph("\u00a0")); // a blank line before the convener's signature, as in the seed
            blocks.add(new Paragraph(note.convener(), false, false, Align.END));
            blocks.add(new Paragraph(approval.map(review -> DATE.format(review.reviewedAt()
                    .atZoneSameInstant(meeting.timeZone()))).orElse("Draft, not approved yet"), false, false, Align.END));
            String status = approval.isPresent() ? "Version " + note.version() + ", approved"
                    : "Version " + note.version() + ", draft";
            return new PrintedDocument(meeting.title(), List.of(meeting.datesLabel(), status), blocks,
                    meeting.code() + " · Concept note, version " + note.version());
        });
    }

    /**
     * The agenda for print.
     *
     * @throws MeetingNotFoundException for an unknown code
     */
    PrintedDocument agenda(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        List<Agendas.Session> sessions = agendas.sessions(meetingCode);
        List<Agendas.WorkingGroup> groups = agendas.workingGroups(meetingCode);
        boolean approved = agendaReviews.history(meetingCode).stream().reduce((first, last) -> last)
                .map(ConceptNotes.Review::approved).orElse(false);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, approved ? "Agenda" : "Draft Agenda"));
        for (int day : calendar.days(meetingCode)) {
            blocks.add(new Heading(2, calendar.dayLabel(meetingCode, day)));
            List<List<String>> rows = sessions.stream().filter(s -> s.day() == day)
                    .map(s -> List.of(s.startsAt().toString(), s.endsAt().toString(), s.title(), unbroken(s.kindLabel()),
                            s.room()))
                    .toList();
            if (rows.isEmpty()) {
                blocks.add(new Paragraph("No session on this day yet.", false, true, Align.START));
            } else {
                blocks.add(new Table(List.of(unbroken("Start time"), unbroken("End time"), "Session", "Kind", "Room"), rows));
            }
            workingGroups(blocks, groups.stream().filter(g -> g.day() == day).toList());
        }
        return new PrintedDocument(meeting.title(), List.of(meeting.place() + " · " + meeting.datesLabel(),
                "Times are local to the venue (" + meeting.timeZone().getId() + ")."), blocks,
                meeting.code() + " · " + (approved ? "Agenda" : "Draft agenda"));
    }

    private static void workingGroups(List<Block> blocks, List<Agendas.WorkingGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        blocks.add(new Heading(3, groups.size() > 1 ? "Working groups, in parallel" : "Working group"));
        boolean shared = groups.stream().map(Agendas.WorkingGroup::questions).distinct().count() == 1;
        for (Agendas.WorkingGroup group : groups) {
            blocks.add(new Paragraph(group.code().replace("WG", "Working Group ") + " — " + group.title(), true, false,
                    Align.START));
            blocks.add(new Paragraph("Chair: " + orToBeNamed(group.chairName()) + " · Rapporteur: "
                    + orToBeNamed(group.rapporteurName())));
            if (!shared) {
                questions(blocks, group.questions());
            }
        }
        if (shared) {
            blocks.add(new Paragraph(groups.size() > 1 ? "The following questions will be discussed in the Working Groups:"
                    : "The following questions will be discussed in the Working Group:", false, true, Align.START));
            questions(blocks, groups.get(0).questions());
        }
    }

    /**
     * The words joined by no-break spaces. The PDF's table layout gives a column no less than its
     * widest unbreakable header or label and breaks a cell's longer word anywhere ("09:" over "00"):
     * headers as wide as a time, and kinds on one line, keep the times and kinds whole.
     */
    private static String unbroken(String words) {
        return words.replace(' ', '\u00a0');
    }

    private static void questions(List<Block> blocks, List<String> questions) {
        IntStream.range(0, questions.size()).forEach(i -> blocks.add(new Paragraph((i + 1) + ". " + questions.get(i))));
    }

    private static String orToBeNamed(String name) {
        return name == null ? "to be named" : name;
    }

    private static void section(List<Block> blocks, String heading, String markdown) {
        blocks.add(new Heading(2, heading));
        blocks.add(markdown == null || markdown.isBlank() ? new Paragraph("—") : new Markdown(markdown));
    }

    /** The categories to invite as a Markdown list, with the seats per category when the note sets them. */
    private static String categories(ConceptNotes.ConceptNote note) {
        Map<ParticipantCategory, Integer> targets = note.categoryTargets();
        StringBuilder list = new StringBuilder();
        for (ParticipantCategory category : note.participantCategories()) {
            list.append("- ").append(category.label());
            if (targets.containsKey(category)) {
                list.append(" (").append(targets.get(category)).append(')');
            }
            list.append('\n');
        }
        return list.toString();
    }
}
