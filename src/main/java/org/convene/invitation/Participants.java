package org.convene.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.Tasks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant list of a meeting, by category, with its reserve list and the managers'
 * reviews. Every change is checked here, whoever calls: a refused change stores nothing and
 * says why ({@link ParticipantChangeRefused}). Once invited, a participant stays where they are:
 * their seat is settled by their reply (or a replacement), not by editing the list.
 */
@Component("participants")
public class Participants {

    /** A participant; {@code invitationStatus} is null until the invitation is sent (SENT, ACCEPTED, ...). */
    public record Participant(long id, String meetingCode, String name, String organisation,
                              ParticipantCategory category, String email, boolean reserve, String invitationStatus) {
        public String display() {
            return name + ", " + organisation + " (" + category.label() + ")";
        }

        public boolean invited() {
            return invitationStatus != null;
        }
    }

    /** A manager's decision on the participant list (approve or return, with comments); the time in UTC. */
    public record ListReview(String decision, String comments, String reviewer, OffsetDateTime reviewedAt) {
    }

    /** A participant as typed into the participant page: text, checked by {@link #add(String, NewParticipant)}. */
    public record NewParticipant(String name, String organisation, String category, String email, Boolean reserve) {
    }

    private static final String SELECT = """
            select p.*, i.status as invitation_status from cv_participant p
            left join cv_invitation i on i.participant_id = p.id and i.meeting_code = p.meeting_code""";

    private final JdbcClient jdbc;
    private final Meetings meetings;

