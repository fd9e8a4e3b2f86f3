package org.convene.framework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.convene.report.DisplacementPhase;
import org.convene.report.FormOfSupport;
import org.convene.report.WorkingGroupReport;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.convene.workflow.EngineClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Common Framework of a meeting as records: its set of understandings and its operational
 * toolbox ({@link FrameworkElementKind}), each element resting on at least one of the meeting's
 * recommendations and, through them, on the working groups' findings. Staff enter it on
 * {@code /meetings/{code}/framework} or through {@code PUT /api/meetings/{code}/framework};
 * completing "Draft Common Framework" writes it, as Markdown, as the next version of the meeting's
 * COMMON_FRAMEWORK document, which the reviewers sign off and a manager approves; it cannot change
 * while in sign-off, once signed off (with the manager) or approved; a rejection or a manager's return
 * opens it again. CommonFrameworkProcess reaches this bean as {@code commonFramework}.
 */
@Component("commonFramework")
public class CommonFramework {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 4000;
    static final String FIELD = "elements";

    private final CommonFrameworkStore store;
    private final Meetings meetings;
    private final Recommendations recommendations;
    private final WorkingGroupReports reports;
    private final Documents documents;
    private final DocumentVersions statuses;

    CommonFramework(CommonFrameworkStore store, Meetings meetings, Recommendations recommendations,
                    WorkingGroupReports reports, Documents documents, DocumentVersions statuses) {
        this.store = store;
        this.meetings = meetings;
        this.recommendations = recommendations;
        this.reports = reports;
        this.documents = documents;
        this.statuses = statuses;
    }

    /**
     * The framework's elements: the understandings first, then the toolbox kind by kind
     * ({@link FrameworkElementKind}'s order), each kind in the order entered.
     *
     * @throws MeetingNotFoundException for an unknown meeting
     */
    public List<FrameworkElement> elements(String meetingCode) {
        Map<String, Recommendation> byId = recommendations.list(meetingCode).stream()
                .collect(Collectors.toMap(Recommendation::id, Function.identity()));
        Map<String, FrameworkElement.Arrangement> arrangements = arrangements(meetingCode);
        List<FrameworkElement> elements = new ArrayList<>();
        for (FrameworkElementKind kind : FrameworkElementKind.values()) {
            store.rows(meetingCode).stream().filter(row -> row.kind().equals(kind.name())).forEach(row -> elements.add(
                    new FrameworkElement(row.id(), kind, row.title(), row.text(),
                            choice(FormOfSupport.class, row.formOfSupport(), FormOfSupport::label).orElse(null),
                            choice(DisplacementPhase.class, row.phase(), DisplacementPhase::label).orElse(null),
                            row.arrangement() == null ? null : arrangements.getOrDefault(row.arrangement(),
                                    new FrameworkElement.Arrangement(row.arrangement(), "(no longer in its report)", "")),
                            row.illustrative(),
                            row.recommendations().stream().map(id -> byId.getOrDefault(id, new Recommendation(id,
                                    "(no longer among the recommendations)", new RecommendationObjectives.Objective(0, ""),
                                    null, List.of()))).toList())));
        }
        return elements;
    }

    /** Who saved the framework last (user id) and when (UTC); empty before a first save. */
    public Optional<Map.Entry<String, OffsetDateTime>> lastSaved(String meetingCode) {
        return store.updated(meetingCode);
    }

