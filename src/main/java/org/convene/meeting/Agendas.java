package org.convene.meeting;

import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agenda of a meeting: its days and sessions, shown to the tasks that draft and approve it. */
@Component("agendas")
public class Agendas {

    public record Session(int day, LocalTime startsAt, LocalTime endsAt, String kind, String title,
                          String workingGroupCode) {
    }

    private final JdbcClient jdbc;
    private final MeetingCalendar calendar;

    Agendas(JdbcClient jdbc, MeetingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<Session> sessions(String meetingCode) {
        return jdbc.sql("""
                select day_number, starts_at, ends_at, kind, title, working_group_code from cv_agenda_session
                where meeting_code = ? order by day_number, starts_at, working_group_code""")
                .param(meetingCode)
                .query((rs, n) -> new Session(rs.getInt(1), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The agenda as Markdown, for the forms. */
    public String summary(String meetingCode) {
        StringBuilder text = new StringBuilder();
        int day = 0;
        for (Session session : sessions(meetingCode)) {
            if (session.day() != day) {
                day = session.day();
                text.append(text.isEmpty() ? "" : "\n").append("**").append(calendar.dayLabel(meetingCode, day)).append("**\n\n");
            }
            text.append("- ").append(session.startsAt()).append("–").append(session.endsAt()).append(" ")
                    .append(session.title()).append('\n');
        }
        return text.toString();
    }

    public String lastComments(String meetingCode) {
        return MeetingReviews.lastReturnComments(jdbc, meetingCode, MeetingReviews.AGENDA);
    }

    /** Names a working group's chair (with the chair's Camunda user, when the chair has one) and rapporteur. */
    public void assignWorkingGroup(String meetingCode, String workingGroupCode, String chairName, String chairUserId,
                                   String rapporteurName) {
        int updated = jdbc.sql("""
                update cv_working_group set chair_name = ?, chair_user_id = ?, rapporteur_name = ?
                where meeting_code = ? and code = ?""")
                .params(chairName, chairUserId, rapporteurName, meetingCode, workingGroupCode).update();
        if (updated != 1) {
            throw new IllegalArgumentException("No working group " + workingGroupCode + " in meeting " + meetingCode);
        }
    }

    /** Complete listener of "Approve agenda". */
    public void recordReview(DelegateTask task) {
        MeetingReviews.record(jdbc, Tasks.meetingCode(task), MeetingReviews.AGENDA, null, task,
                Tasks.decision(task, "return"));
    }
}
