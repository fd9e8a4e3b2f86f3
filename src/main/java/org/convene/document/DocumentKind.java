package org.convene.document;

/**
 * The kinds of document a meeting produces, with the title a form shows. A meeting has one
 * document of each kind, except working-group reports and plenary notes (one per working group,
 * the part being the group's code, e.g. {@code WG1}) and day summaries (one per day, the part being
 * the day's number, e.g. {@code 2}). The names are stored in cv_document and named by the BPMN
 * ({@code documentKind} input parameters and {@code ${documents.latestText(meetingCode, 'WG_REPORT', workingGroupCode)}}).
 */
public enum DocumentKind {
    BACKGROUND_PAPER("Background paper"),
    WG_REPORT("Working group report"),
    PLENARY_NOTES("Plenary discussion"),
    DAY_SUMMARY("Day summary"),
    /** The notes staff record of the meeting's closing session (once per meeting). */
    CLOSING_NOTES("Notes of the closing session"),
    SUMMARY_CONCLUSIONS("Summary conclusions"),
    RECOMMENDATIONS("Recommendations"),
    COMMON_FRAMEWORK("Common Framework on International Cooperation to Share Burden and Responsibilities");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    /**
     * The title of this kind's document for a part, e.g. "Report of Working Group 1" for
     * {@code WG_REPORT} and {@code WG1}, "Summary of Day 2" for {@code DAY_SUMMARY} and {@code 2}.
     *
     * @param part the working group's code or the day's number; ignored (may be null or empty) by the
     *             kinds a meeting has once
     * @throws NullPointerException when a per-group or per-day kind gets no part
     */
    public String title(String part) {
        return switch (this) {
            case WG_REPORT -> "Report of " + part.replace("WG", "Working Group ");
            case PLENARY_NOTES -> "Plenary discussion of the report of " + part.replace("WG", "Working Group ");
            case DAY_SUMMARY -> "Summary of Day " + part;
            default -> title;
        };
    }
}
