package org.convene.document;

/** The kinds of document a meeting produces, with the title a form shows. */
public enum DocumentKind {
    BACKGROUND_PAPER("Background paper"),
    WG_REPORT("Working group report"),
    PLENARY_NOTES("Plenary discussion"),
    DAY_SUMMARY("Day summary"),
    SUMMARY_CONCLUSIONS("Summary conclusions"),
    RECOMMENDATIONS("Recommendations"),
    COMMON_FRAMEWORK("Common Framework on International Cooperation to Share Burden and Responsibilities");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    public String title(String part) {
        return switch (this) {
            case WG_REPORT -> "Report of " + part.replace("WG", "Working Group ");
            case PLENARY_NOTES -> "Plenary discussion of the report of " + part.replace("WG", "Working Group ");
            case DAY_SUMMARY -> "Summary of Day " + part;
            default -> title;
        };
    }
}
