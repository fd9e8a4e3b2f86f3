package org.convene.meeting;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * draft and approve it and changed by staff on the agenda page or through the API. Every change is
 * checked here, whoever calls: a refused change stores nothing and says why ({@link ChangeRefused}).
 *
 * <p>The rules: a session lies within the meeting's days (1 to its number of days) and ends after it
 * starts, the same day (times are the venue's local time); a working-group session names one of the
 * meeting's working groups and sits on that group's day. <b>Rooms</b>: two sessions clash only when
 * their times overlap (one ending at 10:35 and the next starting at 10:35 do not) <em>in the same
 * room</em>, whatever their kinds: parallel working groups sit in different rooms, a coffee break in
 * the foyer beside a plenary running over is no clash, a break and a plenary in the plenary hall at
 * one time are. Rooms are compared without regard to case or spacing. A working group may be saved
 * without a rapporteur while the agenda is drafted; "Draft agenda" is not completed until each has
 * one ({@link #requireRapporteurs}).
 */
@Component("agendas")
public class Agendas {

    /** The room of a session nobody placed elsewhere (a meeting's extra days, sessions stored before rooms). */
    static final String PLENARY_HALL = "Plenary hall";

    /**
     * A session on the agenda: its day (1 for the first), start and end in the venue's local time,
     * its {@link SessionKind} name, title, room, and the working group it belongs to (null unless a
     * working-group session).
     */
    public record Session(long id, int day, LocalTime startsAt, LocalTime endsAt, String kind, String title,
                          String room, String workingGroupCode) {

        /** The kind as people say it: {@code Working group}, {@code Break}, ... */
        public String kindLabel() {
            return SessionKind.valueOf(kind).label();
        }

        /** The session as its edit form shows it (and {@link #changeSession} takes it back). */
        public NewSession asNewSession() {
            return new NewSession(String.valueOf(day), startsAt.toString(), endsAt.toString(), kind, title, room,
                    workingGroupCode);
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

    /**
     * A session as typed into the agenda page or sent to the API: text, checked by {@link #addSession},
     * {@link #changeSession} and {@link #replace}. Day as a number from 1, times {@code HH:MM} in the
     * venue's time zone, kind a {@link SessionKind} name, the working group's code only for a
     * working-group session.
     */
    public record NewSession(String day, String startsAt, String endsAt, String kind, String title, String room,
                             String workingGroupCode) {
    }

    /**
     * A working group as changed: its theme, chair's name, chair's account (a reviewer's user id; blank
     * for none), rapporteur's name (blank for none yet) and questions in order. A null theme or
     * questions list keeps the stored one (the page's roles form sends neither).
     */
    public record WorkingGroupChange(String title, String chairName, String chairUserId, String rapporteurName,
                                     List<String> questions) {
    }

    /**
     * The whole agenda as {@link #replace} takes it: every session, each with its id when it is
     * already on the agenda (null for a new one; a stored session left out is removed), and every
     * working group of the meeting once, by code.
     */
    public record AgendaChange(List<SessionChange> sessions, List<GroupChange> workingGroups) {
    }

    /** A session of an {@link AgendaChange}: the stored session's id, or null for a new one. */
    public record SessionChange(Long id, NewSession session) {
    }

    /** A working group of an {@link AgendaChange}: its code and what it becomes (theme and questions required). */
    public record GroupChange(String code, WorkingGroupChange change) {
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
                select id, day_number, starts_at, ends_at, kind, title, room, working_group_code from cv_agenda_session
                where meeting_code = ? order by day_number, starts_at, working_group_code, id""")
                .param(meetingCode)
                .query((rs, n) -> new Session(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalTime.class),
                        rs.getObject(4, LocalTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
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

    /** The rooms the meeting's sessions use, in alphabetical order (what the page offers to type). */
    public List<String> rooms(String meetingCode) {
        return sessions(meetingCode).stream().map(Session::room).distinct().sorted().toList();
    }

    /** The accounts a chair may have: the reviewers. */
    public List<UserDirectory.Person> chairAccounts() {
        return directory.members(ConveneGroups.REVIEWERS);
    }

    /**
     * Adds a session after checking it against the meeting's days, its working groups and the
     * sessions already in its room that day.
     *
     * @return the new session's id
     * @throws ChangeRefused naming each field that breaks a rule; nothing is stored
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public long addSession(String meetingCode, NewSession session) {
        AgendaInput.CheckedSession checked = checkOne(meetingCode, null, session);
        return insert(meetingCode, checked);
    }

    /**
     * Changes a session of this meeting (day, times, kind, title, room, working group) under the same
     * rules as {@link #addSession}; it keeps its id (and so its calendar entry's UID).
     *
     * @throws ChangeRefused naming each field that breaks a rule, or when the meeting has no such
     *         session (any more); nothing is stored
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public void changeSession(String meetingCode, long sessionId, NewSession session) {
        meetings.get(meetingCode);
        if (sessions(meetingCode).stream().noneMatch(s -> s.id() == sessionId)) {
            throw new ChangeRefused(Map.of("session", "That session is no longer on the agenda."));
        }
        AgendaInput.CheckedSession checked = checkOne(meetingCode, sessionId, session);
        update(meetingCode, checked);
    }

    private AgendaInput.CheckedSession checkOne(String meetingCode, Long id, NewSession session) {
        Meeting meeting = meetings.get(meetingCode);
        Map<String, String> errors = new LinkedHashMap<>();
        AgendaInput.CheckedSession checked = AgendaInput.session(id, session, meeting, workingGroups(meetingCode), "",
                errors);
        if (checked != null) {
            sessions(meetingCode).stream()
                    .filter(other -> id == null || other.id() != id)
                    .filter(other -> checked.clashesWith(other.day(), other.startsAt(), other.endsAt(), other.room()))
                    .findFirst()
                    .ifPresent(other -> errors.put("room", clash(other.room(), other.day(), other.startsAt(),
                            other.endsAt(), other.title())));
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        return checked;
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
     * Changes a working group: its theme and questions (each kept when null), its chair and
     * rapporteur. The chair's account, when given, must be a reviewer: the chair's validation task
     * goes to it (else to the managers). A chair named by account only takes the account's name. A
     * working group may be saved without a rapporteur; the agenda is not submitted without one
     * ({@link #requireRapporteurs}).
     *
     * @throws ChangeRefused naming each field that breaks a rule, or an unknown working group
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public void changeWorkingGroup(String meetingCode, String workingGroupCode, WorkingGroupChange change) {
        meetings.get(meetingCode);
        WorkingGroup group = workingGroups(meetingCode).stream().filter(g -> g.code().equals(workingGroupCode))
                .findFirst().orElseThrow(() -> new ChangeRefused(Map.of("workingGroup",
                        "This meeting has no working group " + workingGroupCode + ".")));
        Map<String, String> errors = new LinkedHashMap<>();
        WorkingGroup checked = checkGroup(group, change, "", false, errors);
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        storeGroup(meetingCode, checked);
    }

    /**
     * Replaces the whole agenda at once: the sessions (a stored one keeps its id when it is sent with
     * it, is removed when left out; one without an id is added) and every working group's theme,
     * chair, rapporteur and questions. Every session is checked as by {@link #addSession} and against
     * every other sent, every working group as by {@link #changeWorkingGroup} (theme and questions
     * required). Keys of the errors name the item: {@code sessions[3].endsAt},
     * {@code workingGroups[1].questions}.
     *
     * @throws ChangeRefused naming every field that breaks a rule; nothing is stored
     * @throws MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public void replace(String meetingCode, AgendaChange agenda) {
        Replacement replacement = check(meetingCode, agenda, Map.of());
        Set<Long> kept = replacement.sessions().stream().map(AgendaInput.CheckedSession::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        replacement.stored().stream().filter(id -> !kept.contains(id)).forEach(id ->
                jdbc.sql("delete from cv_agenda_session where id = ? and meeting_code = ?").params(id, meetingCode).update());
        for (AgendaInput.CheckedSession session : replacement.sessions()) {
            if (session.id() == null) {
                insert(meetingCode, session);
            } else {
                update(meetingCode, session);
            }
        }
        replacement.workingGroups().forEach(group -> storeGroup(meetingCode, group));
    }

    /** What {@link #replace} stores: the ids stored before, the sessions and working groups checked. */
    record Replacement(Set<Long> stored, List<AgendaInput.CheckedSession> sessions, List<WorkingGroup> workingGroups) {
    }

    /**
     * Checks a whole agenda as {@link #replace} does, storing nothing.
     *
     * @param found errors the caller found already in what was sent (e.g. an id that is no number), reported with these
     * @throws ChangeRefused naming every field that breaks a rule, those found included
     */
    Replacement check(String meetingCode, AgendaChange agenda, Map<String, String> found) {
        Meeting meeting = meetings.get(meetingCode);
        List<WorkingGroup> groups = workingGroups(meetingCode);
        Set<Long> stored = sessions(meetingCode).stream().map(Session::id).collect(Collectors.toSet());
        Map<String, String> errors = new LinkedHashMap<>(found);
        List<SessionChange> sent = agenda.sessions() == null ? List.of() : agenda.sessions();
        List<AgendaInput.CheckedSession> checked = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            String prefix = "sessions[" + i + "].";
            SessionChange change = sent.get(i);
            if (change == null || change.session() == null) {
                errors.put("sessions[" + i + "]", "Give the session as an object with its day, times, kind, title and room.");
                continue;
            }
            Long id = change.id();
            if (id != null && !stored.contains(id)) {
                errors.put(prefix + "id", "This meeting's agenda has no session " + id
                        + " (any more); leave the id out for a new session.");
            } else if (id != null && !seen.add(id)) {
                errors.put(prefix + "id", "Session " + id + " is sent twice; send each session once.");
            }
            AgendaInput.CheckedSession session = AgendaInput.session(id, change.session(), meeting, groups, prefix, errors);
            if (session == null) {
                continue;
            }
            for (AgendaInput.CheckedSession before : checked) {
                if (session.clashesWith(before.day(), before.start(), before.end(), before.room())) {
                    errors.putIfAbsent(prefix + "room", clash(before.room(), before.day(), before.start(), before.end(),
                            before.title()) + " (" + before.prefix().replace(".", "") + ")");
                    break;
                }
            }
            checked.add(session);
        }
        List<WorkingGroup> changedGroups = checkGroups(groups, agenda.workingGroups(), errors);
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        return new Replacement(stored, checked, changedGroups);
    }

    private List<WorkingGroup> checkGroups(List<WorkingGroup> groups, List<GroupChange> sent, Map<String, String> errors) {
        List<GroupChange> given = sent == null ? List.of() : sent;
        List<WorkingGroup> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String prefix = "workingGroups[" + i + "].";
            GroupChange change = given.get(i);
            String code = change == null ? null : AgendaInput.strip(change.code());
            WorkingGroup group = groups.stream().filter(g -> g.code().equals(code)).findFirst().orElse(null);
            if (group == null || change.change() == null) {
                errors.put(prefix + "code", "This meeting's working groups are " + codes(groups)
                        + "; send each once with its code" + (code == null ? "." : " (not " + code + ")."));
            } else if (!seen.add(code)) {
                errors.put(prefix + "code", "Working group " + code + " is sent twice; send each once.");
            } else {
                changed.add(checkGroup(group, change.change(), prefix, true, errors));
            }
        }
        List<String> missing = groups.stream().map(WorkingGroup::code).filter(code -> !seen.contains(code)).toList();
        if (!missing.isEmpty()) {
            errors.put("workingGroups", "Send every working group of the meeting: " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Adding or removing a working group is not offered.");
        }
        return changed;
    }

    private WorkingGroup checkGroup(WorkingGroup group, WorkingGroupChange change, String prefix, boolean whole,
                                    Map<String, String> errors) {
        String title = change.title() == null && !whole ? group.title()
                : AgendaInput.text(change.title(), prefix + "title", "working group a theme", "theme",
                        AgendaInput.MAX_TITLE, errors);
        List<String> questions = change.questions() == null && !whole ? group.questions()
                : AgendaInput.questions(change.questions() == null ? List.of() : change.questions(),
                        prefix + "questions", errors);
        String chairName = AgendaInput.name(change.chairName(), prefix + "chairName", "chair's name", errors);
        String chairUserId = AgendaInput.strip(change.chairUserId());
        String rapporteur = AgendaInput.name(change.rapporteurName(), prefix + "rapporteurName", "rapporteur's name",
                errors);
        if (chairUserId != null && !directory.isMember(chairUserId, ConveneGroups.REVIEWERS)) {
            errors.put(prefix + "chairUserId", "No reviewer has the account '" + chairUserId + "'. A chair's account "
                    + "must be a user in the group reviewers; leave it empty if the chair has none.");
        }
        if (chairName == null && chairUserId != null) {
            chairName = directory.find(chairUserId).map(UserDirectory.Person::name).orElse(null);
        }
        return new WorkingGroup(group.code(), title, group.day(), chairName, chairUserId, rapporteur, questions);
    }

    private void storeGroup(String meetingCode, WorkingGroup group) {
        jdbc.sql("update cv_working_group set title = ? where meeting_code = ? and code = ?")
                .params(group.title(), meetingCode, group.code()).update();
        assignWorkingGroup(meetingCode, group.code(), group.chairName(), group.chairUserId(), group.rapporteurName());
        long id = jdbc.sql("select id from cv_working_group where meeting_code = ? and code = ?")
                .params(meetingCode, group.code()).query(Long.class).single();
        jdbc.sql("delete from cv_working_group_question where working_group_id = ?").param(id).update();
        for (int i = 0; i < group.questions().size(); i++) {
            jdbc.sql("insert into cv_working_group_question (working_group_id, position, text) values (?, ?, ?)")
                    .params(id, i + 1, group.questions().get(i)).update();
        }
    }

    private long insert(String meetingCode, AgendaInput.CheckedSession s) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cv_agenda_session (meeting_code, day_number, starts_at, ends_at, kind, title, room,
                                               working_group_code)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, s.day(), s.start(), s.end(), s.kind().name(), s.title(), s.room(),
                        s.workingGroupCode())
                .update(id, "id");
        return id.getKeyAs(Number.class).longValue();
    }

    private void update(String meetingCode, AgendaInput.CheckedSession s) {
        jdbc.sql("""
                update cv_agenda_session set day_number = ?, starts_at = ?, ends_at = ?, kind = ?, title = ?, room = ?,
                    working_group_code = ?
                where id = ? and meeting_code = ?""")
                .params(s.day(), s.start(), s.end(), s.kind().name(), s.title(), s.room(), s.workingGroupCode(), s.id(),
                        meetingCode)
                .update();
    }

    private static String clash(String room, int day, LocalTime start, LocalTime end, String title) {
        return room + " is taken on day " + day + " from " + start + " to " + end + " by “" + title
                + "”: choose another room or time.";
    }

    private static String codes(List<WorkingGroup> groups) {
        return groups.isEmpty() ? "none" : groups.stream().map(WorkingGroup::code).collect(Collectors.joining(", "));
    }

    /** The codes of the working groups that have no rapporteur yet, in the agenda's order; empty when all have one. */
    public List<String> missingRapporteurs(String meetingCode) {
        return workingGroups(meetingCode).stream().filter(g -> g.rapporteurName() == null)
                .map(WorkingGroup::code).toList();
    }

    /**
     * Refuses an agenda that is not ready to submit: a working group without a rapporteur.
     *
     * @throws ChangeRefused keyed {@code workingGroups}, naming each group without a rapporteur
     */
    public void requireRapporteurs(String meetingCode) {
        List<String> missing = missingRapporteurs(meetingCode);
        if (!missing.isEmpty()) {
            throw new ChangeRefused("workingGroups", (missing.size() == 1 ? "working group " + missing.get(0) + " has"
                    : "working groups " + String.join(", ", missing) + " have") + " no rapporteur");
        }
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

    /** The agenda as Markdown, for the forms: a bold line per day, then "- 09:00–09:15 Welcome (Plenary hall)" per session. */
    public String summary(String meetingCode) {
        StringBuilder text = new StringBuilder();
        int day = 0;
        for (Session session : sessions(meetingCode)) {
            if (session.day() != day) {
                day = session.day();
                text.append(text.isEmpty() ? "" : "\n").append("**").append(calendar.dayLabel(meetingCode, day)).append("**\n\n");
            }
            text.append("- ").append(session.startsAt()).append("–").append(session.endsAt()).append(" ")
                    .append(session.title()).append(" (").append(session.room()).append(")\n");
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