    /**
     * Replaces the framework's elements with these, checked first and stored only when every rule
     * holds. Ids of stored elements are kept; new ones get their kind's letter and next number.
     *
     * @param user who saves it (user id)
     * @return the elements as stored
     * @throws MeetingNotFoundException for an unknown meeting
     * @throws ChangeRefused            naming each field that breaks a rule, e.g. {@code elements[2].recommendations}:
     *                                  "An element of the framework rests on at least one recommendation …", an
     *                                  unknown recommendation or arrangement, a form of support that is none
     * @throws ConflictException        while it is in sign-off, with the manager, or once approved
     */
    @Transactional
    public List<FrameworkElement> replace(String meetingCode, List<FrameworkElementDraft> drafts, String user) {
        requireMeeting(meetingCode);
        OffsetDateTime now = EngineClock.now();
        store.lock(meetingCode, now);
        whyLocked(meetingCode).ifPresent(why -> {
            throw new ConflictException(why);
        });
        Map<String, String> storedKinds = store.rows(meetingCode).stream()
                .collect(Collectors.toMap(CommonFrameworkStore.Row::id, CommonFrameworkStore.Row::kind));
        Set<String> known = recommendations.list(meetingCode).stream().map(Recommendation::id).collect(Collectors.toSet());
        Map<String, FrameworkElement.Arrangement> arrangements = arrangements(meetingCode);
        Map<String, Integer> counters = new HashMap<>(store.counters(meetingCode));
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<CommonFrameworkStore.Row> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = FIELD + "[" + i + "]";
            FrameworkElementDraft draft = drafts.get(i);
            if (draft == null) {
                errors.put(field, "An element is an object with its kind, title and the recommendations it rests on.");
                continue;
            }
            FrameworkElementKind kind = FrameworkElementKind.parse(draft.kind()).orElse(null);
            if (kind == null) {
                errors.put(field + ".kind", (blank(draft.kind()) == null ? "Name the element's kind: "
                        : "'" + draft.kind() + "' is no kind of framework element: ") + FrameworkElementKind.names() + ".");
            }
            String id = blank(draft.id());
            if (id != null && (!storedKinds.containsKey(id) || !seen.add(id))) {
                errors.put(field + ".id", storedKinds.containsKey(id) ? "Element " + id + " is given twice."
                        : meetingCode + " has no framework element " + id + ": leave the id out for a new one.");
            } else if (id != null && kind != null && !storedKinds.get(id).equals(kind.name())) {
                errors.put(field + ".kind", "Element " + id + " is a " + FrameworkElementKind.valueOf(storedKinds.get(id))
                        .label().toLowerCase(Locale.ROOT) + ": remove it and add a new element of the other kind.");
            }
            String arrangement = null;
            if (kind == FrameworkElementKind.EXAMPLE_ARRANGEMENT) {
                arrangement = blank(draft.arrangement());
                if (arrangement == null || !arrangements.containsKey(arrangement)) {
                    errors.put(field + ".arrangement", (arrangement == null ? "An example arrangement names the cooperative "
                            + "arrangement of the working groups' reports it is drawn from"
                            : meetingCode + "'s reports have no arrangement '" + arrangement + "'")
                            + ": " + (arrangements.isEmpty() ? "none is entered yet." : String.join(", ", arrangements.keySet()) + "."));
                }
            }
            String title = blank(draft.title());
            if (title == null && arrangement != null && arrangements.containsKey(arrangement)) {
                title = arrangements.get(arrangement).name();
            }
            if (title == null && !errors.containsKey(field + ".arrangement")) {
                errors.put(field + ".title", "An element needs its title.");
            } else if (title != null && title.length() > MAX_TITLE) {
                errors.put(field + ".title", "A title has at most " + MAX_TITLE + " characters, not " + title.length() + ".");
            }
            String text = blank(draft.text());
            if (text != null && text.length() > MAX_TEXT) {
                errors.put(field + ".text", "An element's text has at most " + MAX_TEXT + " characters, not " + text.length() + ".");
            }
            FormOfSupport form = null;
            if (kind == FrameworkElementKind.FORM_OF_SUPPORT) {
                form = choice(FormOfSupport.class, draft.formOfSupport(), FormOfSupport::label).orElse(null);
                if (form == null) {
                    errors.put(field + ".formOfSupport", "A form of support is one of: " + labels(FormOfSupport.class,
                            FormOfSupport::label) + (blank(draft.formOfSupport()) == null ? "." : ", not '" + draft.formOfSupport() + "'."));
                }
            }
            DisplacementPhase phase = null;
            if (kind == FrameworkElementKind.PHASE) {
                phase = choice(DisplacementPhase.class, draft.phase(), DisplacementPhase::label).orElse(null);
                if (phase == null) {
                    errors.put(field + ".phase", "A phase of the displacement cycle is one of: " + labels(DisplacementPhase.class,
                            DisplacementPhase::label) + (blank(draft.phase()) == null ? "." : ", not '" + draft.phase() + "'."));
                }
            }
            List<String> sources = sources(meetingCode, draft.recommendations(), known, field + ".recommendations", errors);
            if (kind != null && id == null) {
                int next = counters.getOrDefault(kind.name(), 1);
                id = kind.prefix() + next;
                counters.put(kind.name(), next + 1);
            }
            rows.add(new CommonFrameworkStore.Row(id, kind == null ? null : kind.name(), title, text,
                    form == null ? null : form.name(), phase == null ? null : phase.name(),
                    kind == FrameworkElementKind.EXAMPLE_ARRANGEMENT ? arrangement : null, draft.illustrative(), sources));
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        store.replace(meetingCode, rows, counters, user, now);
        return elements(meetingCode);
    }

