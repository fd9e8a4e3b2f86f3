package org.convene.document;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.workflow.ProcessVariables;

/** Starts SignOffProcess on a version as a caller's call activity does, for tests of what shows a sign-off. */
public final class SignOffs {

    private SignOffs() {
    }

    /** Named reviewers (comma-separated user ids), policy ALL, the demo meeting's title and place. */
    public static ProcessInstance start(ProcessDriver driver, String meetingCode, long versionId, String reviewerIds) {
        return driver.start(SignOffProcess.ID, meetingCode, Map.of(
                ProcessVariables.MEETING_CODE, meetingCode,
                ProcessVariables.MEETING_TITLE, ExpertMeetings.TITLE,
                ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE,
                ProcessVariables.MEETING_DATES, "8–9 February 2027",
                DocumentVariables.DOCUMENT_VERSION_ID, versionId,
                SignOffProcess.REVIEWER_IDS, reviewerIds,
                SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString()));
    }
}
