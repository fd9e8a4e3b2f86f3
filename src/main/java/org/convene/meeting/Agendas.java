package org.convene.meeting;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.convene.identity.ConveneGroups;
import org.convene.identity.UserDirectory;
import org.convene.workflow.ChangeRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agenda of a meeting: its days, sessions and working groups, shown to the tasks that
 * draft and approve it and changed by staff on the agenda page. Every change is checked here,
 * whoever calls: a refused change stores nothing and says why ({@link ChangeRefused}).
 */
@Component("agendas")
public class Agendas {

    /**
     * A session on the agenda: its day (1 for the first), start and end in the venue's local time,
     * its {@link SessionKind} name, title, and the working group it belongs to (null unless a
     * working-group session).
     */
    public record Session(long id, int day, LocalTime startsAt, LocalTime endsAt, String kind, String title,
                          String workingGroupCode) {

        /** The kind as people say it: {@code Working group}, {@code Break}, ... */
        public String kindLabel() {
            return SessionKind.valueOf(kind).label();
        }
    }

    /**
     * A working group: its code ({@code WG1}), theme, the day it meets, its chair (a name, and the
     * chair's account when the chair has one; both may be null), rapporteur (may be null) and its
     * questions in order.
     */
    public record WorkingGroup(String code, String title, int day, String chairName, String chairUserId,
                               String rapporteurName, List<String> questions) {
    }

    /** A session as typed into the agenda page: text, checked by {@link #addSession}. */
    public record NewSession(String day, String startsAt, String endsAt, String kind, String title,
                             String workingGroupCode) {
    }

    /** A working group's chair (name, and the chair's account if any) and rapporteur, as typed. */
    public record WorkingGroupRoles(String chairName, String chairUserId, String rapporteurName) {
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final UserDirectory directory;

    Agendas(JdbcClient jdbc, Meetings meetings, MeetingCalendar calendar, UserDirectory directory) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.calendar = calendar;
        this.directory = directory;
    }

