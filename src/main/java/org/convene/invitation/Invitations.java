package org.convene.invitation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.meeting.MeetingCalendar;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One invitation per invitee and meeting; replies are appended, never overwritten. The reply
 * deadline is three weeks before the meeting, so that a replacement can still come.
 */
@Component("invitations")
public class Invitations {

    /**
     * A reply to an invitation as recorded: the invitee ("name, organisation"), accept or decline,
     * the channel (link, phone, letter, email, in-person), staff's note, who recorded it (none for
     * a reply by signed link) and when (UTC).
     */
    public record Reply(String invitee, String reply, String channel, String note, String recordedBy,
                        OffsetDateTime recordedAt) {
    }

    static final String REPLY_DEADLINE_BEFORE_MEETING = "P21D";
    /** What a replacement invited after the meeting's deadline gets: a reminder at seven days, then three more. */
    static final Duration LATE_REPLY_TIME = Duration.ofDays(10);

    private final JdbcClient jdbc;
    private final MeetingCalendar calendar;

    Invitations(JdbcClient jdbc, MeetingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Date replyDeadline(String meetingCode) {
        return calendar.beforeMeeting(meetingCode, REPLY_DEADLINE_BEFORE_MEETING);
    }

    /**
     * The reply deadline of an invitation sent at {@code sentAt}: the meeting's, unless the invitation
     * goes out after it (a replacement for a lapse or a late decline), which would be overdue at once;
     * then ten days, but never later than the eve of the meeting.
     */
    public Date replyDeadline(String meetingCode, Date sentAt) {
        Date deadline = replyDeadline(meetingCode);
        if (sentAt.before(deadline)) {
            return deadline;
        }
        Date late = Date.from(sentAt.toInstant().plus(LATE_REPLY_TIME));
        Date eve = calendar.beforeMeeting(meetingCode, "P1D");
        return late.before(eve) ? late : eve;
    }

    /** The invitation of this participant, created on first use (idempotent for retried jobs). */
    long ensure(DelegateExecution execution) {
        String code = Tasks.meetingCode(execution);
        long participantId = Long.parseLong((String) execution.getVariable("participantId"));
        Optional<Long> existing = find(code, participantId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into cv_invitation (meeting_code, participant_id, process_instance_id, status, created_at)
                values (?, ?, ?, 'SENT', ?)""")
                .params(code, participantId, execution.getProcessInstanceId(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return find(code, participantId).orElseThrow();
    }

    Optional<Long> find(String meetingCode, long participantId) {
        return jdbc.sql("select id from cv_invitation where meeting_code = ? and participant_id = ?")
                .params(meetingCode, participantId).query(Long.class).optional();
    }

    /** Complete listener of "Record reply": a reply received by phone, letter or in person. */
    public void recordReply(DelegateTask task) {
        long invitation = find(Tasks.meetingCode(task), Long.parseLong((String) task.getVariable("participantId")))
                .orElseThrow();
        String reply = Tasks.text(task, "reply");
        jdbc.sql("""
                insert into cv_invitation_reply (invitation_id, reply, channel, note, task_id, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation, reply, Tasks.text(task, "replyChannel"), Tasks.text(task, "replyNote"), task.getId(),
                        Tasks.currentUser(task), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        jdbc.sql("update cv_invitation set status = ? where id = ?")
                .params("accept".equals(reply) ? "ACCEPTED" : "DECLINED", invitation).update();
    }

    /**
     * Complete listener of "Invite replacement": the seat goes to someone from the reserve, or stays empty.
     * The options were listed when the task was created; a reserve chosen since for another seat (seats
     * lapse together at the deadline) is refused, so one person never takes two seats.
     */
    public void recordReplacement(DelegateTask task) {
        String replacementId = Tasks.text(task, "replacementId");
        if (replacementId != null && !"none".equals(replacementId) && taken(task, replacementId)) {
            String name = jdbc.sql("select name from cv_participant where id = ?").param(Long.parseLong(replacementId))
                    .query(String.class).single();
            throw new FormFieldValidationException("replacementId", "'" + task.getName() + "' was not completed: "
                    + name + " has already been invited for another seat; choose someone else");
        }
        find(Tasks.meetingCode(task), Long.parseLong((String) task.getVariable("participantId")))
                .ifPresent(id -> jdbc.sql("update cv_invitation set status = case when status = 'SENT' then 'LAPSED' else status end where id = ?")
                        .param(id).update());
    }

    /** Invited already, or chosen for a seat whose invitation is still to go out. */
    private boolean taken(DelegateTask task, String participantId) {
        String meetingCode = Tasks.meetingCode(task);
        return find(meetingCode, Long.parseLong(participantId)).isPresent()
                || task.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey("InvitationProcess").processInstanceBusinessKey(meetingCode)
                        .variableValueEquals("participantId", participantId).count() > 0;
    }

    public long accepted(String meetingCode) {
        return jdbc.sql("select count(*) from cv_invitation where meeting_code = ? and status = 'ACCEPTED'")
                .param(meetingCode).query(Long.class).single();
    }

    /** Every reply recorded for the meeting's invitations (a later reply never overwrites one), oldest first. */
    public List<Reply> replies(String meetingCode) {
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
     * A reply through the invitee's signed link (channel 'link', recorded by no user: the invitee;
     * the used link is in cv_signed_link_use): false, and nothing written, when the invitation no
     * longer waits for one.
     */
    boolean recordLinkReply(long invitation, String reply, String note) {
        int changed = jdbc.sql("update cv_invitation set status = ? where id = ? and status = 'SENT'")
                .params("accept".equals(reply) ? "ACCEPTED" : "DECLINED", invitation).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                insert into cv_invitation_reply (invitation_id, reply, channel, note, recorded_at)
                values (?, ?, 'link', ?, ?)""")
                .params(invitation, reply, note, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return true;
    }
}
