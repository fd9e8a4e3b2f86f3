package org.convene.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.identity.UserDirectory;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ReviewDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The concept note: every submission is a new, immutable version (the seed's six sections);
 * every review is recorded with its comments. Tasks show the latest version through these
 * methods (input parameters in ConceptNoteApprovalProcess.bpmn). Announces
 * {@link ConceptNoteSubmitted}, {@link ConceptNoteApproved} and {@link ConceptNoteReturned}.
 */
@Component("conceptNotes")
public class ConceptNotes {

    /**
     * A version of the concept note: its number (from 1; 0 for one not yet stored), the six
     * sections and who wrote it (a user id, or "seed"). Texts are Markdown. Section 4 sets the
     * seats envisaged in all and, for some of the categories to invite, seats per category
     * ({@code categoryTargets}, in {@link ParticipantCategory} order; never null, may be empty).
     */
    public record ConceptNote(int version, String background, String objectives, String convener,
                              int participantsTarget, List<ParticipantCategory> participantCategories,
                              String timingAndLocation, String documentation, String author,
                              Map<ParticipantCategory, Integer> categoryTargets) {

        public ConceptNote {
            Map<ParticipantCategory, Integer> sorted = new EnumMap<>(ParticipantCategory.class);
            if (categoryTargets != null) {
                sorted.putAll(categoryTargets);
            }
            categoryTargets = Collections.unmodifiableMap(sorted);
        }

        /** A version without targets per category (the total only). */
        public ConceptNote(int version, String background, String objectives, String convener, int participantsTarget,
                           List<ParticipantCategory> participantCategories, String timingAndLocation,
                           String documentation, String author) {
            this(version, background, objectives, convener, participantsTarget, participantCategories,
                    timingAndLocation, documentation, author, Map.of());
        }

        /** {@code Senior government representatives, International organizations}. */
        public String participantCategoryNames() {
            return participantCategories.stream().map(ParticipantCategory::label).collect(Collectors.joining(", "));
        }
    }

    /**
     * A manager's decision on a version of the concept note (or, with no version, on the agenda:
     * {@link Agendas#reviewHistory}): the decision as its {@link ReviewDecision#formValue() form value},
     * comments (may be null), the reviewer's user id, the time in UTC.
     */
    public record Review(Integer version, String decision, String comments, String reviewer, OffsetDateTime reviewedAt) {

        public boolean approved() {
            return ReviewDecision.APPROVE.formValue().equals(decision);
        }
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    ConceptNotes(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
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

    /**
     * The latest version; empty before the first is stored. Read once per transaction and meeting
     * (until {@link #save} stores the next): a task's input parameters ask for a section each, a
     * dozen times as the task is created (ConceptNoteApprovalProcess.bpmn), and all show one version.
     */
    public Optional<ConceptNote> latest(String meetingCode) {
        Map<String, Optional<ConceptNote>> read = ReadInTransaction.current();
        Optional<ConceptNote> latest = read == null ? null : read.get(meetingCode);
        if (latest == null) {
            latest = jdbc.sql("""
                    select * from cv_concept_note_version where meeting_code = ?
                    order by version desc fetch first 1 rows only""")
                    .param(meetingCode)
                    .query(ConceptNotes::note)
                    .optional();
            if (read != null) {
                read.put(meetingCode, latest);
            }
        }
        return latest;
    }

    /**
     * The latest versions read in the current transaction, by meeting code: kept by a synchronization
     * of that transaction, so that a transaction of its own (REQUIRES_NEW) starts without them and they
     * go with it.
     */
    private static final class ReadInTransaction implements TransactionSynchronization {

        private final Map<String, Optional<ConceptNote>> latest = new HashMap<>();

        /** This transaction's; null outside a transaction (nothing kept). */
        static Map<String, Optional<ConceptNote>> current() {
            if (!TransactionSynchronizationManager.isActualTransactionActive()
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return null;
            }
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof ReadInTransaction read) {
                    return read.latest;
                }
            }
            ReadInTransaction read = new ReadInTransaction();
            TransactionSynchronizationManager.registerSynchronization(read);
            return read.latest;
        }
    }

    /**
     * One version of the concept note.
     *
     * @param version its number, from 1
     * @return empty when the meeting has no such version
     */
    public Optional<ConceptNote> version(String meetingCode, int version) {
        return jdbc.sql("select * from cv_concept_note_version where meeting_code = ? and version = ?")
                .params(meetingCode, version)
                .query(ConceptNotes::note)
                .optional();
    }

    private static ConceptNote note(ResultSet rs, int n) throws SQLException {
        return new ConceptNote(rs.getInt("version"), rs.getString("background"),
                rs.getString("objectives"), rs.getString("convener"), rs.getInt("participants_target"),
                ParticipantCategory.ofFormValues(rs.getString("participant_categories")),
                rs.getString("timing_and_location"), rs.getString("documentation"), rs.getString("author"),
                CategoryTargets.parse(rs.getString("category_targets")));
    }

    /**
     * One text section of the latest version, as a task's input parameter shows it.
     *
     * @param name the section's form field: {@code background}, {@code objectives}, {@code convener},
     *             {@code timingAndLocation} or {@code documentation} ({@link ConceptNoteApprovalProcess})
     * @return the text; null before the first version
     * @throws IllegalArgumentException for another name
     */
    public String section(String meetingCode, String name) {
        return latest(meetingCode).map(note -> switch (name) {
            case ConceptNoteApprovalProcess.BACKGROUND -> note.background();
            case ConceptNoteApprovalProcess.OBJECTIVES -> note.objectives();
            case ConceptNoteApprovalProcess.CONVENER -> note.convener();
            case ConceptNoteApprovalProcess.TIMING_AND_LOCATION -> note.timingAndLocation();
            case ConceptNoteApprovalProcess.DOCUMENTATION -> note.documentation();
            default -> throw new IllegalArgumentException("No concept note section " + name);
        }).orElse(null);
    }

    /** The seats envisaged by the latest version; null before the first. */
    public Long participantsTarget(String meetingCode) {
        return latest(meetingCode).map(note -> (long) note.participantsTarget()).orElse(null);
    }

    /**
     * The seats the latest version envisages for one category, as the drafting form's number field
     * shows it; null before the first version and when it sets no target for the category.
     *
     * @param category a {@link ParticipantCategory} name, e.g. {@code GOV}
     * @throws IllegalArgumentException for another name
     */
    public Long categoryTarget(String meetingCode, String category) {
        ParticipantCategory c = ParticipantCategory.valueOf(category);
        return latest(meetingCode).map(note -> note.categoryTargets().get(c)).map(Long::valueOf).orElse(null);
    }

    /** The latest version's targets per category (in category order); empty before the first and when it sets none. */
    public Map<ParticipantCategory, Integer> categoryTargets(String meetingCode) {
        return latest(meetingCode).map(ConceptNote::categoryTargets).orElse(Map.of());
    }

    /**
     * Markdown for the review: {@code Seats per category: Senior government representatives 10 ·
     * International organizations 6.}; empty (never null) when the latest version sets no target.
     */
    public String categoryTargetsSummary(String meetingCode) {
        Map<ParticipantCategory, Integer> targets = categoryTargets(meetingCode);
        return targets.isEmpty() ? "" : "Seats per category: " + targets.entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(" · ")) + ".";
    }

    /** The latest version's categories as the checklist holds them (a JSON array of names); all before the first. */
    public SpinJsonNode participantCategories(String meetingCode) {
        List<ParticipantCategory> categories = latest(meetingCode).map(ConceptNote::participantCategories)
                .orElse(Arrays.asList(ParticipantCategory.values()));
        return Spin.JSON(categories.stream().map(Enum::name).toList());
    }

    /** The checklist's options (its {@code valuesKey}): every category, {@code [{label, value}]} as JSON. */
    public SpinJsonNode participantCategoryOptions() {
        return Spin.JSON(ParticipantCategory.formOptions());
    }

    /** The comments of the last review, when it sent the note back; else empty (never null). */
    public String lastComments(String meetingCode) {
        return MeetingReviews.lastReturnComments(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE);
    }

    /**
     * Stores a new version (the given {@code version} is ignored), stamped by the engine's clock,
     * and announces {@link ConceptNoteSubmitted}.
     *
     * @return the number of the new version, from 1
     * @throws ChangeRefused when a category target is for a category not to be invited, is
     *         negative, or the targets add up to more than the seats envisaged in all (keyed by the
     *         form field of the target, {@link ConceptNoteApprovalProcess#targetField}); nothing is stored
     */
    @Transactional
    public int save(String meetingCode, ConceptNote note) {
        CategoryTargets.check(note);
        Map<String, Optional<ConceptNote>> read = ReadInTransaction.current();
        if (read != null) {
            read.remove(meetingCode);
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from cv_concept_note_version where meeting_code = ?")
                .param(meetingCode).query(Integer.class).single();
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_concept_note_version (meeting_code, version, background, objectives, convener,
                    participants_target, participant_categories, timing_and_location, documentation, author, created_at,
                    category_targets)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, version, note.background(), note.objectives(), note.convener(),
                        note.participantsTarget(),
                        note.participantCategories().stream().map(Enum::name).collect(Collectors.joining(",")),
                        note.timingAndLocation(), note.documentation(), note.author(), now,
                        CategoryTargets.format(note.categoryTargets()))
                .update();
        events.publishEvent(new ConceptNoteSubmitted(meetingCode, version, now.toInstant(), note.author()));
        return version;
    }

    /**
     * Records a manager's decision on the latest version and announces {@link ConceptNoteApproved}
     * or {@link ConceptNoteReturned}.
     *
     * @param comments may be null when approving
     * @param taskId the "Review concept note" task (one decision per task); not null
     * @throws java.util.NoSuchElementException when the meeting has no version to review
     */
    @Transactional
    public void recordReview(String meetingCode, ReviewDecision decision, String comments, String reviewer,
                             String taskId) {
        int version = latest(meetingCode).map(ConceptNote::version).orElseThrow();
        OffsetDateTime at = MeetingReviews.record(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE, version, taskId,
                decision, comments, reviewer);
        events.publishEvent(decision == ReviewDecision.APPROVE
                ? new ConceptNoteApproved(meetingCode, version, comments, at.toInstant(), reviewer)
                : new ConceptNoteReturned(meetingCode, version, comments, at.toInstant(), reviewer));
    }

    /** Every review of the concept note, oldest first. */
    public List<Review> reviewHistory(String meetingCode) {
        return MeetingReviews.reviews(jdbc, meetingCode, MeetingReviews.CONCEPT_NOTE);
    }
}
