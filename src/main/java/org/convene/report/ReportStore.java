package org.convene.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convene.report.WorkingGroupReport.Actor;
import org.convene.report.WorkingGroupReport.Arrangement;
import org.convene.report.WorkingGroupReport.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report module's tables (V9_1): the working draft in rows, the versions kept as JSON. */
@Repository
class ReportStore {

    /** A report's row: its id, stage, counters and last save. */
    record Row(long id, String meetingCode, String workingGroupCode, ReportStage stage, int nextArrangement,
               int nextFinding, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** A version kept: its number, the stage it was kept at, the report as JSON, the document version it became. */
    record VersionRow(int version, ReportStage stage, String content, Long documentVersionId, String savedBy,
                      OffsetDateTime savedAt) {
    }

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String meetingCode, String workingGroupCode) {
        return jdbc.sql("select * from cv_wg_report where meeting_code = ? and working_group_code = ?")
                .params(meetingCode, workingGroupCode).query((rs, n) -> new Row(rs.getLong("id"),
                        rs.getString("meeting_code"), rs.getString("working_group_code"),
                        ReportStage.valueOf(rs.getString("stage")), rs.getInt("next_arrangement"),
                        rs.getInt("next_finding"), rs.getString("updated_by"), utc(rs.getObject("updated_at", OffsetDateTime.class))))
                .optional();
    }

    /** The report's row, created (DRAFTING, empty) when it has none; locked for the rest of the transaction. */
    Row ensureLocked(String meetingCode, String workingGroupCode, OffsetDateTime now) {
        if (find(meetingCode, workingGroupCode).isEmpty()) {
            jdbc.sql("""
                    insert into cv_wg_report (meeting_code, working_group_code, stage, next_arrangement, next_finding, updated_at)
                    select ?, ?, ?, 1, 1, ? where not exists
                      (select 1 from cv_wg_report where meeting_code = ? and working_group_code = ?)""")
                    .params(meetingCode, workingGroupCode, ReportStage.DRAFTING.name(), now, meetingCode, workingGroupCode)
                    .update();
        }
        jdbc.sql("select id from cv_wg_report where meeting_code = ? and working_group_code = ? for update")
                .params(meetingCode, workingGroupCode).query(Long.class).single();
        return find(meetingCode, workingGroupCode).orElseThrow();
    }

    List<String> questions(long reportId) {
        return jdbc.sql("select text from cv_wg_report_question where report_id = ? order by position")
                .param(reportId).query(String.class).list();
    }

