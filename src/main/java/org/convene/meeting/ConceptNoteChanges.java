package org.convene.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.convene.document.VersionChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What changed in the concept note between two versions, section by section (the seed's six
 * sections, and the seats per participant category as a seventh), each section compared
 * paragraph by paragraph and word by word by the document module's {@link VersionChanges}. A
 * manager reviewing the note sees it from the version they last reviewed
 * ({@link #defaultFrom}); the page is {@code /meetings/{code}/concept-note/changes}
 * ({@link ConceptNoteChangesPage}).
 */
@Component
public class ConceptNoteChanges {

    /** One section of the note: its heading as the seed numbers it, and its paragraphs compared. */
    public record Section(String title, List<VersionChanges.Paragraph> paragraphs) {

        /** Whether anything in the section was inserted, deleted or changed. */
        public boolean changed() {
            return VersionChanges.changed(paragraphs);
        }

        /** The paragraphs in runs, the unchanged ones to fold away. */
        public List<VersionChanges.Run> runs() {
            return VersionChanges.runs(paragraphs);
        }
    }

    /** Two versions compared: from (the earlier), to (the later), and every section. */
    public record Comparison(int from, int to, List<Section> sections) {

        /** Whether any section changed. */
        public boolean changed() {
            return sections.stream().anyMatch(Section::changed);
        }
    }

    private final ConceptNotes conceptNotes;
    private final VersionChanges changes;
    private final JdbcClient jdbc;

    ConceptNoteChanges(ConceptNotes conceptNotes, VersionChanges changes, JdbcClient jdbc) {
        this.conceptNotes = conceptNotes;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    /**
     * The version a reviewer compares version {@code to} with by default: the highest version below
     * it that the user reviewed (cv_meeting_review), else the one before it; 0 when {@code to} is the first.
     */
    public int defaultFrom(String meetingCode, int to, String userId) {
        return MeetingReviews.lastReviewedBelow(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE, userId, to)
                .orElse(to - 1);
    }

    /**
     * Two versions of the meeting's concept note compared.
     *
     * @param from the earlier version's number, from 1
     * @param to   the later version's number, from 1
     * @throws NoSuchElementException when the meeting has no such version
     */
    public Comparison compare(String meetingCode, int from, int to) {
        ConceptNotes.ConceptNote before = conceptNotes.version(meetingCode, from)
                .orElseThrow(() -> new NoSuchElementException(meetingCode + " has no concept note version " + from));
        ConceptNotes.ConceptNote after = conceptNotes.version(meetingCode, to)
                .orElseThrow(() -> new NoSuchElementException(meetingCode + " has no concept note version " + to));
        return new Comparison(from, to, sections(before, after));
    }

    /** The sections of two versions, compared in the seed's order. */
    List<Section> sections(ConceptNotes.ConceptNote before, ConceptNotes.ConceptNote after) {
        List<Section> sections = new ArrayList<>();
        sections.add(section("1. Background", before.background(), after.background()));
        sections.add(section("2. Objectives of the Expert Meeting", before.objectives(), after.objectives()));
        sections.add(section("3. Convener", before.convener(), after.convener()));
        sections.add(section("4. Suggested Participants", participants(before), participants(after)));
        sections.add(section("Seats per participant category", targets(before.categoryTargets()),
                targets(after.categoryTargets())));
        sections.add(section("5. Timing and Location", before.timingAndLocation(), after.timingAndLocation()));
        sections.add(section("6. Documentation", before.documentation(), after.documentation()));
        return sections;
    }

    private Section section(String title, String before, String after) {
        return new Section(title, changes.paragraphs(before, after));
    }

    /** Section 4 as the form shows it: the number envisaged, then the categories to invite. */
    private static String participants(ConceptNotes.ConceptNote note) {
        return "Approximately " + note.participantsTarget() + " participants are envisaged.\n\nCategories to invite: "
                + note.participantCategoryNames() + ".";
    }

    /** One paragraph per category with a target ("Senior government representatives: 10 seats"), in category order. */
    private static String targets(Map<ParticipantCategory, Integer> targets) {
        return targets.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue() + " seats")
                .collect(Collectors.joining("\n\n"));
    }
}
