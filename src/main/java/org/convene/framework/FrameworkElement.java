package org.convene.framework;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.report.DisplacementPhase;
import org.convene.report.FormOfSupport;
import org.convene.report.MeetingFindings;

/**
 * An element of a meeting's Common Framework as stored, with what it rests on: the recommendations
 * and, through them, the findings, working groups and questions.
 *
 * @param id              stable across saves, e.g. {@code T2} (the kind's letter and a number)
 * @param kind            its kind: an understanding, or one of the toolbox's
 * @param title           its name
 * @param text            what it says; may be null
 * @param formOfSupport   the form of support of a FORM_OF_SUPPORT; else null
 * @param phase           the phase of a PHASE; else null
 * @param arrangement     the cooperative arrangement of an EXAMPLE_ARRANGEMENT; else null
 * @param illustrative    true when illustrative or inferred rather than sourced
 * @param recommendations the recommendations it rests on, in the order cited, each with its findings
 */
public record FrameworkElement(String id, FrameworkElementKind kind, String title, String text,
                               FormOfSupport formOfSupport, DisplacementPhase phase, Arrangement arrangement,
                               boolean illustrative, List<Recommendation> recommendations) {

    /**
     * The cooperative arrangement an example arrangement is drawn from.
     *
     * @param id               e.g. {@code WG1-A2}
     * @param name             "ICARA I and ICARA II"
     * @param workingGroupCode its report's working group, e.g. {@code WG1}
     */
    public record Arrangement(String id, String name, String workingGroupCode) {
    }

    public FrameworkElement {
        recommendations = List.copyOf(recommendations);
    }

    /** The findings it rests on through its recommendations, each once, in the order met. */
    @JsonProperty
    public List<MeetingFindings.Listed> findings() {
        Map<String, MeetingFindings.Listed> found = new LinkedHashMap<>();
        recommendations.forEach(r -> r.findings().forEach(f -> found.putIfAbsent(f.id(), f)));
        return List.copyOf(found.values());
    }

    /** The working groups of its findings (and of its arrangement): "WG1 Report of Working Group 1 — …", each once. */
    @JsonProperty
    public List<String> workingGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        findings().forEach(f -> groups.putIfAbsent(f.workingGroupCode(), f.workingGroupTitle()));
        if (arrangement != null) {
            groups.putIfAbsent(arrangement.workingGroupCode(), "");
        }
        return groups.entrySet().stream().map(e -> e.getValue().isBlank() ? e.getKey() : e.getValue()).toList();
    }

    /** The questions of its findings: "WG1 Q5: What lessons were learned?", each once. */
    @JsonProperty
    public List<String> questions() {
        return findings().stream().filter(f -> f.question() > 0)
                .map(f -> f.workingGroupCode() + " Q" + f.question() + ": " + f.questionText()).distinct().toList();
    }
}
