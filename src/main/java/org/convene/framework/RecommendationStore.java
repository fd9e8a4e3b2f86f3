package org.convene.framework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recommendations' tables (V4_4): one set per meeting with its id counter, the rows, their findings. */
@Repository
class RecommendationStore {

    /** A recommendation's row with its finding ids, in order. */
    record Row(String id, String text, int objective, String proposes, List<String> findings) {
    }

    private final JdbcClient jdbc;

    RecommendationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting's set, created when it has none, locked for the rest of the transaction; its next id number. */
    int lock(String meetingCode, OffsetDateTime now) {
        jdbc.sql("""
                insert into cv_recommendation_set (meeting_code, next_recommendation, updated_at)
                select ?, 1, ? where not exists (select 1 from cv_recommendation_set where meeting_code = ?)""")
                .params(meetingCode, now, meetingCode).update();
        return jdbc.sql("select next_recommendation from cv_recommendation_set where meeting_code = ? for update")
                .param(meetingCode).query(Integer.class).single();
    }

    List<Row> rows(String meetingCode) {
        Map<Long, List<String>> findings = jdbc.sql("""
                select f.recommendation_row_id, f.finding_id from cv_recommendation_finding f
                join cv_recommendation r on r.id = f.recommendation_row_id where r.meeting_code = ?
                order by f.recommendation_row_id, f.position""").param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from cv_recommendation where meeting_code = ? order by position").param(meetingCode)
                .query((rs, n) -> new Row(rs.getString("recommendation_id"), rs.getString("text"), rs.getInt("objective"),
                        rs.getString("proposes"), findings.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Who saved the set last and when; empty before a first save. */
    Optional<Map.Entry<String, OffsetDateTime>> updated(String meetingCode) {
        return jdbc.sql("select updated_by, updated_at from cv_recommendation_set where meeting_code = ? and updated_by is not null")
                .param(meetingCode)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
    }

    /** Replaces the meeting's recommendations (the set must be locked). */
    void replace(String meetingCode, List<Row> rows, int nextRecommendation, String user, OffsetDateTime now) {
        jdbc.sql("delete from cv_recommendation where meeting_code = ?").param(meetingCode).update();
        int position = 0;
        for (Row row : rows) {
            jdbc.sql("""
                    insert into cv_recommendation (meeting_code, recommendation_id, position, text, objective, proposes)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(meetingCode, row.id(), position++, row.text(), row.objective(), row.proposes()).update();
            long id = jdbc.sql("select id from cv_recommendation where meeting_code = ? and recommendation_id = ?")
                    .params(meetingCode, row.id()).query(Long.class).single();
            for (int f = 0; f < row.findings().size(); f++) {
                jdbc.sql("insert into cv_recommendation_finding (recommendation_row_id, position, finding_id) values (?, ?, ?)")
                        .params(id, f, row.findings().get(f)).update();
            }
        }
        jdbc.sql("update cv_recommendation_set set next_recommendation = ?, updated_by = ?, updated_at = ? where meeting_code = ?")
                .params(nextRecommendation, user, now, meetingCode).update();
    }
}
