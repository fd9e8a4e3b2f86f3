package org.convene.report;

/** The meeting is unknown, or has no working group with this code (the API answers 404, a page the 404 page). */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String meetingCode, String workingGroupCode) {
        super("Meeting " + meetingCode + " has no working group " + workingGroupCode + ".");
    }

    public ReportNotFoundException(String meetingCode) {
        super("No meeting with code " + meetingCode + ".");
    }
}
