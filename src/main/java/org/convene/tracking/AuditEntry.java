package org.convene.tracking;

import java.time.OffsetDateTime;

/**
 * One entry of a meeting's audit trail: when (UTC), who, what happened, to what, the decision
 * taken (approved, returned, signed, accepted, ...), the comments given, and where the entry
 * comes from: {@link #RECORD}, kept as long as the meeting, or {@link #ENGINE_HISTORY}, the engine's user operation log, which
 * Camunda's history cleanup removes after the processes' time-to-live.
 *
 * @param when           the instant, at offset UTC; never null
 * @param who            a user id; for a reply by signed link, the invitee; null when unknown
 * @param what           what happened, e.g. "Concept note reviewed"; never null
 * @param subject        to what, e.g. "Concept note, version 2"; may be null
 * @param decision       e.g. "approved", "returned", "signed", "27 present"; may be null
 * @param comments       as the person wrote them; may be null
 * @param source         where the entry comes from, in a manager's words; never null
 * @param engineHistory  true for an entry of the engine's user operation log
 */
public record AuditEntry(OffsetDateTime when, String who, String what, String subject, String decision,
                         String comments, String source, boolean engineHistory) {

    /** The source of the entries of tracking's own record of the modules' events, kept as long as the meeting. */
    public static final String RECORD = "Convene's record";

    /** The source of the engine's entries, completed with their time-to-live: "engine history (kept 180 days)". */
    public static final String ENGINE_HISTORY = "engine history";
}