    List<Arrangement> arrangements(long reportId) {
        Map<Long, List<Actor>> actors = jdbc.sql("""
                select a.arrangement_row_id, a.actor, a.role from cv_arrangement_actor a
                join cv_arrangement r on r.id = a.arrangement_row_id where r.report_id = ?
                order by a.arrangement_row_id, a.position""")
                .param(reportId)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Actor(rs.getString(2), rs.getString(3)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from cv_arrangement where report_id = ? order by position").param(reportId)
                .query((rs, n) -> new Arrangement(rs.getString("arrangement_id"), rs.getString("name"),
                        rs.getString("period"), rs.getString("region"), actors.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getString("framework"), names(rs.getString("forms_of_support"), FormOfSupport::valueOf),
                        rs.getString("scale") == null ? null : Scale.valueOf(rs.getString("scale")),
                        rs.getString("temporal_scope") == null ? null : TemporalScope.valueOf(rs.getString("temporal_scope")),
                        names(rs.getString("phases"), DisplacementPhase::valueOf), rs.getBoolean("illustrative")))
                .list();
    }

    List<Finding> findings(long reportId) {
        return jdbc.sql("select * from cv_finding where report_id = ? order by position").param(reportId)
                .query((rs, n) -> new Finding(rs.getString("finding_id"), rs.getInt("question"), rs.getString("text"),
                        names(rs.getString("arrangement_ids"), Function.identity()), rs.getBoolean("from_plenary"),
                        rs.getBoolean("illustrative")))
                .list();
    }

    /** The ids of every arrangement of the meeting's reports, with the working group each belongs to. */
    Map<String, String> arrangementGroups(String meetingCode) {
        return jdbc.sql("""
                select a.arrangement_id, r.working_group_code from cv_arrangement a join cv_wg_report r on r.id = a.report_id
                where r.meeting_code = ?""")
                .param(meetingCode).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Replaces the working draft's questions, arrangements and findings, and the counters. */
    void replace(long reportId, List<String> questions, List<Arrangement> arrangements, List<Finding> findings,
                 int nextArrangement, int nextFinding, String user, OffsetDateTime now) {
        jdbc.sql("delete from cv_finding where report_id = ?").param(reportId).update();
        jdbc.sql("delete from cv_arrangement_actor where arrangement_row_id in (select id from cv_arrangement where report_id = ?)")
                .param(reportId).update();
        jdbc.sql("delete from cv_arrangement where report_id = ?").param(reportId).update();
        jdbc.sql("delete from cv_wg_report_question where report_id = ?").param(reportId).update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into cv_wg_report_question (report_id, position, text) values (?, ?, ?)")
                    .params(reportId, i + 1, questions.get(i)).update();
        }
        for (int i = 0; i < arrangements.size(); i++) {
            Arrangement a = arrangements.get(i);
            jdbc.sql("""
                    insert into cv_arrangement (report_id, arrangement_id, position, name, period, region, framework,
                      forms_of_support, scale, temporal_scope, phases, illustrative) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, a.id(), i + 1, a.name(), a.period(), a.region(), a.framework(), joined(a.formsOfSupport()),
                            a.scale() == null ? null : a.scale().name(),
                            a.temporalScope() == null ? null : a.temporalScope().name(), joined(a.phases()), a.illustrative())
                    .update();
            long rowId = jdbc.sql("select id from cv_arrangement where report_id = ? and arrangement_id = ?")
                    .params(reportId, a.id()).query(Long.class).single();
            for (int j = 0; j < a.actors().size(); j++) {
                Actor actor = a.actors().get(j);
                jdbc.sql("insert into cv_arrangement_actor (arrangement_row_id, position, actor, role) values (?, ?, ?, ?)")
                        .params(rowId, j + 1, actor.actor(), actor.role()).update();
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            jdbc.sql("""
                    insert into cv_finding (report_id, finding_id, position, question, text, arrangement_ids, from_plenary,
                      illustrative) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, f.id(), i + 1, f.question(), f.text(), String.join(",", f.arrangements()),
                            f.fromPlenary(), f.illustrative())
                    .update();
        }
        jdbc.sql("update cv_wg_report set next_arrangement = ?, next_finding = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(nextArrangement, nextFinding, user, now, reportId).update();
    }

    void stage(long reportId, ReportStage stage) {
        jdbc.sql("update cv_wg_report set stage = ? where id = ?").params(stage.name(), reportId).update();
    }

    /** The version kept by this task, when one was (a job or listener runs at least once). */
    Optional<Integer> versionOfTask(String taskId) {
        return jdbc.sql("select version from cv_wg_report_version where task_id = ?").param(taskId)
                .query(Integer.class).optional();
    }

    /** Keeps a version; returns its number (one more than the last). */
    int insertVersion(long reportId, ReportStage stage, String content, Long documentVersionId, String taskId,
                      String savedBy, OffsetDateTime now) {
        int number = jdbc.sql("select coalesce(max(version), 0) + 1 from cv_wg_report_version where report_id = ?")
                .param(reportId).query(Integer.class).single();
        jdbc.sql("""
                insert into cv_wg_report_version (report_id, version, stage, content, document_version_id, task_id, saved_by,
                  saved_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, number, stage.name(), content, documentVersionId, taskId, savedBy, now).update();
        return number;
    }

    List<VersionRow> versions(long reportId) {
        return jdbc.sql("select * from cv_wg_report_version where report_id = ? order by version").param(reportId)
                .query((rs, n) -> new VersionRow(rs.getInt("version"), ReportStage.valueOf(rs.getString("stage")),
                        rs.getString("content"), (Long) rs.getObject("document_version_id", Long.class),
                        rs.getString("saved_by"), utc(rs.getObject("saved_at", OffsetDateTime.class))))
                .list();
    }

    private static <T> List<T> names(String joined, Function<String, T> parse) {
        return joined == null || joined.isBlank() ? List.of()
                : new ArrayList<>(Arrays.stream(joined.split(",")).map(parse).toList());
    }

    private static String joined(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
