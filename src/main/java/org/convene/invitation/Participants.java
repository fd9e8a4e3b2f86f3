package org.convene.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The participant list of a meeting, by category, with its reserve list and the managers' reviews. */
@Component("participants")
public class Participants {

    public record Participant(long id, String meetingCode, String name, String organisation,
                              ParticipantCategory category, String email, boolean reserve) {
        public String display() {
            return name + ", " + organisation + " (" + category.label() + ")";
        }
    }

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String meetingCode, String name, String organisation, ParticipantCategory category,
                    String email, boolean reserve) {
        jdbc.sql("""
                insert into cv_participant (meeting_code, name, organisation, category, email, reserve, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, name, organisation, category.name(), email.toLowerCase(), reserve,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from cv_participant where meeting_code = ? and email = ?")
                .params(meetingCode, email.toLowerCase()).query(Long.class).single();
    }

    public List<Participant> list(String meetingCode) {
        return jdbc.sql("select * from cv_participant where meeting_code = ? order by reserve, category, name")
                .param(meetingCode).query(Participants::participant).list();
    }

    public Participant get(long id) {
        return jdbc.sql("select * from cv_participant where id = ?").param(id).query(Participants::participant).single();
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
        jdbc.sql("""
                select * from cv_participant p where p.meeting_code = ? and p.reserve
                  and not exists (select 1 from cv_invitation i where i.participant_id = p.id)
                order by p.category, p.name""")
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
                rs.getString("email"), rs.getBoolean("reserve"));
    }
}
