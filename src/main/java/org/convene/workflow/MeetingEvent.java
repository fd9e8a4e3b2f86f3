package org.convene.workflow;

import java.time.Instant;

/**
 * Something that happened to a meeting and that a module announces to the others: a past-tense
 * record in the announcing module's package ({@code ConceptNoteApproved}, {@code InvitationAccepted},
 * {@code DocumentSigned}, …), published with Spring's {@code ApplicationEventPublisher} in the
 * transaction of the change. The tracking module keeps its append-only audit record and the
 * managers' read model from these events (Spring Modulith's event publication registry retries a
 * listener that failed), so a module never reads another's tables.
 */
public interface MeetingEvent {

    /** The meeting's code, e.g. {@code EM-2027-AMMAN}; never null. */
    String meetingCode();

    /** When it happened, by the engine's clock ({@code ClockUtil.getCurrentTime()}), so fast-forwarded tests agree; never null. */
    Instant occurredAt();

    /** The user id of who did it; null when no user of the app did (an invitee's link, the engine's timer). */
    String actor();
}
