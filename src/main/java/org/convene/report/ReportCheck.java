package org.convene.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.ReportDraft.FindingDraft;
import org.convene.report.WorkingGroupReport.Actor;
import org.convene.report.WorkingGroupReport.Arrangement;
import org.convene.report.WorkingGroupReport.Finding;
import org.convene.workflow.ChangeRefused;

/**
 * The rules of a report's save, all checked before anything is stored: every message is keyed by
 * the field it belongs to, in the API's words ({@code arrangements[1].actors},
 * {@code findings[0].text}), so the page shows it beside the field and the API answers 400 with it.
 * Assigns the new arrangements and findings their ids.
 */
final class ReportCheck {

    static final int MAX_QUESTIONS = 12;
    static final int MAX_ENTRIES = 200;

    /** What a save stores: the report's own questions (empty for the agenda's), arrangements, findings, counters. */
    record Checked(List<String> ownQuestions, List<Arrangement> arrangements, List<Finding> findings, int nextArrangement,
                   int nextFinding) {
    }

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final WorkingGroupReport current;
    private final Map<String, String> meetingArrangements;
    private final List<String> agendaQuestions;
    private int nextArrangement;
    private int nextFinding;

    /**
     * @param current             the report as stored (its stage decides what may change)
     * @param meetingArrangements every arrangement id of the meeting's reports → its working group
     * @param agendaQuestions     the group's questions on the agenda
     */
    private ReportCheck(WorkingGroupReport current, Map<String, String> meetingArrangements, List<String> agendaQuestions,
                        int nextArrangement, int nextFinding) {
        this.current = current;
        this.meetingArrangements = meetingArrangements;
        this.agendaQuestions = agendaQuestions;
        this.nextArrangement = nextArrangement;
        this.nextFinding = nextFinding;
    }

    /**
     * @throws ChangeRefused naming every field that breaks a rule
     */
    static Checked check(WorkingGroupReport current, ReportDraft draft, Map<String, String> meetingArrangements,
                         List<String> agendaQuestions, int nextArrangement, int nextFinding) {
        ReportCheck check = new ReportCheck(current, meetingArrangements, agendaQuestions, nextArrangement, nextFinding);
        Checked checked = check.run(draft);
        if (!check.errors.isEmpty()) {
            throw new ChangeRefused(check.errors);
        }
        return checked;
    }

