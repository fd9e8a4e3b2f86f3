package org.convene.tracking;

import java.time.OffsetDateTime;

/**
 * One entry of a meeting's audit trail: when (UTC), who, what happened, to what, the decision
 * taken (approved, returned, signed, accepted, ...), the comments given, and where the entry
 * comes from: one of the modules' append-only tables ({@code cv_meeting_review}, ...), kept as
 * long as the meeting, or {@link #ENGINE_HISTORY}, the engine's user operation log, which
 * Camunda's history cleanup removes after the processes' time-to-live.
 *
 * @param who            a user id; for a reply by signed link, the invitee
 * @param engineHistory  true for an entry of the engine's user operation log
 */
public record AuditEntry(OffsetDateTime when, String who, String what, String subject, String decision,
                         String comments, String source, boolean engineHistory) {

    /** The source of the engine's entries, completed with their time-to-live: "engine history (kept 180 days)". */
    public static final String ENGINE_HISTORY = "engine history";
}