    /** The meeting's sessions by day and start time; empty for an unknown meeting. */
    public List<Session> sessions(String meetingCode) {
        return jdbc.sql("""
                select id, day_number, starts_at, ends_at, kind, title, working_group_code from cv_agenda_session
                where meeting_code = ? order by day_number, starts_at, working_group_code, id""")
                .param(meetingCode)
                .query((rs, n) -> new Session(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalTime.class),
                        rs.getObject(4, LocalTime.class), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** The meeting's working groups by day and code; empty for an unknown meeting. */
    public List<WorkingGroup> workingGroups(String meetingCode) {
        Map<String, List<String>> questions = jdbc.sql("""
                select g.code, q.text from cv_working_group_question q join cv_working_group g on g.id = q.working_group_id
                where g.meeting_code = ? order by g.code, q.position""")
                .param(meetingCode).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from cv_working_group where meeting_code = ? order by day_number, code")
                .param(meetingCode)
                .query((rs, n) -> new WorkingGroup(rs.getString("code"), rs.getString("title"), rs.getInt("day_number"),
                        rs.getString("chair_name"), rs.getString("chair_user_id"), rs.getString("rapporteur_name"),
                        questions.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    /** The accounts a chair may have: the reviewers. */
    public List<UserDirectory.Person> chairAccounts() {
        return directory.members(ConveneGroups.REVIEWERS);
    }

    /**
     * Adds a session after checking it against the meeting's days and working groups.
     *
     * @return the new session's id
     * @throws ChangeRefused naming each field that breaks a rule; nothing is stored
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public long addSession(String meetingCode, NewSession session) {
        Meeting meeting = meetings.get(meetingCode);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer day = AgendaInput.day(session.day(), meeting.numberOfDays(), errors);
        LocalTime start = AgendaInput.time(session.startsAt(), "startsAt", "start", errors);
        LocalTime end = AgendaInput.time(session.endsAt(), "endsAt", "end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("endsAt", "The session must end after it starts (" + start + ").");
        }
        SessionKind kind = AgendaInput.kind(session.kind(), errors);
        String title = AgendaInput.title(session.title(), errors);
        String group = AgendaInput.strip(session.workingGroupCode());
        if (kind == SessionKind.WORKING_GROUP) {
            Optional<WorkingGroup> named = workingGroups(meetingCode).stream().filter(g -> g.code().equals(group)).findFirst();
            if (named.isEmpty()) {
                errors.put("workingGroupCode", "A working-group session names one of this meeting's working groups.");
            } else if (day != null && named.get().day() != day) {
                errors.put("workingGroupCode", "Working group " + group + " meets on day " + named.get().day()
                        + "; put its session on that day.");
            }
        } else if (kind != null && group != null) {
            errors.put("workingGroupCode", "Only a working-group session names a working group; leave it empty for a "
                    + AgendaInput.lowerLabel(kind) + ".");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cv_agenda_session (meeting_code, day_number, starts_at, ends_at, kind, title, working_group_code)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, day, start, end, kind.name(), title, group).update(id, "id");
        return id.getKeyAs(Number.class).longValue();
    }

    /**
     * Removes a session of this meeting's agenda.
     *
     * @return the session removed
     * @throws ChangeRefused when the meeting has no such session (any more)
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public Session removeSession(String meetingCode, long sessionId) {
        meetings.get(meetingCode);
        Session session = sessions(meetingCode).stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new ChangeRefused(Map.of("session", "That session is no longer on the agenda.")));
        jdbc.sql("delete from cv_agenda_session where id = ? and meeting_code = ?").params(sessionId, meetingCode).update();
        return session;
    }

    /**
     * Names a working group's chair and rapporteur. The chair's account, when given, must be a
     * reviewer: the chair's validation task goes to it (else to the managers). A chair named by
     * account only takes the account's name.
     *
     * @throws ChangeRefused naming each field that breaks a rule, or an unknown working group
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public void changeWorkingGroup(String meetingCode, String workingGroupCode, WorkingGroupRoles roles) {
        meetings.get(meetingCode);
        if (workingGroups(meetingCode).stream().noneMatch(g -> g.code().equals(workingGroupCode))) {
            throw new ChangeRefused(Map.of("workingGroup", "This meeting has no working group " + workingGroupCode + "."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String chairName = AgendaInput.name(roles.chairName(), "chairName", "chair's name", errors);
        String chairUserId = AgendaInput.strip(roles.chairUserId());
        String rapporteur = AgendaInput.name(roles.rapporteurName(), "rapporteurName", "rapporteur's name", errors);
        if (chairUserId != null && !directory.isMember(chairUserId, ConveneGroups.REVIEWERS)) {
            errors.put("chairUserId", "No reviewer has the account '" + chairUserId + "'. A chair's account must be a "
                    + "user in the group reviewers; leave it empty if the chair has none.");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        if (chairName == null && chairUserId != null) {
            chairName = directory.find(chairUserId).map(UserDirectory.Person::name).orElse(null);
        }
        assignWorkingGroup(meetingCode, workingGroupCode, chairName, chairUserId, rapporteur);
    }

    /**
     * Names a working group's chair (with the chair's Camunda user, when the chair has one) and
     * rapporteur, unchecked (the seed's and the tests' way; staff go through {@link #changeWorkingGroup}).
     *
     * @param chairUserId may be null; so may the names
     * @throws IllegalArgumentException when the meeting has no such working group
     */
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

    /** The agenda as Markdown, for the forms: a bold line per day, then "- 09:00–09:15 Welcome" per session. */
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

    /**
     * The Camunda user who validates a working group's report: the chair's account, when the chair
     * has one and it still exists; else empty (the managers validate on the chair's behalf).
     */
    public Optional<String> chairAccount(String meetingCode, String workingGroupCode) {
        return calendar.chairUser(meetingCode, workingGroupCode).filter(user -> directory.find(user).isPresent());
    }
}
