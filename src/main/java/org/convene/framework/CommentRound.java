package org.convene.framework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants' comment round on the draft summary conclusions. It is counted in the venue's
 * calendar: opened on a day in the venue's time zone, it stays open for {@value #DAYS_FOR_COMMENTS}
 * calendar days after that day, to the end (midnight) of the last one, whatever daylight-saving
 * change falls in between; silence means no objection. Every participant who accepted their
 * invitation is mailed a signed link to the comment page ({@link CommentRoundMails}).
 */
@Component("commentRound")
public class CommentRound {

    /** Calendar days after the day the round opens; the round ends at the end of the last of them. */
    static final int DAYS_FOR_COMMENTS = 14;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * A round: its meeting, when it opened and ends (an instant: the first moment after the last day,
     * in the venue's time zone {@code zone}), and the version of the draft the participants read.
     */
    record Round(long id, String meetingCode, Instant openedAt, Instant deadline, ZoneId zone, Long versionId) {

        /** Whether comments are taken at this instant: before the deadline. */
        boolean openAt(Instant instant) {
            return instant.isBefore(deadline);
        }

        /** The deadline as the page and the mail say it, {@link CommentRound#deadlineLabel}. */
        public String deadlineLabel() {
            return CommentRound.deadlineLabel(deadline, zone);
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Meetings meetings;
    private final Documents documents;
    private final CommentRoundMails mails;

    CommentRound(JdbcClient jdbc, ApplicationEventPublisher events, Meetings meetings, Documents documents,
                 CommentRoundMails mails) {
        this.jdbc = jdbc;
        this.events = events;
        this.meetings = meetings;
        this.documents = documents;
        this.mails = mails;
    }

    /**
     * The end of a round opened at {@code openedAt}: midnight at the end of the
     * {@value #DAYS_FOR_COMMENTS}th calendar day after the opening day, both days in the venue's
     * time zone. Across a daylight-saving change this is an hour more or less than 14 × 24 hours.
     */
    static Instant deadline(Instant openedAt, ZoneId zone) {
        LocalDate lastDay = openedAt.atZone(zone).toLocalDate().plusDays(DAYS_FOR_COMMENTS);
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The deadline as people read it: "the end of Tuesday 15 December 2026 (midnight, Asia/Bangkok
     * time; 17:00 UTC)", the day being the last day comments are taken.
     */
    static String deadlineLabel(Instant deadline, ZoneId zone) {
        LocalDate lastDay = deadline.atZone(zone).minusNanos(1).toLocalDate();
        return "the end of " + DAY.format(lastDay) + " (midnight, " + zone.getId() + " time; "
                + TIME.format(deadline.atOffset(ZoneOffset.UTC)) + " UTC)";
    }

    /** A moment as the participants read it: "Tuesday 1 December 2026, 14:05 (Asia/Bangkok time)". */
    static String timeLabel(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone)) + ", " + TIME.format(instant.atZone(zone)) + " (" + zone.getId() + " time)";
    }

    /**
     * Opens the round of one SummaryConclusionsProcess instance on the latest version of the draft,
     * from now (the engine's clock, whole seconds) to {@link #deadline}, writes each participant
     * who accepted their invitation the mail with their link, and announces {@link CommentRoundOpened}.
     * A round already open for the instance is kept, and neither mailed nor announced again (a job
     * runs at least once).
     *
     * @param meetingCode       the meeting's code; never null
     * @param processInstanceId the instance whose round it is; never null
     * @return the round's deadline
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public Instant open(String meetingCode, String processInstanceId) {
        Optional<OffsetDateTime> existing = jdbc.sql("select deadline from cv_comment_round where process_instance_id = ?")
                .param(processInstanceId).query(OffsetDateTime.class).optional();
        if (existing.isPresent()) {
            return existing.get().toInstant();
        }
        Meeting meeting = meetings.get(meetingCode);
        OffsetDateTime now = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = deadline(now.toInstant(), meeting.timeZone());
        Long versionId = documents.latest(meetingCode, DocumentKind.SUMMARY_CONCLUSIONS, "").map(Documents.Version::id)
                .orElse(null);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into cv_comment_round (meeting_code, process_instance_id, opened_at, deadline, time_zone,
                        document_version_id) values (?, ?, ?, ?, ?, ?)""")
                .params(meetingCode, processInstanceId, now, deadline.atOffset(ZoneOffset.UTC), meeting.timeZone().getId(),
                        versionId)
                .update(key, "id");
        long id = key.getKey().longValue();
        Round round = new Round(id, meetingCode, now.toInstant(), deadline, meeting.timeZone(), versionId);
        for (var participant : mails.askForComments(meeting, round)) {
            jdbc.sql("""
                            insert into cv_comment_round_participant (comment_round_id, participant_id, participant_name)
                            values (?, ?, ?)""")
                    .params(id, participant.id(), participant.fullName()).update();
        }
        events.publishEvent(new CommentRoundOpened(meetingCode, deadline, now.toInstant(), null));
        return deadline;
    }

    /** The round with this id; empty for none. */
    Optional<Round> round(long id) {
        return jdbc.sql("select " + COLUMNS + " from cv_comment_round where id = ?").param(id)
                .query((rs, n) -> round(rs)).optional();
    }

    /** The meeting's latest round; empty before one opened. */
    Optional<Round> latest(String meetingCode) {
        return jdbc.sql("select " + COLUMNS + " from cv_comment_round where meeting_code = ? order by id desc limit 1")
                .param(meetingCode).query((rs, n) -> round(rs)).optional();
    }

    /**
     * Markdown of the comments received in the meeting's rounds, for the revising task, in the order
     * received: "**participant** on paragraph 2 (“…”): comment", "**participant**: comment" on the
     * whole draft; or a sentence saying that none came.
     */
    public String summary(String meetingCode) {
        List<String> comments = jdbc.sql("""
                        select c.participant_name, c.paragraph, c.paragraph_text, c.comments from cv_participant_comment c
                        join cv_comment_round r on r.id = c.comment_round_id where r.meeting_code = ?
                        order by c.id""")
                .param(meetingCode)
                .query((rs, n) -> "**" + rs.getString(1) + "**" + (rs.getInt(2) == 0 ? "" : " on paragraph "
                        + rs.getInt(2) + " (“" + shortened(rs.getString(3)) + "”)") + ": " + rs.getString(4))
                .list();
        return comments.isEmpty() ? "No comments were received: silence means no objection." : String.join("\n\n", comments);
    }

    /** The names of those the round asked for comments, by name. */
    List<String> asked(long roundId) {
        return jdbc.sql("select participant_name from cv_comment_round_participant where comment_round_id = ? "
                + "order by participant_name").param(roundId).query(String.class).list();
    }

    private static String shortened(String paragraph) {
        String line = paragraph == null ? "" : paragraph.replaceAll("\\s+", " ").strip();
        if (line.length() <= 60) {
            return line;
        }
        int space = line.lastIndexOf(' ', 59);
        return line.substring(0, space > 20 ? space : 59).strip() + "…";
    }

    private static final String COLUMNS = "id, meeting_code, opened_at, deadline, time_zone, document_version_id";

    private static Round round(java.sql.ResultSet rs) throws java.sql.SQLException {
        String zone = rs.getString(5);
        return new Round(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant(), zone == null ? ZoneOffset.UTC : ZoneId.of(zone),
                (Long) rs.getObject(6));
    }
}
