package org.convene.invitation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A participant's role at the meeting (most are participants); cv_participant.meeting_role stores
 * the name. {@link #label()} is what a page and the export show, and what the import reads back.
 */
public enum MeetingRole {
    PARTICIPANT("participant", "participant", "member", "delegate", "invitee", "expert"),
    CHAIR("chair", "chair", "chairperson", "chairman", "chairwoman", "president"),
    CO_CHAIR("co-chair", "co-chair", "co-chairperson", "vice-chair", "vice chair"),
    RAPPORTEUR("rapporteur", "rapporteur", "general rapporteur", "wg rapporteur"),
    SPEAKER("speaker", "speaker", "presenter", "panellist", "panelist", "keynote", "keynote speaker"),
    OBSERVER("observer", "observer");

    private final String label;
    private final List<String> words;

    MeetingRole(String label, String... words) {
        this.label = label;
        this.words = Arrays.stream(words).map(ParticipantInput::key).toList();
    }

    /** "co-chair". */
    public String label() {
        return label;
    }

    /**
     * The role a person wrote: its label or name in any case, with or without hyphen or space
     * ({@code Co-Chair}, {@code co chair}, {@code CO_CHAIR}), or a common word for it ({@code Chairperson},
     * {@code Panelist}); blank is {@link #PARTICIPANT}.
     *
     * @return empty when the text is none of them
     */
    public static Optional<MeetingRole> of(String text) {
        String key = ParticipantInput.key(text);
        if (key.isEmpty()) {
            return Optional.of(PARTICIPANT);
        }
        return Arrays.stream(values()).filter(r -> r.words.contains(key) || r.name().replace("_", "").toLowerCase().equals(key))
                .findFirst();
    }

    /** "participant, chair, co-chair, rapporteur, speaker or observer". */
    static String choices() {
        List<String> labels = Arrays.stream(values()).map(MeetingRole::label).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }
}
