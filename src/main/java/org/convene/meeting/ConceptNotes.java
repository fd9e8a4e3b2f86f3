package org.convene.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.identity.UserDirectory;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The concept note: every submission is a new, immutable version (the seed's six sections);
 * every review is recorded with its comments. Tasks show the latest version through these
 * methods (input parameters in ConceptNoteApprovalProcess.bpmn).
 */
@Component("conceptNotes")
public class ConceptNotes {

    public static final List<String> CATEGORIES = List.of("GOV", "IO", "REG", "NGO", "ACA");
    /** The categories' names as the concept note states them (the invitation module lists participants by them). */
    public static final Map<String, String> CATEGORY_NAMES = Map.of(
            "GOV", "Senior government representatives", "IO", "International organizations",
            "REG", "Regional bodies", "NGO", "Non-governmental organizations",
            "ACA", "Academics and independent experts");

    public record ConceptNote(int version, String background, String objectives, String convener,
                              int participantsTarget, List<String> participantCategories,
                              String timingAndLocation, String documentation, String author) {

        /** "Senior government representatives, International organizations". */
        public String participantCategoryNames() {
            return participantCategories.stream().map(c -> CATEGORY_NAMES.getOrDefault(c.strip(), c))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Who submitted which version of the concept note, and when (UTC). */
    public record Submission(int version, String author, OffsetDateTime submittedAt) {
    }

    /**
     * A manager's decision on a version of the concept note (or, with no version, on the agenda:
     * {@link Agendas#reviewHistory}); the time in UTC.
     */
    public record Review(Integer version, String decision, String comments, String reviewer, OffsetDateTime reviewedAt) {

        public boolean approved() {
            return "approve".equals(decision);
        }
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;

    ConceptNotes(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The author of the latest version, when a manager sent it back and the author is a user of
     * the app: "Revise concept note" goes back to them. Null otherwise (offered to the group).
     */
    public String returnedTo(String meetingCode) {
        if (lastComments(meetingCode).isEmpty()) {
            return null;
        }
        return latest(meetingCode).map(ConceptNote::author)
                .filter(author -> author != null && users.find(author).isPresent())
                .orElse(null);
    }

    public Optional<ConceptNote> latest(String meetingCode) {
        return jdbc.sql("""
                select * from cv_concept_note_version where meeting_code = ?
                order by version desc fetch first 1 rows only""")
                .param(meetingCode)
                .query((rs, n) -> new ConceptNote(rs.getInt("version"), rs.getString("background"),
                        rs.getString("objectives"), rs.getString("convener"), rs.getInt("participants_target"),
                        Arrays.asList(rs.getString("participant_categories").split(",")),
                        rs.getString("timing_and_location"), rs.getString("documentation"), rs.getString("author")))
                .optional();
    }

    public String section(String meetingCode, String name) {
        return latest(meetingCode).map(note -> switch (name) {
            case "background" -> note.background();
            case "objectives" -> note.objectives();
            case "convener" -> note.convener();
            case "timingAndLocation" -> note.timingAndLocation();
            case "documentation" -> note.documentation();
            default -> throw new IllegalArgumentException("No concept note section " + name);
        }).orElse(null);
    }

    public Long participantsTarget(String meetingCode) {
        return latest(meetingCode).map(note -> (long) note.participantsTarget()).orElse(null);
    }

    public SpinJsonNode participantCategories(String meetingCode) {
        return Spin.JSON(latest(meetingCode).map(ConceptNote::participantCategories).orElse(CATEGORIES));
    }

    /** The comments of the last review, when it sent the note back; else empty. */
    public String lastComments(String meetingCode) {
        return MeetingReviews.lastReturnComments(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE);
    }

    /** Complete listener of "Draft concept note" and "Revise concept note". */
    public void saveVersion(DelegateTask task) {
        String code = Tasks.meetingCode(task);
        save(code, new ConceptNote(0,
                Tasks.text(task, "background"), Tasks.text(task, "objectives"), Tasks.text(task, "convener"),
                ((Number) task.getVariable("participantsTarget")).intValue(),
                categories(task.getVariable("participantCategories")),
                Tasks.text(task, "timingAndLocation"), Tasks.text(task, "documentation"),
                Tasks.currentUser(task)));
    }

    /** Stores a new version; returns its number. */
    public int save(String meetingCode, ConceptNote note) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from cv_concept_note_version where meeting_code = ?")
                .param(meetingCode).query(Integer.class).single();
        jdbc.sql("""
                insert into cv_concept_note_version (meeting_code, version, background, objectives, convener,
                    participants_target, participant_categories, timing_and_location, documentation, author, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, version, note.background(), note.objectives(), note.convener(),
                        note.participantsTarget(), String.join(",", note.participantCategories()),
                        note.timingAndLocation(), note.documentation(), note.author(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return version;
    }

    /** Complete listener of "Review concept note": the decision on the latest version, with its comments. */
    public void recordReview(DelegateTask task) {
        String code = Tasks.meetingCode(task);
        String decision = Tasks.decision(task, "return");
        int version = latest(code).map(ConceptNote::version).orElseThrow();
        MeetingReviews.record(jdbc, code, MeetingReviews.CONCEPT_NOTE, version, task, decision);
    }

    public List<Map<String, Object>> reviews(String meetingCode) {
        return MeetingReviews.history(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE);
    }

    /** Every review of the concept note, oldest first. */
    public List<Review> reviewHistory(String meetingCode) {
        return MeetingReviews.reviews(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE);
    }

    /** Every version of the concept note as submitted (who, when), oldest first; the texts stay here. */
    public List<Submission> submissions(String meetingCode) {
        return jdbc.sql("""
                select version, author, created_at from cv_concept_note_version
                where meeting_code = ? order by version""")
                .param(meetingCode)
                .query((rs, n) -> new Submission(rs.getInt("version"), rs.getString("author"),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    private static List<String> categories(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> codes.add(e.stringValue()));
        } else if (value instanceof List<?> list) {
            list.forEach(e -> codes.add(String.valueOf(e)));
        } else if (value != null) {
            codes.addAll(Arrays.asList(value.toString().split(",")));
        }
        return codes;
    }
}