    Participants(JdbcClient jdbc, Meetings meetings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    public long add(String meetingCode, String name, String organisation, ParticipantCategory category,
                    String email, boolean reserve) {
        return add(meetingCode, new NewParticipant(name, organisation, category.name(), email, reserve));
    }

    /** Adds a participant to the list or the reserve; an e-mail address is taken once per meeting. */
    @Transactional
    public long add(String meetingCode, NewParticipant person) {
        meetings.get(meetingCode);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = ParticipantInput.required(person.name(), "name", "name", errors);
        String organisation = ParticipantInput.required(person.organisation(), "organisation", "organisation", errors);
        ParticipantCategory category = ParticipantInput.category(person.category(), errors);
        String email = ParticipantInput.email(person.email(), errors);
        if (email != null) {
            findByEmail(meetingCode, email).ifPresent(taken -> errors.put("email", alreadyListed(taken)));
        }
        if (!errors.isEmpty()) {
            throw new ParticipantChangeRefused(errors);
        }
        boolean reserve = Boolean.TRUE.equals(person.reserve());
        KeyHolder id = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into cv_participant (meeting_code, name, organisation, category, email, reserve, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(meetingCode, name, organisation, category.name(), email, reserve,
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update(id, "id");
        } catch (DuplicateKeyException sameTimeSameAddress) {
            throw new ParticipantChangeRefused(Map.of("email", "The address " + email
                    + " was added to this meeting a moment ago; each address is listed once."));
        }
        return id.getKeyAs(Number.class).longValue();
    }

    /** Moves a participant not yet invited between the list and the reserve list; returns who moved. */
    @Transactional
    public Participant moveTo(String meetingCode, long participantId, boolean reserve) {
        Participant participant = notYetInvited(meetingCode, participantId, reserve ? "moved to the reserve" : "moved to the list");
        jdbc.sql("update cv_participant set reserve = ? where id = ?").params(reserve, participant.id()).update();
        return participant;
    }

    /** Removes a participant not yet invited (an invited one keeps the record of the invitation); returns who. */
    @Transactional
    public Participant remove(String meetingCode, long participantId) {
        Participant participant = notYetInvited(meetingCode, participantId, "removed");
        jdbc.sql("delete from cv_participant where id = ?").param(participant.id()).update();
        return participant;
    }

    public List<Participant> list(String meetingCode) {
        return jdbc.sql(SELECT + " where p.meeting_code = ? order by p.reserve, p.category, p.name")
                .param(meetingCode).query(Participants::participant).list();
    }

    public Participant get(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(Participants::participant).single();
    }

    private Optional<Participant> findByEmail(String meetingCode, String email) {
        return jdbc.sql(SELECT + " where p.meeting_code = ? and p.email = ?").params(meetingCode, email)
                .query(Participants::participant).optional();
    }

    private Participant notYetInvited(String meetingCode, long participantId, String change) {
        meetings.get(meetingCode);
        Participant participant = jdbc.sql(SELECT + " where p.meeting_code = ? and p.id = ?")
                .params(meetingCode, participantId).query(Participants::participant).optional()
                .orElseThrow(() -> new ParticipantChangeRefused(Map.of("participant",
                        "That participant is no longer on this meeting's list.")));
        if (participant.invited()) {
            throw new ParticipantChangeRefused(Map.of("participant", participant.name()
                    + " has already been invited and cannot be " + change + ". Record their reply, or invite a "
                    + "replacement from the reserve if they decline."));
        }
        return participant;
    }

    private static String alreadyListed(Participant taken) {
        return "The address " + taken.email() + " is already listed for this meeting: " + taken.name() + ", "
                + taken.organisation() + (taken.reserve() ? " (reserve list)" : "") + ". Each address is listed once.";
    }

    /** The ids (as text, for the multi-instance) of those on the list, not the reserve. */
    public List<String> invitees(String meetingCode) {
        return new ArrayList<>(list(meetingCode).stream().filter(p -> !p.reserve()).map(p -> String.valueOf(p.id())).toList());
    }

    public String name(String participantId) {
        return get(Long.parseLong(participantId)).display();
    }

    /** Markdown: how many on the list per category, and the reserve. */
    public String summary(String meetingCode) {
        Map<ParticipantCategory, int[]> counts = new LinkedHashMap<>();
        for (ParticipantCategory category : ParticipantCategory.values()) {
            counts.put(category, new int[2]);
        }
        List<Participant> all = list(meetingCode);
        all.forEach(p -> counts.get(p.category())[p.reserve() ? 1 : 0]++);
        StringBuilder text = new StringBuilder();
        counts.forEach((category, n) -> text.append("- ").append(category.label()).append(": **").append(n[0])
                .append("** on the list, ").append(n[1]).append(" in reserve\n"));
        long listed = all.stream().filter(p -> !p.reserve()).count();
        text.append("\n**").append(listed).append("** invitees in all, ").append(all.size() - listed).append(" in reserve.");
        return text.toString();
    }

    /** Options for "Invite replacement": the reserve list not yet invited, and "No replacement". */
    public SpinJsonNode reserveOptions(String meetingCode) {
        List<Map<String, String>> options = new ArrayList<>();
        jdbc.sql(SELECT + " where p.meeting_code = ? and p.reserve and i.id is null order by p.category, p.name")
                .param(meetingCode).query(Participants::participant).list()
                .forEach(p -> options.add(Map.of("label", p.display(), "value", String.valueOf(p.id()))));
        options.add(Map.of("label", "No replacement: leave the seat empty", "value", "none"));
        return Spin.JSON(options);
    }

    public String lastComments(String meetingCode) {
        return jdbc.sql("""
                select decision, comments from cv_participant_list_review where meeting_code = ?
                order by id desc fetch first 1 rows only""")
                .param(meetingCode)
                .query((rs, n) -> "return".equals(rs.getString(1)) ? rs.getString(2) : "")
                .optional().orElse("");
    }

    /** Every manager's decision on the participant list, oldest first. */
    public List<ListReview> reviewHistory(String meetingCode) {
        return jdbc.sql("""
                select decision, comments, reviewer, reviewed_at from cv_participant_list_review
                where meeting_code = ? order by id""")
                .param(meetingCode)
                .query((rs, n) -> new ListReview(rs.getString("decision"), rs.getString("comments"),
                        rs.getString("reviewer"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    /** Complete listener of "Approve participant list". */
    public void recordReview(DelegateTask task) {
        String decision = Tasks.decision(task, "return");
        jdbc.sql("""
                insert into cv_participant_list_review (meeting_code, task_id, decision, comments, reviewer, reviewed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Tasks.meetingCode(task), task.getId(), decision, Tasks.text(task, "comments"),
                        Tasks.currentUser(task), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private static Participant participant(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Participant(rs.getLong("id"), rs.getString("meeting_code"), rs.getString("name"),
                rs.getString("organisation"), ParticipantCategory.valueOf(rs.getString("category")),
                rs.getString("email"), rs.getBoolean("reserve"), rs.getString("invitation_status"));
    }
}
