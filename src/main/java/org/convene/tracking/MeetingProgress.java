package org.convene.tracking;

import java.time.Instant;
import java.time.ZoneOffset;
import org.convene.document.DocumentApproved;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentPublished;
import org.convene.document.DocumentReturned;
import org.convene.document.DocumentSignOffCompleted;
import org.convene.document.DocumentVersionSubmitted;
import org.convene.invitation.InvitationAccepted;
import org.convene.invitation.InvitationDeclined;
import org.convene.invitation.InvitationLapsed;
import org.convene.invitation.InvitationRepliedLate;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.InvitationReplyCorrected;
import org.convene.invitation.InvitationSent;
import org.convene.invitation.InvitationWithdrawn;
import org.convene.meeting.ConceptNoteApproved;
import org.convene.meeting.ConceptNoteReturned;
import org.convene.meeting.ConceptNoteSubmitted;
import org.convene.meeting.MeetingCancelled;
import org.convene.meeting.MeetingEnded;
import org.convene.meeting.MeetingPhaseStarted;
import org.convene.meeting.MeetingRegistered;
import org.convene.meeting.MeetingRescheduled;
import org.convene.meeting.MeetingState;
import org.convene.workflow.MeetingEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The managers' read model of every meeting (cv_meeting_progress and its two tables), kept up to
 * date from the modules' events as {@link AuditRecord} keeps the audit record: after the announcing
 * transaction committed, in a transaction of its own, handed out again by Spring Modulith's
 * publication registry should it fail. Each event's effect is idempotent, and a fact never undoes a
 * newer one (an event handed out again late): phases only move forward; a meeting that ended stays
 * ended (a cancellation after a deletion by hand says why); an invitation's reply is taken unless a
 * later one is stored; a draft's review follows its version (a decision on version n closes it, a
 * submission of n + 1 opens it again).
 *
 * <p>What is counted: invitations sent, and their replies; drafts waiting for a review, sign-off or
 * approval — the concept note, and each document version submitted until it is approved, returned
 * or its sign-off ends (a signed-off Common Framework still waits for the managers' approval). The
 * agenda and the participant list announce no submission, so they are not counted.
 */
@Component
class MeetingProgress {

    /** cv_meeting_progress_invitation.status: sent and not answered yet. */
    static final String SENT = "SENT";
    static final String ACCEPTED = "ACCEPTED";
    static final String DECLINED = "DECLINED";
    static final String LAPSED = "LAPSED";
    static final String WITHDRAWN = "WITHDRAWN";

    /** cv_meeting_progress_draft.draft of the concept note; documents are {@code KIND} or {@code KIND/part}. */
    static final String CONCEPT_NOTE = "CONCEPT_NOTE";
    private static final String CONCEPT_NOTE_TITLE = "Concept note";

    private final JdbcClient jdbc;

    MeetingProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the event to the read model (events that change nothing it shows are ignored). */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void apply(MeetingEvent event) {
        if (event instanceof MeetingRegistered e) {
            registered(e);
        } else if (event instanceof MeetingRescheduled e) {
            jdbc.sql("""
                    update cv_meeting_progress set first_day = ?, number_of_days = ?, place = ?, time_zone = ?
                    where meeting_code = ?""")
                    .params(e.firstDay(), e.numberOfDays(), e.place(), e.timeZone().getId(), e.meetingCode()).update();
        } else if (event instanceof MeetingPhaseStarted e) {
            jdbc.sql("""
                    update cv_meeting_progress set phase = ?, phase_since = ?, process_instance_id = ?
                    where meeting_code = ? and (phase is null or phase in (%s))""".formatted(earlierPhases(e)))
                    .params(e.phase().name(), at(e.occurredAt()), e.processInstanceId(), e.meetingCode()).update();
        } else if (event instanceof MeetingEnded e) {
            ended(e.meetingCode(), e.state(), e.reason(), e.occurredAt(), e.actor());
        } else if (event instanceof MeetingCancelled e) {
            ended(e.meetingCode(), MeetingState.CANCELLED, e.reason(), e.occurredAt(), e.actor());
        } else if (event instanceof InvitationSent e) {
            sent(e.meetingCode(), e.participantId(), e.occurredAt());
        } else if (event instanceof InvitationAccepted e) {
            reply(e.meetingCode(), e.participantId(), ACCEPTED, e.occurredAt());
        } else if (event instanceof InvitationDeclined e) {
            reply(e.meetingCode(), e.participantId(), DECLINED, e.occurredAt());
        } else if (event instanceof InvitationLapsed e) {
            reply(e.meetingCode(), e.participantId(), LAPSED, e.occurredAt());
        } else if (event instanceof InvitationRepliedLate e) {
            reply(e.meetingCode(), e.participantId(), status(e.reply()), e.occurredAt());
        } else if (event instanceof InvitationReplyCorrected e) {
            reply(e.meetingCode(), e.participantId(), status(e.to()), e.occurredAt());
        } else if (event instanceof InvitationWithdrawn e) {
            reply(e.meetingCode(), e.participantId(), WITHDRAWN, e.occurredAt());
        } else if (event instanceof ConceptNoteSubmitted e) {
            draft(e.meetingCode(), CONCEPT_NOTE, CONCEPT_NOTE_TITLE, e.version(), true, e.occurredAt());
        } else if (event instanceof ConceptNoteApproved e) {
            draft(e.meetingCode(), CONCEPT_NOTE, CONCEPT_NOTE_TITLE, e.version(), false, e.occurredAt());
        } else if (event instanceof ConceptNoteReturned e) {
            draft(e.meetingCode(), CONCEPT_NOTE, CONCEPT_NOTE_TITLE, e.version(), false, e.occurredAt());
        } else if (event instanceof DocumentVersionSubmitted e) {
            // plenary notes, day summaries and the closing session's notes are written, not reviewed
            if (e.kind() != DocumentKind.PLENARY_NOTES && e.kind() != DocumentKind.DAY_SUMMARY
                    && e.kind() != DocumentKind.CLOSING_NOTES) {
                draft(e.meetingCode(), document(e.kind(), e.part()), e.title(), e.version(), true, e.occurredAt());
            }
        } else if (event instanceof DocumentApproved e) {
            draft(e.meetingCode(), document(e.kind(), e.part()), e.title(), e.version(), false, e.occurredAt());
        } else if (event instanceof DocumentReturned e) {
            draft(e.meetingCode(), document(e.kind(), e.part()), e.title(), e.version(), false, e.occurredAt());
        } else if (event instanceof DocumentSignOffCompleted e) {
            // a signed-off Common Framework goes on to the managers' approval
            if (!(e.signedOff() && e.kind() == DocumentKind.COMMON_FRAMEWORK)) {
                draft(e.meetingCode(), document(e.kind(), e.part()), e.title(), e.version(), false, e.occurredAt());
            }
        } else if (event instanceof DocumentPublished e) {
            jdbc.sql("update cv_meeting_progress_draft set in_review = false where meeting_code = ? and draft = ?")
                    .params(e.meetingCode(), document(e.kind(), "")).update();
        }
    }

    private void registered(MeetingRegistered e) {
        if (jdbc.sql("select count(*) from cv_meeting_progress where meeting_code = ?").param(e.meetingCode())
                .query(Integer.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into cv_meeting_progress (meeting_code, title, place, time_zone, first_day, number_of_days, state,
                                                 registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.meetingCode(), e.title(), e.place(), e.timeZone().getId(), e.firstDay(), e.numberOfDays(),
                        MeetingState.RUNNING.name(), at(e.occurredAt()))
                .update();
    }

    /**
     * A running meeting ends. A cancellation has the last word on why and by whom (the end of its process,
     * announced first, carries the engine's delete reason), also for a meeting stopped by hand before.
     */
    private void ended(String code, MeetingState state, String reason, Instant at, String actor) {
        String from = state == MeetingState.CANCELLED
                ? "('" + MeetingState.RUNNING + "', '" + MeetingState.STOPPED + "', '" + MeetingState.CANCELLED + "')"
                : "('" + MeetingState.RUNNING + "')";
        jdbc.sql("update cv_meeting_progress set state = ?, ended_at = ?, ended_by = ?, end_reason = ? "
                        + "where meeting_code = ? and state in " + from)
                .params(state.name(), at(at), actor, reason, code).update();
    }

    private void sent(String code, long participantId, Instant at) {
        if (jdbc.sql("select count(*) from cv_meeting_progress_invitation where meeting_code = ? and participant_id = ?")
                .params(code, participantId).query(Integer.class).single() == 0) {
            jdbc.sql("insert into cv_meeting_progress_invitation (meeting_code, participant_id, status, changed_at) values (?, ?, ?, ?)")
                    .params(code, participantId, SENT, at(at)).update();
        }
    }

    private void reply(String code, long participantId, String status, Instant at) {
        int updated = jdbc.sql("""
                update cv_meeting_progress_invitation set status = ?, changed_at = ?
                where meeting_code = ? and participant_id = ? and changed_at <= ?""")
                .params(status, at(at), code, participantId, at(at)).update();
        if (updated == 0 && jdbc.sql("select count(*) from cv_meeting_progress_invitation where meeting_code = ? and participant_id = ?")
                .params(code, participantId).query(Integer.class).single() == 0) {
            // the reply's event came before the sending's (handed out again): the reply stands
            jdbc.sql("insert into cv_meeting_progress_invitation (meeting_code, participant_id, status, changed_at) values (?, ?, ?, ?)")
                    .params(code, participantId, status, at(at)).update();
        }
    }

    private void draft(String code, String draft, String title, int version, boolean inReview, Instant at) {
        // (version, decided) orders the facts about one draft: submitted n < decided n < submitted n + 1
        int updated = jdbc.sql("""
                update cv_meeting_progress_draft set title = ?, version = ?, in_review = ?, changed_at = ?
                where meeting_code = ? and draft = ?
                  and (version < ? or (version = ? and (in_review or ? = false)))""")
                .params(title, version, inReview, at(at), code, draft, version, version, inReview).update();
        // a draft saved before its meeting was registered (the demo's seeded concept note, which staff then
        // submit from "Draft concept note") waits for no review
        if (updated == 0 && jdbc.sql("select count(*) from cv_meeting_progress where meeting_code = ?").param(code)
                .query(Integer.class).single() > 0
                && jdbc.sql("select count(*) from cv_meeting_progress_draft where meeting_code = ? and draft = ?")
                .params(code, draft).query(Integer.class).single() == 0) {
            jdbc.sql("""
                    insert into cv_meeting_progress_draft (meeting_code, draft, title, version, in_review, changed_at)
                    values (?, ?, ?, ?, ?, ?)""").params(code, draft, title, version, inReview, at(at)).update();
        }
    }

    private static String earlierPhases(MeetingPhaseStarted e) {
        StringBuilder names = new StringBuilder("''");
        for (var phase : org.convene.meeting.MeetingPhase.values()) {
            if (phase.ordinal() <= e.phase().ordinal()) {
                names.append(", '").append(phase.name()).append("'");
            }
        }
        return names.toString();
    }

    private static String status(InvitationReply reply) {
        return reply == InvitationReply.ACCEPT ? ACCEPTED : DECLINED;
    }

    private static String document(DocumentKind kind, String part) {
        return part == null || part.isEmpty() ? kind.name() : kind.name() + "/" + part;
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
