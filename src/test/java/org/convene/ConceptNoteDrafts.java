package org.convene;

import static org.convene.meeting.ConceptNoteApprovalProcess.BACKGROUND;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONVENER;
import static org.convene.meeting.ConceptNoteApprovalProcess.DOCUMENTATION;
import static org.convene.meeting.ConceptNoteApprovalProcess.OBJECTIVES;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANTS_TARGET;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES;
import static org.convene.meeting.ConceptNoteApprovalProcess.TIMING_AND_LOCATION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.convene.meeting.ParticipantCategory;

/**
 * What "Draft concept note" (and "Revise concept note") submits: the seed's six sections, 25
 * seats, three categories; only the background varies from test to test.
 */
public final class ConceptNoteDrafts {

    private static final List<String> CATEGORIES = List.of(
            ParticipantCategory.GOV.name(), ParticipantCategory.IO.name(), ParticipantCategory.ACA.name());

    private ConceptNoteDrafts() {
    }

    /** As Tasklist submits it to the engine (the categories a JSON list); a mutable map. */
    public static Map<String, Object> submission(String background) {
        Map<String, Object> values = new HashMap<>();
        values.put(BACKGROUND, background);
        values.put(OBJECTIVES, "Identify common elements and lessons learned from previous cooperative arrangements.");
        values.put(CONVENER, "UNHCR, Division of International Protection");
        values.put(PARTICIPANTS_TARGET, 25);
        values.put(PARTICIPANT_CATEGORIES, Spin.JSON(CATEGORIES));
        values.put(TIMING_AND_LOCATION, "8–9 February 2027 in Amman, Jordan");
        values.put(DOCUMENTATION, "A background paper will be made available.");
        return values;
    }

    /** The same, as the {@code variables} of a REST call ({@code {"name": {"value": …}}}). */
    public static Map<String, Object> restVariables(String background) {
        Map<String, Object> values = submission(background);
        values.put(PARTICIPANT_CATEGORIES, CATEGORIES);
        Object[] namesAndValues = values.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        return RestClients.variables(namesAndValues);
    }
}
