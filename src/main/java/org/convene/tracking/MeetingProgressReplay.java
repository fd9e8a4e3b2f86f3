package org.convene.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.convene.workflow.MeetingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the read model ({@link MeetingProgress}) of meetings that tracking recorded before the read model
 * existed — a database made by an earlier release — by applying their recorded events again, oldest
 * first: the audit record keeps each event as it was announced (cv_audit_record.details). Runs at start,
 * before the meetings' Tasklist lists are brought in line ({@link MeetingFilters}); a meeting already in
 * the read model is left alone. Their phase stays unknown until their next phase starts (the phase events
 * are newer than such a database). Two nodes starting at once may both apply an event: the read model's
 * keys refuse the second, which is skipped.
 */
@Component
class MeetingProgressReplay {

    private static final Logger log = LoggerFactory.getLogger(MeetingProgressReplay.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MeetingProgress progress;

    MeetingProgressReplay(JdbcClient jdbc, ObjectMapper json, MeetingProgress progress) {
        this.jdbc = jdbc;
        this.json = json;
        this.progress = progress;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void buildMissingMeetings() {
        List<String> missing = jdbc.sql("""
                select distinct meeting_code from cv_audit_record r
                where not exists (select 1 from cv_meeting_progress p where p.meeting_code = r.meeting_code)""")
                .query(String.class).list();
        missing.forEach(this::replay);
        if (!missing.isEmpty()) {
            log.info("Built the read model of {} meetings from their recorded events", missing.size());
        }
    }

    /**
     * Applies the meeting's recorded events to the read model, oldest first.
     *
     * @return how many were applied (an event whose type no longer exists, or that the read model's keys refuse, is skipped)
     */
    int replay(String meetingCode) {
        List<String[]> records = jdbc.sql("""
                select event_type, details from cv_audit_record where meeting_code = ? order by occurred_at, id""")
                .param(meetingCode).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int applied = 0;
        for (String[] record : records) {
            try {
                Class<?> type = Class.forName(record[0]);
                if (MeetingEvent.class.isAssignableFrom(type)) {
                    progress.apply((MeetingEvent) json.readValue(record[1], type));
                    applied++;
                }
            } catch (ClassNotFoundException | com.fasterxml.jackson.core.JsonProcessingException e) {
                log.warn("Recorded event of {} not applied to the read model: {}", meetingCode, e.getMessage());
            } catch (DataIntegrityViolationException e) {
                log.debug("Recorded event of {} applied by another node meanwhile", meetingCode);
            }
        }
        return applied;
    }
}
