package org.convene.report;

/**
 * The meeting is unknown, or has no working group with this code, or the report no such version
 * (the API answers 404, a page the 404 page).
 */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String meetingCode, String workingGroupCode) {
        super("Meeting " + meetingCode + " has no working group " + workingGroupCode + ".");
    }

    public ReportNotFoundException(String meetingCode) {
        super("No meeting with code " + meetingCode + ".");
    }

    private ReportNotFoundException(String message, Void unused) {
        super(message);
    }

    /** The report has {@code kept} versions (0: none yet), and not {@code version}. */
    static ReportNotFoundException noVersion(String meetingCode, String workingGroupCode, int version, int kept) {
        return new ReportNotFoundException("The report of " + workingGroupCode + " of " + meetingCode + " has "
                + (kept == 0 ? "no version yet" : "versions 1 to " + kept) + ", not " + version + ".", (Void) null);
    }
}
