package org.convene.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A working group's structured report, as it stands or as one of its versions was kept: the
 * answers to its questions as records. Under "other examples" the cooperative arrangements with
 * their elements; under the other questions (what worked well, challenges and obstacles, lessons
 * learned with the seed's five) the findings, each citing the arrangements it refers to.
 *
 * @param meetingCode      the meeting's code
 * @param workingGroupCode the group's code, e.g. {@code WG1}
 * @param title            "Report of Working Group 1 — Mass influx"
 * @param stage            where the report stands
 * @param version          the number of the last version kept (submitted to the chair or presented), 0 for none
 * @param questions        the group's questions in order (question 1 is {@code questions.get(0)})
 * @param ownQuestions     true when the report carries questions of its own instead of the agenda's
 * @param arrangements     the cooperative arrangements, in order
 * @param findings         the findings, in order
 * @param updatedBy        who saved it last (user id); null before a first save
 * @param updatedAt        when (UTC); null before a first save
 */
public record WorkingGroupReport(String meetingCode, String workingGroupCode, String title, ReportStage stage, int version,
                                 List<String> questions, boolean ownQuestions, List<Arrangement> arrangements,
                                 List<Finding> findings, String updatedBy, OffsetDateTime updatedAt) {

    public WorkingGroupReport {
        questions = List.copyOf(questions);
        arrangements = List.copyOf(arrangements);
        findings = List.copyOf(findings);
    }

    /**
     * An example of a cooperative arrangement, with its elements.
     *
     * @param id             stable across saves and versions, e.g. {@code WG1-A2}
     * @param name           "CIREFCA"
     * @param period         "1987–1994"; may be null
     * @param region         the region or situation, "Central America"; may be null
     * @param actors         the actors and their roles, at least one
     * @param framework      the framework used ("UNGA resolution, regional conference"); may be null
     * @param formsOfSupport the forms of burden and responsibility sharing, in the order of {@link FormOfSupport}
     * @param scale          targeted or comprehensive; may be null
     * @param temporalScope  ad hoc, time-bound or standing; may be null
     * @param phases         the phases of the displacement cycle covered, in the order of {@link DisplacementPhase}
     * @param illustrative   true when the example is illustrative or inferred rather than sourced
     */
    public record Arrangement(String id, String name, String period, String region, List<Actor> actors, String framework,
                              List<FormOfSupport> formsOfSupport, Scale scale, TemporalScope temporalScope,
                              List<DisplacementPhase> phases, boolean illustrative) {

        public Arrangement {
            actors = List.copyOf(actors);
            formsOfSupport = List.copyOf(formsOfSupport);
            phases = List.copyOf(phases);
        }
    }

    /** An actor of an arrangement ("host State", "UNHCR") and its role there; the role may be null. */
    public record Actor(String actor, String role) {
    }

    /**
     * A finding: one answer to one of the group's questions.
     *
     * @param id           stable across saves and versions, e.g. {@code WG1-F3}; recommendations cite it
     * @param question     the question it answers, 1 for the first
     * @param text         the finding, plain text (at most 4,000 characters)
     * @param arrangements the ids of the arrangements of the same report it refers to, in order
     * @param fromPlenary  true when the plenary added it after the chair validated the report
     * @param illustrative true when it is illustrative or inferred rather than sourced
     */
    public record Finding(String id, int question, String text, List<String> arrangements, boolean fromPlenary,
                          boolean illustrative) {

        public Finding {
            arrangements = List.copyOf(arrangements);
        }
    }

    /** The finding with this id; null when the report has none. */
    public Finding finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    /** The arrangement with this id; null when the report has none. */
    public Arrangement arrangement(String id) {
        return arrangements.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    /** The findings under one question (1 for the first), in order. */
    public List<Finding> findingsOf(int question) {
        return findings.stream().filter(f -> f.question() == question).toList();
    }

    /** Whether the report holds nothing yet (no arrangement, no finding). */
    @JsonIgnore
    public boolean isEmpty() {
        return arrangements.isEmpty() && findings.isEmpty();
    }
}
