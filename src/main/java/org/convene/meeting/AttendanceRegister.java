package org.convene.meeting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConfirmedParticipants;
import org.convene.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who attended each day of a meeting, person by person: the participants who confirmed (accepted
 * their invitation, {@link ConfirmedParticipants}) marked present or absent, and the walk-ins, who
 * were not on the list, added by name. Kept in cv_attendance_entry (V1_6): every mark is added, the
 * latest of a person for a day counts, so who changed what stays on record. "Record attendance"
 * takes its count from here ({@link #count}): a confirmed participant not marked absent counts as present.
 */
@Component
public class AttendanceRegister {

    /**
     * One person's line for a day: a confirmed participant (participantId set; present null while
     * not marked yet) or a walk-in (participantId null, always present).
     */
    public record Line(Long participantId, String name, String organisation, String category, Boolean present) {

        public boolean walkIn() {
            return participantId == null;
        }
    }

    /**
     * A day's figures: present (walk-ins, and confirmed participants not marked absent, included),
     * absent, walk-ins, confirmed participants not marked yet (counted present: the page ticks them).
     */
    public record Count(int present, int absent, int walkIns, int unmarked) {
    }

    private final JdbcClient jdbc;
    private final ConfirmedParticipants confirmed;
    private final Meetings meetings;

    AttendanceRegister(JdbcClient jdbc, ConfirmedParticipants confirmed, Meetings meetings) {
        this.jdbc = jdbc;
        this.confirmed = confirmed;
        this.meetings = meetings;
    }

    /**
     * The day's register: every confirmed participant by name with their mark, then the walk-ins in
     * the order added.
     *
     * @throws MeetingNotFoundException for an unknown code
     * @throws ChangeRefused            naming {@code day} when the meeting has no such day
     */
    public List<Line> day(String meetingCode, int day) {
        checkDay(meetingCode, day);
        Map<Long, Boolean> marks = new LinkedHashMap<>();
        List<Line> walkIns = new ArrayList<>();
        jdbc.sql("""
                select participant_id, name, organisation, present from cv_attendance_entry
                where meeting_code = ? and day_number = ? order by id""")
                .params(meetingCode, day)
                .query(rs -> {
                    long id = rs.getLong(1);
                    if (rs.wasNull()) {
                        String name = rs.getString(2);
                        walkIns.removeIf(w -> w.name().equalsIgnoreCase(name));
                        if (rs.getBoolean(4)) {
                            walkIns.add(new Line(null, name, rs.getString(3), null, true));
                        }
                    } else {
                        marks.put(id, rs.getBoolean(4));
                    }
                });
        List<Line> lines = new ArrayList<>(confirmed.of(meetingCode).stream()
                .map(c -> new Line(c.participantId(), c.name(), c.organisation(), c.category(), marks.get(c.participantId())))
                .toList());
        lines.addAll(walkIns);
        return lines;
    }

    /** The day's figures from its register. */
    public Count count(String meetingCode, int day) {
        List<Line> lines = day(meetingCode, day);
        int walkIns = (int) lines.stream().filter(Line::walkIn).count();
        int absent = (int) lines.stream().filter(l -> Boolean.FALSE.equals(l.present())).count();
        int unmarked = (int) lines.stream().filter(l -> l.present() == null).count();
        return new Count(lines.size() - absent, absent, walkIns, unmarked);
    }

    /**
     * Marks the confirmed participants of the day at once: those in {@code present} attended, every
     * other confirmed participant was absent.
     *
     * @param present participant ids
     * @throws ChangeRefused naming {@code present} when an id is not a confirmed participant's
     */
    @Transactional
    public void mark(String meetingCode, int day, List<Long> present, String user) {
        List<Line> lines = day(meetingCode, day);
        List<Long> confirmedIds = lines.stream().filter(l -> !l.walkIn()).map(Line::participantId).toList();
        for (Long id : present) {
            if (!confirmedIds.contains(id)) {
                throw new ChangeRefused("present", "Participant " + id + " has not confirmed for this meeting; "
                        + "add someone who came without confirming as a walk-in.");
            }
        }
        OffsetDateTime now = EngineClock.now();
        for (Line line : lines) {
            if (line.walkIn()) {
                continue;
            }
            boolean there = present.contains(line.participantId());
            if (!Objects.equals(line.present(), there)) {
                insert(meetingCode, day, line.participantId(), line.name(), line.organisation(), there, user, now);
            }
        }
    }

    /**
     * Adds a walk-in: someone who attended the day without being on the confirmed list.
     *
     * @throws ChangeRefused naming {@code name} when it is blank, too long or already on the day's register
     */
    @Transactional
    public void addWalkIn(String meetingCode, int day, String name, String organisation, String user) {
        String who = name == null ? "" : name.strip();
        String org = organisation == null || organisation.isBlank() ? null : organisation.strip();
        if (who.isEmpty()) {
            throw new ChangeRefused("name", "A walk-in needs a name.");
        }
        if (who.length() > 200 || (org != null && org.length() > 200)) {
            throw new ChangeRefused(who.length() > 200 ? "name" : "organisation", "At most 200 characters.");
        }
        if (day(meetingCode, day).stream().anyMatch(l -> l.name().equalsIgnoreCase(who))) {
            throw new ChangeRefused("name", who + " is already on the register of day " + day + ".");
        }
        insert(meetingCode, day, null, who, org, true, user, EngineClock.now());
    }

    /** Takes a walk-in off the day's register (added by mistake); nothing happens for an unknown name. */
    @Transactional
    public void removeWalkIn(String meetingCode, int day, String name, String user) {
        day(meetingCode, day).stream().filter(l -> l.walkIn() && l.name().equalsIgnoreCase(name)).findFirst()
                .ifPresent(l -> insert(meetingCode, day, null, l.name(), l.organisation(), false, user, EngineClock.now()));
    }

    private void insert(String meetingCode, int day, Long participantId, String name, String organisation, boolean present,
                        String user, OffsetDateTime now) {
        jdbc.sql("""
                insert into cv_attendance_entry (meeting_code, day_number, participant_id, name, organisation, present,
                  recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, day, participantId, name, organisation, present, user, now).update();
    }

    private void checkDay(String meetingCode, int day) {
        int days = meetings.get(meetingCode).numberOfDays();
        if (day < 1 || day > days) {
            throw new ChangeRefused("day", "Meeting " + meetingCode + " has days 1 to " + days + ", not " + day + ".");
        }
    }
}
