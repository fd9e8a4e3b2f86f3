package org.convene.meeting;

import org.camunda.bpm.engine.BadUserRequestException;

/** A second meeting with a code already in use: refused, never started twice. */
public class MeetingCodeTakenException extends BadUserRequestException {

    public MeetingCodeTakenException(String code) {
        super("A meeting with code " + code + " already exists. Each meeting needs its own code; "
                + "open the existing meeting or choose another code.");
    }
}