    private Checked run(ReportDraft draft) {
        List<String> own = questions(draft.questions());
        int questionCount = own.isEmpty() ? agendaQuestions.size() : own.size();
        List<Arrangement> arrangements = new ArrayList<>();
        for (int i = 0; i < draft.arrangements().size(); i++) {
            arrangements.add(arrangement("arrangements[" + i + "]", draft.arrangements().get(i)));
        }
        if (draft.arrangements().size() > MAX_ENTRIES) {
            errors.put("arrangements", "A report holds at most " + MAX_ENTRIES + " arrangements.");
        }
        duplicates("arrangements", arrangements.stream().map(a -> a == null ? null : a.id()).toList(), "id");
        duplicates("arrangements", arrangements.stream().map(a -> a == null ? null : a.name()).toList(), "name");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < draft.findings().size(); i++) {
            findings.add(finding("findings[" + i + "]", draft.findings().get(i), draft.arrangements(), arrangements,
                    questionCount));
        }
        if (draft.findings().size() > MAX_ENTRIES) {
            errors.put("findings", "A report holds at most " + MAX_ENTRIES + " findings.");
        }
        duplicates("findings", findings.stream().map(f -> f == null ? null : f.id()).toList(), "id");
        if (current.stage() == ReportStage.VALIDATED) {
            keepValidated(own, arrangements, findings);
        }
        return new Checked(own, arrangements, findings, nextArrangement, nextFinding);
    }

    private List<String> questions(List<String> given) {
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String text = text(given.get(i));
            if (text == null) {
                errors.put("questions[" + i + "]", "A question needs its text; send no questions to keep the agenda's.");
            } else if (text.length() > 1000) {
                errors.put("questions[" + i + "]", "A question has at most 1,000 characters.");
            } else {
                questions.add(text);
            }
        }
        if (given.size() > MAX_QUESTIONS) {
            errors.put("questions", "A working group has at most " + MAX_QUESTIONS + " questions.");
        }
        return questions.equals(agendaQuestions) ? List.of() : questions;
    }

    private Arrangement arrangement(String field, ArrangementDraft a) {
        if (a == null) {
            errors.put(field, "An arrangement is an object with its name, actors and elements.");
            return null;
        }
        String id = text(a.id());
        if (id != null && current.arrangement(id) == null) {
            errors.put(field + ".id", otherGroup(id).map(group -> id + " is an arrangement of " + groupName(group)
                            + "'s report, not of this one.")
                    .orElse("This report has no arrangement " + id + "; leave the id out for a new one."));
        }
        String name = required(field + ".name", a.name(), 300, "An arrangement needs its name.");
        String period = optional(field + ".period", a.period(), 100);
        String region = optional(field + ".region", a.region(), 300);
        String framework = optional(field + ".framework", a.framework(), 2000);
        List<Actor> actors = new ArrayList<>();
        for (int j = 0; j < a.actors().size(); j++) {
            Actor actor = a.actors().get(j);
            String actorField = field + ".actors[" + j + "]";
            String who = actor == null ? null : required(actorField + ".actor", actor.actor(), 200,
                    "Each actor needs a name (\"host State\", \"UNHCR\").");
            String role = actor == null ? null : optional(actorField + ".role", actor.role(), 1000);
            if (actor == null) {
                errors.put(actorField, "An actor is an object: {\"actor\": \"UNHCR\", \"role\": \"...\"}.");
            } else if (who != null) {
                actors.add(new Actor(who, role));
            }
        }
        if (a.actors().isEmpty()) {
            errors.put(field + ".actors", "An arrangement needs at least one actor, with its role.");
        }
        List<FormOfSupport> forms = choices(field + ".formsOfSupport", a.formsOfSupport(), FormOfSupport.class,
                "form of support");
        List<DisplacementPhase> phases = choices(field + ".phases", a.phases(), DisplacementPhase.class,
                "phase of the displacement cycle");
        Scale scale = choice(field + ".scale", a.scale(), Scale.class, "scale");
        TemporalScope scope = choice(field + ".temporalScope", a.temporalScope(), TemporalScope.class, "temporal scope");
        String assigned = id != null ? id : current.workingGroupCode() + "-A" + nextArrangement++;
        return new Arrangement(assigned, name, period, region, actors, framework, forms, scale, scope, phases,
                a.illustrative());
    }

    private Finding finding(String field, FindingDraft f, List<ArrangementDraft> drafts, List<Arrangement> arrangements,
                            int questionCount) {
        if (f == null) {
            errors.put(field, "A finding is an object with its question and text.");
            return null;
        }
        String id = text(f.id());
        Finding stored = id == null ? null : current.finding(id);
        if (id != null && stored == null) {
            errors.put(field + ".id", "This report has no finding " + id + "; leave the id out for a new one.");
        }
        String text = required(field + ".text", f.text(), 4000, "A finding needs its text.");
        Integer question = f.question();
        if (question == null || question < 1 || question > questionCount) {
            errors.put(field + ".question", "The question a finding answers is a number from 1 to " + questionCount
                    + (question == null ? "." : ", not " + question + "."));
        }
        List<String> cited = new ArrayList<>();
        for (int j = 0; j < f.arrangements().size(); j++) {
            String ref = text(f.arrangements().get(j));
            String refField = field + ".arrangements[" + j + "]";
            resolve(ref, drafts, arrangements).ifPresentOrElse(cited::add, () -> errors.put(refField, ref == null
                    ? "Name the arrangement by its id (WG1-A2) or its name."
                    : otherGroup(ref).map(group -> ref + " is an arrangement of " + groupName(group)
                                    + "; a finding cites the arrangements of its own working group's report.")
                            .orElse("This report has no arrangement '" + ref + "'.")));
        }
        boolean fromPlenary = stored != null ? stored.fromPlenary() : current.stage() == ReportStage.VALIDATED;
        String assigned = id != null ? id : current.workingGroupCode() + "-F" + nextFinding++;
        return new Finding(assigned, question == null ? 0 : question, text, cited.stream().distinct().toList(),
                fromPlenary, f.illustrative());
    }

    /** The id of the arrangement a finding cites: by id, or by the name of one in the same draft. */
    private static Optional<String> resolve(String ref, List<ArrangementDraft> drafts, List<Arrangement> arrangements) {
        if (ref == null) {
            return Optional.empty();
        }
        for (int i = 0; i < arrangements.size(); i++) {
            Arrangement a = arrangements.get(i);
            if (a != null && (a.id().equals(ref) || ref.equals(text(drafts.get(i).name())))) {
                return Optional.of(a.id());
            }
        }
        return Optional.empty();
    }

    /** After the chair's validation only the plenary's findings change: the rest stays as validated. */
    private void keepValidated(List<String> own, List<Arrangement> arrangements, List<Finding> findings) {
        String why = " The chair validated version " + current.version() + "; only the plenary's findings can be added now.";
        if (!(own.isEmpty() ? List.of() : own).equals(current.ownQuestions() ? current.questions() : List.of())) {
            errors.putIfAbsent("questions", "The questions cannot change." + why);
        }
        if (!arrangements.equals(current.arrangements())) {
            errors.putIfAbsent("arrangements", "The arrangements cannot change." + why);
        }
        List<Finding> validated = current.findings().stream().filter(f -> !f.fromPlenary()).toList();
        List<Finding> kept = findings.stream().filter(f -> f != null && !f.fromPlenary()).toList();
        if (!kept.equals(validated)) {
            errors.putIfAbsent("findings", "The working group's findings cannot change or go." + why);
        }
    }

    private <E extends Enum<E> & Choice> List<E> choices(String field, List<String> given, Class<E> type, String what) {
        Set<E> chosen = new HashSet<>();
        for (int j = 0; j < given.size(); j++) {
            String value = given.get(j);
            Optional<E> parsed = Choice.parse(type, value);
            if (parsed.isEmpty()) {
                errors.put(field + "[" + j + "]", "'" + value + "' is no " + what + ": " + Choice.labels(type) + ".");
            }
            parsed.ifPresent(chosen::add);
        }
        return java.util.Arrays.stream(type.getEnumConstants()).filter(chosen::contains).toList();
    }

    private <E extends Enum<E> & Choice> E choice(String field, String value, Class<E> type, String what) {
        if (text(value) == null) {
            return null;
        }
        return Choice.parse(type, value).orElseGet(() -> {
            errors.put(field, "'" + value + "' is no " + what + ": " + Choice.labels(type) + ".");
            return null;
        });
    }

    private void duplicates(String field, List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !seen.add(value)) {
                errors.putIfAbsent(field + "[" + i + "]." + what, "'" + value + "' is given twice.");
            }
        }
    }

    private String required(String field, String value, int max, String missing) {
        String text = text(value);
        if (text == null) {
            errors.put(field, missing);
        } else if (text.length() > max) {
            errors.put(field, "At most " + String.format("%,d", max) + " characters (" + text.length() + " given).");
        }
        return text;
    }

    private String optional(String field, String value, int max) {
        String text = text(value);
        if (text != null && text.length() > max) {
            errors.put(field, "At most " + String.format("%,d", max) + " characters (" + text.length() + " given).");
        }
        return text;
    }

    private Optional<String> otherGroup(String arrangementId) {
        return Optional.ofNullable(meetingArrangements.get(arrangementId))
                .filter(group -> !Objects.equals(group, current.workingGroupCode()));
    }

    private static String groupName(String code) {
        return code.replace("WG", "Working Group ");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
