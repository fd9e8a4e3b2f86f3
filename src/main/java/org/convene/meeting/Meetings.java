package org.convene.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of meetings. A code is taken once: the table's unique key decides, even for a double click. */
@Service
public class Meetings {

    private final JdbcClient jdbc;
    private final AgendaTemplate agendaTemplate;

    Meetings(JdbcClient jdbc, AgendaTemplate agendaTemplate) {
        this.jdbc = jdbc;
        this.agendaTemplate = agendaTemplate;
    }

    @Transactional
    public Meeting register(Meeting meeting, String processInstanceId, String createdBy) {
        if (find(meeting.code()).isPresent()) {
            throw new MeetingCodeTakenException(meeting.code());
        }
        try {
            jdbc.sql("""
                    insert into cv_meeting (code, title, place, time_zone, first_day, number_of_days,
                                            process_instance_id, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(meeting.code(), meeting.title(), meeting.place(), meeting.timeZone().getId(),
                            meeting.firstDay(), meeting.numberOfDays(), processInstanceId, createdBy,
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new MeetingCodeTakenException(meeting.code());
        }
        agendaTemplate.applyTo(meeting);
        return meeting;
    }

    public Optional<Meeting> find(String code) {
        return jdbc.sql("select * from cv_meeting where code = ?").param(code).query(Meetings::meeting).optional();
    }

    public Meeting get(String code) {
        return find(code).orElseThrow(() -> new MeetingNotFoundException(code));
    }

    public List<Meeting> all() {
        return jdbc.sql("select * from cv_meeting order by first_day desc, code").query(Meetings::meeting).list();
    }

    private static Meeting meeting(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Meeting(rs.getString("code"), rs.getString("title"), rs.getString("place"),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("first_day", LocalDate.class),
                rs.getInt("number_of_days"));
    }
}
