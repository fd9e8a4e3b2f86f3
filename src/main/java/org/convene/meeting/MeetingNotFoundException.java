package org.convene.meeting;

import org.convene.workflow.MeetingHeadings;

/** No meeting has this code: the app's pages answer 404 with this message. */
public class MeetingNotFoundException extends IllegalArgumentException {

    public MeetingNotFoundException(String code) {
        super(MeetingHeadings.notFound(code));
    }
}
