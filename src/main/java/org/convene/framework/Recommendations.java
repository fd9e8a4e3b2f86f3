package org.convene.framework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVersions;
import org.convene.document.Documents;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.meeting.Meetings;
import org.convene.report.MeetingFindings;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.convene.workflow.EngineClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recommendations of a meeting as records: each cites the findings of the meeting's
 * working-group reports it rests on (at least one) and serves an objective of the concept note.
 * Staff enter them on {@code /meetings/{code}/recommendations} or through
 * {@code PUT /api/meetings/{code}/recommendations}; completing "Draft recommendations" writes them,
 * as Markdown, as the next version of the meeting's RECOMMENDATIONS document, which the reviewers
 * sign off (SignOffProcess). While that version is in sign-off, and once it is signed off, they
 * cannot change; a rejection opens them again. RecommendationsProcess reaches this bean as
 * {@code recommendations}.
 */
@Component("recommendations")
public class Recommendations {

    static final int MAX_TEXT = 4000;
    static final String FIELD = "recommendations";

    private final RecommendationStore store;
    private final Meetings meetings;
    private final MeetingFindings findings;
    private final RecommendationObjectives objectives;
    private final Documents documents;
    private final DocumentVersions statuses;

    Recommendations(RecommendationStore store, Meetings meetings, MeetingFindings findings,
                    RecommendationObjectives objectives, Documents documents, DocumentVersions statuses) {
        this.store = store;
        this.meetings = meetings;
        this.findings = findings;
        this.objectives = objectives;
        this.documents = documents;
        this.statuses = statuses;
    }

    /**
     * The meeting's recommendations in order, each with its findings as they stand.
     *
     * @throws MeetingNotFoundException for an unknown meeting
     */
    public List<Recommendation> list(String meetingCode) {
        requireMeeting(meetingCode);
        Map<String, MeetingFindings.Listed> byId = findingsById(meetingCode);
        return store.rows(meetingCode).stream().map(row -> new Recommendation(row.id(), row.text(),
                objective(meetingCode, row.objective()), FrameworkElementKind.parse(row.proposes()).orElse(null),
                row.findings().stream().map(id -> byId.getOrDefault(id, missing(id))).toList())).toList();
    }

