package org.convene.workflow;

import java.util.Optional;

/**
 * What a page of a module below the meeting module shows of a meeting (its heading), and whether
 * the meeting exists: the mail module's pages and API ask it, the meeting module answers it
 * ({@code meeting/MeetingHeadingLookup}). Declared here so that the mail module needs no
 * dependency on the meeting module, which itself uses modules that send mail (document → mail).
 */
public interface MeetingHeadings {

    /**
     * A meeting as a page heading shows it.
     *
     * @param code       e.g. {@code EM-2027-AMMAN}
     * @param title      the meeting's title
     * @param place      e.g. {@code Amman, Jordan}
     * @param datesLabel the meeting's days, e.g. {@code 8–9 February 2027}
     */
    record Heading(String code, String title, String place, String datesLabel) {
    }

    /** The meeting with this code; empty when there is none. */
    Optional<Heading> find(String code);

    /** What a page says of a code no meeting has (the meeting module's own pages say the same). */
    static String notFound(String code) {
        return "There is no meeting with the code " + code + ". Check the code, or open the list of meetings.";
    }
}
