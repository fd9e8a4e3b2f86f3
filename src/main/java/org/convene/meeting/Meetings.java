package org.convene.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of meetings. A code is taken once: the table's unique key decides, even for a
 * double click. Announces {@link MeetingRegistered}.
 */
@Service
public class Meetings {

    private final JdbcClient jdbc;
    private final AgendaTemplate agendaTemplate;
    private final ApplicationEventPublisher events;

    Meetings(JdbcClient jdbc, AgendaTemplate agendaTemplate, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.agendaTemplate = agendaTemplate;
        this.events = events;
    }

    /**
     * Registers the meeting under its code, stamped by the engine's clock, with the default agenda
     * (the seed's days, sessions and working groups), and announces {@link MeetingRegistered}.
     *
     * @param processInstanceId its ExpertMeetingProcess instance; null when registered without one
     * @param createdBy the user id of who started it; may be null
     * @return the meeting as registered
     * @throws MeetingCodeTakenException when a meeting already has the code
     */
    @Transactional
    public Meeting register(Meeting meeting, String processInstanceId, String createdBy) {
        if (find(meeting.code()).isPresent()) {
            throw new MeetingCodeTakenException(meeting.code());
        }
        OffsetDateTime now = EngineClock.now();
        try {
            jdbc.sql("""
                    insert into cv_meeting (code, title, place, time_zone, first_day, number_of_days,
                                            process_instance_id, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(meeting.code(), meeting.title(), meeting.place(), meeting.timeZone().getId(),
                            meeting.firstDay(), meeting.numberOfDays(), processInstanceId, createdBy, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new MeetingCodeTakenException(meeting.code());
        }
        agendaTemplate.applyTo(meeting);
        events.publishEvent(new MeetingRegistered(meeting.code(), meeting.title(), meeting.place(), meeting.timeZone(),
                meeting.firstDay(), meeting.numberOfDays(), now.toInstant(), createdBy));
        return meeting;
    }

    /** The meeting with this code; empty when there is none. */
    public Optional<Meeting> find(String code) {
        return jdbc.sql("select * from cv_meeting where code = ?").param(code).query(Meetings::meeting).optional();
    }

    /**
     * The meeting with this code.
     *
     * @throws MeetingNotFoundException when there is none (the pages answer 404)
     */
    public Meeting get(String code) {
        return find(code).orElseThrow(() -> new MeetingNotFoundException(code));
    }

    /** Every meeting, the latest first day first. */
    public List<Meeting> all() {
        return jdbc.sql("select * from cv_meeting order by first_day desc, code").query(Meetings::meeting).list();
    }

    private static Meeting meeting(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Meeting(rs.getString("code"), rs.getString("title"), rs.getString("place"),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("first_day", LocalDate.class),
                rs.getInt("number_of_days"));
    }
}
