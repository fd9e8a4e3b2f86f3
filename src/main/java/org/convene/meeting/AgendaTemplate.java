package org.convene.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The agenda a new meeting starts from: the Amman meeting's draft agenda
 * (classpath:meeting/agenda-template.yaml). Days beyond the template get one plenary day.
 */
@Component
class AgendaTemplate {

    private final JdbcClient jdbc;
    private final Map<String, Object> template;

    AgendaTemplate(JdbcClient jdbc) {
        this.jdbc = jdbc;
        try (InputStream in = new ClassPathResource("meeting/agenda-template.yaml").getInputStream()) {
            this.template = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    void applyTo(Meeting meeting) {
        List<String> questions = (List<String>) template.get("questions");
        for (Map<String, Object> group : (List<Map<String, Object>>) template.get("workingGroups")) {
            int day = (Integer) group.get("day");
            if (day > meeting.numberOfDays()) {
                continue;
            }
            jdbc.sql("insert into cv_working_group (meeting_code, code, title, day_number) values (?, ?, ?, ?)")
                    .params(meeting.code(), group.get("code"), group.get("title"), day)
                    .update();
            long id = workingGroupId(meeting.code(), (String) group.get("code"));
            for (int i = 0; i < questions.size(); i++) {
                jdbc.sql("insert into cv_working_group_question (working_group_id, position, text) values (?, ?, ?)")
                        .params(id, i + 1, questions.get(i)).update();
            }
        }
        for (int day = 1; day <= meeting.numberOfDays(); day++) {
            List<Map<String, Object>> sessions = sessionsOf(day);
            if (sessions.isEmpty()) {
                session(meeting.code(), day, "09:00", "17:00", "PLENARY", "Plenary", Agendas.PLENARY_HALL, null);
            }
            for (Map<String, Object> s : sessions) {
                session(meeting.code(), day, (String) s.get("start"), (String) s.get("end"), (String) s.get("kind"),
                        (String) s.get("title"), (String) s.get("room"), (String) s.get("workingGroup"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sessionsOf(int day) {
        return ((List<Map<String, Object>>) template.get("days")).stream()
                .filter(d -> ((Integer) d.get("day")) == day)
                .flatMap(d -> ((List<Map<String, Object>>) d.get("sessions")).stream())
                .toList();
    }

    private long workingGroupId(String meetingCode, String code) {
        return jdbc.sql("select id from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, code).query(Long.class).single();
    }

    private void session(String meetingCode, int day, String start, String end, String kind, String title,
                         String room, String workingGroup) {
        jdbc.sql("""
                insert into cv_agenda_session (meeting_code, day_number, starts_at, ends_at, kind, title, room,
                                               working_group_code)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, day, LocalTime.parse(start), LocalTime.parse(end), kind, title, room, workingGroup)
                .update();
    }
}
