package org.convene.meeting;

import org.springframework.modulith.NamedInterface;

/** Where a meeting stands as a whole: running, or how it ended. */
@NamedInterface("events")
public enum MeetingState {
    /** Its lifecycle runs (or it has no process: registered without one). */
    RUNNING("Running"),
    /** Its lifecycle ran to its end: the Common Framework was published. */
    FINISHED("Finished"),
    /** Cancelled by staff or a manager (MeetingSchedules): its processes were ended and the invitees told. */
    CANCELLED("Cancelled"),
    /**
     * Its process was deleted by hand (Cockpit, the REST API) without cancelling the meeting: nothing
     * runs any more and the invitees were not told. Cancelling it still tells them.
     */
    STOPPED("Stopped");

    private final String label;

    MeetingState(String label) {
        this.label = label;
    }

    /** As people read it, e.g. "Cancelled". */
    public String label() {
        return label;
    }
}
