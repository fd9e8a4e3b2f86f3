package org.convene.framework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Common Framework's tables (V4_5): one row per meeting, the id counters, the elements and their sources. */
@Repository
class CommonFrameworkStore {

    /** An element's row with the ids of the recommendations it rests on, in order. */
    record Row(String id, String kind, String title, String text, String formOfSupport, String phase, String arrangement,
               boolean illustrative, List<String> recommendations) {
    }

    private final JdbcClient jdbc;

    CommonFrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting's framework row, created when it has none, locked for the rest of the transaction. */
    void lock(String meetingCode, OffsetDateTime now) {
        jdbc.sql("""
                insert into cv_framework (meeting_code, updated_at)
                select ?, ? where not exists (select 1 from cv_framework where meeting_code = ?)""")
                .params(meetingCode, now, meetingCode).update();
        jdbc.sql("select meeting_code from cv_framework where meeting_code = ? for update").param(meetingCode)
                .query(String.class).single();
    }

    /** The next number of each kind's ids (kind name → number); a kind not yet used starts at 1. */
    Map<String, Integer> counters(String meetingCode) {
        return jdbc.sql("select kind, next_number from cv_framework_counter where meeting_code = ?").param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Row> rows(String meetingCode) {
        Map<Long, List<String>> sources = jdbc.sql("""
                select s.element_row_id, s.recommendation_id from cv_framework_element_source s
                join cv_framework_element e on e.id = s.element_row_id where e.meeting_code = ?
                order by s.element_row_id, s.position""").param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from cv_framework_element where meeting_code = ? order by position").param(meetingCode)
                .query((rs, n) -> new Row(rs.getString("element_id"), rs.getString("kind"), rs.getString("title"),
                        rs.getString("text"), rs.getString("form_of_support"), rs.getString("phase"),
                        rs.getString("arrangement_id"), rs.getBoolean("illustrative"),
                        sources.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Who saved the framework last and when; empty before a first save. */
    Optional<Map.Entry<String, OffsetDateTime>> updated(String meetingCode) {
        return jdbc.sql("select updated_by, updated_at from cv_framework where meeting_code = ? and updated_by is not null")
                .param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
    }

    /** Replaces the meeting's elements and counters (the framework row must be locked). */
    void replace(String meetingCode, List<Row> rows, Map<String, Integer> counters, String user, OffsetDateTime now) {
        jdbc.sql("delete from cv_framework_element where meeting_code = ?").param(meetingCode).update();
        int position = 0;
        for (Row row : rows) {
            jdbc.sql("""
                    insert into cv_framework_element (meeting_code, element_id, kind, position, title, text, form_of_support,
                                                      phase, arrangement_id, illustrative)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(meetingCode, row.id(), row.kind(), position++, row.title(), row.text(), row.formOfSupport(),
                            row.phase(), row.arrangement(), row.illustrative()).update();
            long id = jdbc.sql("select id from cv_framework_element where meeting_code = ? and element_id = ?")
                    .params(meetingCode, row.id()).query(Long.class).single();
            for (int s = 0; s < row.recommendations().size(); s++) {
                jdbc.sql("insert into cv_framework_element_source (element_row_id, position, recommendation_id) values (?, ?, ?)")
                        .params(id, s, row.recommendations().get(s)).update();
            }
        }
        counters.forEach((kind, next) -> {
            if (jdbc.sql("update cv_framework_counter set next_number = ? where meeting_code = ? and kind = ?")
                    .params(next, meetingCode, kind).update() == 0) {
                jdbc.sql("insert into cv_framework_counter (meeting_code, kind, next_number) values (?, ?, ?)")
                        .params(meetingCode, kind, next).update();
            }
        });
        jdbc.sql("update cv_framework set updated_by = ?, updated_at = ? where meeting_code = ?")
                .params(user, now, meetingCode).update();
    }
}