    /** The recommendation with this id; empty when the meeting has none such. */
    public Optional<Recommendation> find(String meetingCode, String id) {
        return list(meetingCode).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Who saved the recommendations last (user id) and when (UTC); empty before a first save. */
    public Optional<Map.Entry<String, OffsetDateTime>> lastSaved(String meetingCode) {
        return store.updated(meetingCode);
    }

    /**
     * Replaces the meeting's recommendations with these, checked first and stored only when every
     * rule holds. Ids of stored recommendations are kept; new ones get the next number.
     *
     * @param user who saves them (user id)
     * @return the recommendations as stored
     * @throws MeetingNotFoundException for an unknown meeting
     * @throws ChangeRefused            naming each field that breaks a rule, e.g.
     *                                  {@code recommendations[1].findings}: "A recommendation rests on at least one
     *                                  finding …", a finding of another meeting, an unknown objective
     * @throws ConflictException        while the recommendations are with the reviewers or once they are signed off
     */
    @Transactional
    public List<Recommendation> replace(String meetingCode, List<RecommendationDraft> drafts, String user) {
        requireMeeting(meetingCode);
        OffsetDateTime now = EngineClock.now();
        int next = store.lock(meetingCode, now);
        requireEditable(meetingCode);
        Set<String> stored = store.rows(meetingCode).stream().map(RecommendationStore.Row::id).collect(Collectors.toSet());
        Map<String, MeetingFindings.Listed> byId = findingsById(meetingCode);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<RecommendationStore.Row> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = FIELD + "[" + i + "]";
            RecommendationDraft draft = drafts.get(i);
            if (draft == null) {
                errors.put(field, "A recommendation is an object with its text, objective and findings.");
                continue;
            }
            String id = blank(draft.id());
            if (id != null && (!stored.contains(id) || !seen.add(id))) {
                errors.put(field + ".id", stored.contains(id) ? "Recommendation " + id + " is given twice."
                        : meetingCode + " has no recommendation " + id + ": leave the id out for a new one.");
            }
            String text = blank(draft.text());
            if (text == null) {
                errors.put(field + ".text", "A recommendation needs its text.");
            } else if (text.length() > MAX_TEXT) {
                errors.put(field + ".text", "A recommendation has at most " + MAX_TEXT + " characters, not " + text.length() + ".");
            }
            List<RecommendationObjectives.Objective> known = objectives.of(meetingCode);
            if (draft.objective() == null || known.stream().noneMatch(o -> o.number() == draft.objective())) {
                errors.put(field + ".objective", "Name the objective of the concept note it serves by its number: "
                        + known.stream().map(o -> o.number() + " (" + o.text() + ")").collect(Collectors.joining(", ")) + ".");
            }
            FrameworkElementKind proposes = null;
            if (blank(draft.proposes()) != null) {
                proposes = FrameworkElementKind.parse(draft.proposes()).orElse(null);
                if (proposes == null) {
                    errors.put(field + ".proposes", "'" + draft.proposes() + "' is no kind of framework element: "
                            + FrameworkElementKind.names() + ", or none.");
                }
            }
            List<String> cited = findings(meetingCode, draft.findings(), byId, field + ".findings", errors);
            if (id == null) {
                id = "R" + next++;
            }
            rows.add(new RecommendationStore.Row(id, text, draft.objective() == null ? 0 : draft.objective(),
                    proposes == null ? null : proposes.name(), cited));
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        store.replace(meetingCode, rows, next, user, now);
        return list(meetingCode);
    }

    /**
     * "Draft recommendations" completed: the recommendations as they stand become, as Markdown
     * ({@link #markdown}), the next version of the meeting's RECOMMENDATIONS document, which the
     * reviewers sign off.
     *
     * @param taskId the drafting task (one version per task); null when no task submits them
     * @throws IllegalStateException when the meeting has no recommendation yet
     */
    @Transactional
    public Documents.Version submit(String meetingCode, String user, String taskId) {
        store.lock(meetingCode, EngineClock.now());
        List<Recommendation> all = list(meetingCode);
        if (all.isEmpty()) {
            throw new IllegalStateException("Meeting " + meetingCode + " has no recommendation yet: enter them, each with "
                    + "the findings it rests on, on the recommendations page first.");
        }
        return documents.saveDraft(meetingCode, DocumentKind.RECOMMENDATIONS, "", RecommendationText.markdown(all),
                user, taskId);
    }

    /** Whether staff may change the recommendations now: not while in sign-off, nor once signed off. */
    public boolean editable(String meetingCode) {
        return whyLocked(meetingCode).isEmpty();
    }

    /** The recommendations as the reviewers sign them: Markdown, each with its objective and findings. */
    public String markdown(String meetingCode) {
        return RecommendationText.markdown(list(meetingCode));
    }

    /** One line for the drafting task's form: "3 recommendations citing 5 findings", or "None entered yet.". */
    public String summary(String meetingCode) {
        List<Recommendation> all = list(meetingCode);
        if (all.isEmpty()) {
            return "None entered yet.";
        }
        long cited = all.stream().flatMap(r -> r.findingIds().stream()).distinct().count();
        return all.size() + " recommendation" + (all.size() == 1 ? "" : "s") + " citing " + cited + " finding"
                + (cited == 1 ? "" : "s");
    }

    /** The meeting's findings a recommendation may cite, as the report module lists them. */
    public List<MeetingFindings.Listed> citable(String meetingCode) {
        return findings.list(meetingCode, MeetingFindings.Filter.none());
    }

    /** The concept note's objectives, numbered. */
    public List<RecommendationObjectives.Objective> objectives(String meetingCode) {
        return objectives.of(meetingCode);
    }

    private void requireEditable(String meetingCode) {
        whyLocked(meetingCode).ifPresent(why -> {
            throw new ConflictException(why);
        });
    }

    private Optional<String> whyLocked(String meetingCode) {
        return FrameworkRecords.whyLocked(documents, statuses, meetingCode, DocumentKind.RECOMMENDATIONS,
                "The recommendations of " + meetingCode);
    }

    private static List<String> findings(String meetingCode, List<String> refs, Map<String, MeetingFindings.Listed> byId,
                                         String field, Map<String, String> errors) {
        return FrameworkRecords.references(meetingCode, refs, byId.keySet(), field, errors, new FrameworkRecords.Words(
                "A recommendation rests on at least one finding of the working groups' reports: choose the findings it "
                        + "comes from.", "WG1-F3",
                (id, meeting) -> id + " is a finding of meeting " + meeting + ": a recommendation of " + meetingCode
                        + " rests on this meeting's findings only.",
                id -> meetingCode + " has no finding '" + id + "': its findings are listed on /meetings/" + meetingCode
                        + "/findings."));
    }

    private Map<String, MeetingFindings.Listed> findingsById(String meetingCode) {
        return citable(meetingCode).stream()
                .collect(Collectors.toMap(MeetingFindings.Listed::id, Function.identity(), (a, b) -> a));
    }

    private RecommendationObjectives.Objective objective(String meetingCode, int number) {
        RecommendationObjectives.Objective found = objectives.find(meetingCode, number);
        return found != null ? found : new RecommendationObjectives.Objective(number, "(no longer in the concept note)");
    }

    private static MeetingFindings.Listed missing(String id) {
        String group = id.contains("-") ? id.substring(0, id.indexOf('-')) : "";
        return new MeetingFindings.Listed(group, "", id, 0, "", "(no longer in its report)", Map.of(), false, false, null);
    }

    private void requireMeeting(String meetingCode) {
        if (meetings.find(meetingCode).isEmpty()) {
            throw new MeetingNotFoundException(meetingCode);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
