package org.convene.meeting;

/** No meeting has this code: the app's pages answer 404 with this message. */
public class MeetingNotFoundException extends IllegalArgumentException {

    public MeetingNotFoundException(String code) {
        super("There is no meeting with the code " + code + ". Check the code, or open the list of meetings.");
    }
}
