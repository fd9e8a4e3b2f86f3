package org.convene.invitation;

import java.util.Comparator;
import java.util.List;
import org.convene.workflow.ConfirmedParticipants;
import org.springframework.stereotype.Component;

/** The meeting's participants who accepted their invitation, for the meeting module's attendance register. */
@Component
class ConfirmedParticipantList implements ConfirmedParticipants {

    private final Participants participants;

    ConfirmedParticipantList(Participants participants) {
        this.participants = participants;
    }

    @Override
    public List<Confirmed> of(String meetingCode) {
        return participants.list(meetingCode).stream()
                .filter(p -> p.invitationStatus() == InvitationStatus.ACCEPTED)
                .sorted(Comparator.comparing(Participants.Participant::name, String.CASE_INSENSITIVE_ORDER))
                .map(p -> new Confirmed(p.id(), p.name(), p.organisation(), p.category().label()))
                .toList();
    }
}
