package org.convene.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitees' replies, appended, never overwritten (cv_invitation_reply): received by phone,
 * letter, e-mail or in person and recorded by staff ("Record reply"), or sent by the invitee through
 * the signed link. Each sets its invitation's status and announces {@link InvitationAccepted} or
 * {@link InvitationDeclined}, stamped by the engine's clock like the row.
 */
@Component
public class InvitationReplies {

    /**
     * A reply to an invitation as recorded: the invitee ({@code name, organisation}), the reply's and
     * the channel's form values ({@link InvitationReply}, {@link ReplyChannel}), staff's note (may be
     * null), who recorded it (null for a reply by signed link: the invitee) and when (UTC).
     */
    public record Reply(String invitee, String reply, String channel, String note, String recordedBy,
                        OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final Participants participants;
    private final ApplicationEventPublisher events;

    InvitationReplies(JdbcClient jdbc, Invitations invitations, Participants participants,
                      ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.participants = participants;
        this.events = events;
    }

    /**
     * Records a reply that staff received by phone, letter, e-mail or in person, sets the
     * invitation's status and announces {@link InvitationAccepted} or {@link InvitationDeclined}.
     *
     * @param note may be null
     * @param taskId the "Record reply" task; null when no task recorded it
     * @throws IllegalStateException when the participant's invitation was never sent
     */
    @Transactional
    public void record(String meetingCode, long participantId, InvitationReply reply, ReplyChannel channel,
                       String note, String recordedBy, String taskId) {
        long invitation = invitations.invitation(meetingCode, participantId);
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_invitation_reply (invitation_id, reply, channel, note, task_id, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation, reply.formValue(), channel.formValue(), note, taskId, recordedBy, now)
                .update();
        jdbc.sql("update cv_invitation set status = ? where id = ?").params(reply.status().name(), invitation).update();
        announce(meetingCode, participantId, reply, channel, note, now, recordedBy);
    }

    /** Every reply recorded for the meeting's invitations (a later reply never overwrites one), oldest first. */
    public List<Reply> history(String meetingCode) {
        return jdbc.sql("""
                select p.name, p.organisation, r.reply, r.channel, r.note, r.recorded_by, r.recorded_at
                from cv_invitation_reply r
                join cv_invitation i on i.id = r.invitation_id
                join cv_participant p on p.id = i.participant_id
                where i.meeting_code = ? order by r.id""")
                .param(meetingCode)
                .query((rs, n) -> new Reply(rs.getString("name") + ", " + rs.getString("organisation"),
                        rs.getString("reply"), rs.getString("channel"), rs.getString("note"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    /**
     * A reply through the invitee's signed link (channel link, recorded by no user: the invitee;
     * the used link is in cv_signed_link_use): false, and nothing written, when the invitation no
     * longer waits for one.
     */
    boolean recordLinkReply(long invitation, InvitationReply reply, String note) {
        int changed = jdbc.sql("update cv_invitation set status = ? where id = ? and status = ?")
                .params(reply.status().name(), invitation, InvitationStatus.SENT.name()).update();
        if (changed == 0) {
            return false;
        }
        OffsetDateTime now = EngineClock.now();
        jdbc.sql("""
                insert into cv_invitation_reply (invitation_id, reply, channel, note, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(invitation, reply.formValue(), ReplyChannel.LINK.formValue(), note, now)
                .update();
        Map<String, Object> row = jdbc.sql("select meeting_code, participant_id from cv_invitation where id = ?")
                .param(invitation).query().singleRow();
        announce((String) row.get("meeting_code"), ((Number) row.get("participant_id")).longValue(), reply,
                ReplyChannel.LINK, note, now, null);
        return true;
    }

    private void announce(String meetingCode, long participantId, InvitationReply reply, ReplyChannel channel,
                          String note, OffsetDateTime at, String actor) {
        Participants.Participant invitee = participants.get(participantId);
        events.publishEvent(reply == InvitationReply.ACCEPT
                ? new InvitationAccepted(meetingCode, participantId, invitee.nameAndOrganisation(), invitee.category(),
                        channel, note, at.toInstant(), actor)
                : new InvitationDeclined(meetingCode, participantId, invitee.nameAndOrganisation(), invitee.category(),
                        channel, note, at.toInstant(), actor));
    }
}
