package org.convene.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.meeting.ConceptNotes;
import org.springframework.stereotype.Component;

/**
 * The objectives of a meeting's concept note that a recommendation serves, numbered as the concept
 * note numbers them. The concept note keeps its objectives as one Markdown section; its numbered
 * items ({@code - (1) situations/refugee challenges …;}, or {@code 1. …}) are the objectives. A
 * concept note without numbered items (or none yet) has the seed's three, the objectives of the
 * Amman expert meeting for which the framework is shaped.
 */
@Component
public class RecommendationObjectives {

    /** One objective: its number (1 for the first) and its text, without the list's punctuation. */
    public record Objective(int number, String text) {
    }

    /** The seed's three objectives (concept note of 29 March 2011, section 2). */
    static final List<Objective> SEED = List.of(
            new Objective(1, "situations/refugee challenges where better international cooperation could be instrumental"),
            new Objective(2, "common elements and lessons learned from previous cooperative arrangements"),
            new Objective(3, "parameters/benchmarks for future cooperative arrangements, including burden-sharing "
                    + "mechanisms and triggers for collective responses"));

    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+]\\s*)?(?:\\((\\d{1,2})\\)|(\\d{1,2})[.)])\\s+(.+)$");

    private final ConceptNotes conceptNotes;

    RecommendationObjectives(ConceptNotes conceptNotes) {
        this.conceptNotes = conceptNotes;
    }

    /** The meeting's objectives, in order; never empty. */
    public List<Objective> of(String meetingCode) {
        return conceptNotes.latest(meetingCode).map(note -> parse(note.objectives())).filter(list -> !list.isEmpty())
                .orElse(SEED);
    }

    /** The objective with this number; null when the meeting has none such. */
    public Objective find(String meetingCode, int number) {
        return of(meetingCode).stream().filter(o -> o.number() == number).findFirst().orElse(null);
    }

    /** The numbered items of a Markdown objectives section, in order; empty when it has none. */
    static List<Objective> parse(String objectives) {
        List<Objective> found = new ArrayList<>();
        if (objectives == null) {
            return found;
        }
        for (String line : objectives.split("\\R")) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                int number = Integer.parseInt(item.group(1) != null ? item.group(1) : item.group(2));
                String text = item.group(3).strip().replaceAll("(;\\s*(and|or)?|[.,;:])$", "").strip();
                if (found.stream().noneMatch(o -> o.number() == number)) {
                    found.add(new Objective(number, text));
                }
            }
        }
        return found;
    }
}
