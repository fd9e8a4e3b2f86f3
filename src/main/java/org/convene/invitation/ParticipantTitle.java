package org.convene.invitation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a participant is addressed, as a secretariat writes it before the name (optional);
 * cv_participant.title stores the name. {@link #label()} is what a page, a mail or the export shows.
 */
public enum ParticipantTitle {
    MR("Mr", "mr", "mister"),
    MS("Ms", "ms", "mrs", "miss", "mme", "madame"),
    DR("Dr", "dr", "doctor"),
    PROF("Prof", "prof", "professor"),
    HE("H.E.", "he", "his excellency", "her excellency", "excellency");

    private final String label;
    private final List<String> words;

    ParticipantTitle(String label, String... words) {
        this.label = label;
        this.words = Arrays.stream(words).map(ParticipantInput::key).toList();
    }

    /** "Dr", "H.E.". */
    public String label() {
        return label;
    }

    /**
     * The title a person wrote: its label or name in any case, with or without dots ({@code Dr.},
     * {@code H.E}, {@code HE}), or a word for it ({@code Professor}, {@code Mrs}, {@code Her Excellency}).
     *
     * @return empty when the text is none of them
     */
    public static Optional<ParticipantTitle> of(String text) {
        String key = ParticipantInput.key(text);
        return Arrays.stream(values()).filter(t -> t.words.contains(key)).findFirst();
    }

    /** "Mr, Ms, Dr, Prof or H.E.": for a message naming what is accepted. */
    static String choices() {
        return "Mr, Ms, Dr, Prof or H.E.";
    }
}
