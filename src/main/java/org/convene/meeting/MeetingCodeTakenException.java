package org.convene.meeting;

import org.convene.workflow.ConflictException;

/** A second meeting with a code already in use: refused (409 through REST and Tasklist), never started twice. */
public class MeetingCodeTakenException extends ConflictException {

    public MeetingCodeTakenException(String code) {
        super("A meeting with code " + code + " already exists. Each meeting needs its own code; "
                + "open the existing meeting or choose another code.");
    }
}