    /**
     * "Draft Common Framework" completed: the framework as it stands becomes, as Markdown
     * ({@link #markdown}), the next version of the meeting's COMMON_FRAMEWORK document, which the
     * reviewers sign off and a manager approves.
     *
     * @param taskId the drafting task (one version per task); null when no task submits it
     * @throws IllegalStateException when the framework has no element yet
     */
    @Transactional
    public Documents.Version submit(String meetingCode, String user, String taskId) {
        store.lock(meetingCode, EngineClock.now());
        List<FrameworkElement> elements = elements(meetingCode);
        if (elements.isEmpty()) {
            throw new IllegalStateException("The Common Framework of " + meetingCode + " has no element yet: enter its "
                    + "understandings and toolbox, each resting on the recommendations it comes from, on the framework page first.");
        }
        return documents.saveDraft(meetingCode, DocumentKind.COMMON_FRAMEWORK, "", CommonFrameworkText.markdown(elements),
                user, taskId);
    }

    /** Whether staff may change the framework now: not while in sign-off, with the manager, or once approved. */
    public boolean editable(String meetingCode) {
        return whyLocked(meetingCode).isEmpty();
    }

    /** The framework as the reviewers sign it and the manager approves it: Markdown, element by element. */
    public String markdown(String meetingCode) {
        return CommonFrameworkText.markdown(elements(meetingCode));
    }

    /** One line for the drafting task's form: "2 understandings and 9 toolbox elements", or "Nothing entered yet.". */
    public String summary(String meetingCode) {
        List<FrameworkElement> elements = elements(meetingCode);
        if (elements.isEmpty()) {
            return "Nothing entered yet.";
        }
        long understandings = elements.stream().filter(e -> !e.kind().toolbox()).count();
        long toolbox = elements.size() - understandings;
        return understandings + " understanding" + (understandings == 1 ? "" : "s") + " and " + toolbox
                + " toolbox element" + (toolbox == 1 ? "" : "s");
    }

    /** The cooperative arrangements of the meeting's reports an example arrangement may be drawn from, by id. */
    public Map<String, FrameworkElement.Arrangement> arrangements(String meetingCode) {
        requireMeeting(meetingCode);
        Map<String, FrameworkElement.Arrangement> all = new LinkedHashMap<>();
        for (WorkingGroupReport report : reports.ofMeeting(meetingCode)) {
            report.arrangements().forEach(a -> all.put(a.id(),
                    new FrameworkElement.Arrangement(a.id(), a.name(), report.workingGroupCode())));
        }
        return all;
    }

    private Optional<String> whyLocked(String meetingCode) {
        return FrameworkRecords.whyLocked(documents, statuses, meetingCode, DocumentKind.COMMON_FRAMEWORK,
                "The Common Framework of " + meetingCode);
    }

    private static List<String> sources(String meetingCode, List<String> refs, Set<String> known, String field,
                                        Map<String, String> errors) {
        return FrameworkRecords.references(meetingCode, refs, known, field, errors, new FrameworkRecords.Words(
                "An element of the framework rests on at least one recommendation: name the recommendations (R1, R2) it "
                        + "comes from.", "R1",
                (id, meeting) -> id + " is a recommendation of meeting " + meeting + ": the framework of " + meetingCode
                        + " rests on this meeting's recommendations only.",
                id -> meetingCode + " has no recommendation '" + id + "'" + (known.isEmpty()
                        ? ": enter the recommendations first." : ": " + known.stream().sorted()
                        .collect(Collectors.joining(", ")) + ".")));
    }

    /** The value named by its name or label, in any case, blanks, hyphens, slashes and brackets alike. */
    static <E extends Enum<E>> Optional<E> choice(Class<E> type, String text, Function<E, String> label) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normal(text);
        return Arrays.stream(type.getEnumConstants())
                .filter(v -> normal(v.name()).equals(key) || normal(label.apply(v)).equals(key)
                        || normal(label.apply(v)).startsWith(key + " "))
                .findFirst();
    }

    private static <E extends Enum<E>> String labels(Class<E> type, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", "));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_/()-]+", " ").strip();
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
