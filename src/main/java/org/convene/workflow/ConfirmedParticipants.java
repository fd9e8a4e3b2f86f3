package org.convene.workflow;

import java.util.List;

/**
 * Who confirmed they will attend a meeting (accepted their invitation): the meeting module's
 * attendance register asks it, the invitation module answers it ({@code invitation/ConfirmedParticipantList}).
 * Declared here because the invitation module uses the meeting module, not the other way round.
 */
public interface ConfirmedParticipants {

    /** A participant who accepted: the participant's id in the invitation module, name, organisation and category label. */
    record Confirmed(long participantId, String name, String organisation, String category) {
    }

    /** The meeting's participants who accepted, by name; empty for none or an unknown meeting. */
    List<Confirmed> of(String meetingCode);
}
