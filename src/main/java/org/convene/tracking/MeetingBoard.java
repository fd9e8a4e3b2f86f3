package org.convene.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingPhase;
import org.convene.meeting.MeetingState;
import org.convene.workflow.EngineClock;
import org.convene.workflow.SystemAuthentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every meeting at a glance, for the managers' Meetings dashboard ({@code GET /api/meetings}, the
 * Cockpit plugin): read from tracking's read model ({@link MeetingProgress}) in three queries for
 * all meetings, plus the engine's facts that no event announces — overdue tasks and open incidents —
 * in three engine queries for all meetings (never one per meeting), asked as the system (the
 * caller's Camunda authorizations must not change the figures).
 */
@Service
public class MeetingBoard {

    /** How a meeting's invitations stand: sent (not withdrawn), and of those accepted, declined, unanswered, lapsed. */
    public record Invitations(int invited, int accepted, int declined, int pending, int lapsed) {
    }

    /**
     * One meeting on the dashboard.
     *
     * @param code              the meeting's code, e.g. {@code EM-2027-AMMAN}
     * @param dates             its days as people read them, e.g. {@code 8–9 February 2027}
     * @param firstDay          its first day, in the venue's calendar
     * @param daysToMeeting     days from today (the venue's today, by the engine's clock) to the first day;
     *                          0 on the day, negative once it has begun
     * @param phase             the phase last started; null before the first
     * @param phaseLabel        the phase as people read it ("Preparation"); null with no phase
     * @param state             running, finished, cancelled or stopped (its process deleted by hand)
     * @param endedAt           when it ended (UTC); null while running
     * @param endReason         why it ended (cancellation's reason, delete reason); null when none
     * @param draftsInReview    how many drafts wait for a review, sign-off or approval
     * @param overdueTasks      open tasks of the meeting past their due date
     * @param incidents         open incidents of the meeting's processes (a job out of retries)
     * @param processInstanceId the meeting's ExpertMeetingProcess instance (Cockpit's link while running); may be null
     */
    public record Row(String code, String title, String place, String dates, LocalDate firstDay, String timeZone,
                      long daysToMeeting, MeetingPhase phase, String phaseLabel, MeetingState state, String stateLabel,
                      Instant endedAt, String endReason, Invitations invitations, int draftsInReview,
                      int overdueTasks, int incidents, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    MeetingBoard(JdbcClient jdbc, TaskService taskService, RuntimeService runtimeService, IdentityService identityService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Every meeting: running ones first, the soonest first day first; then the ended ones, the latest first. */
    public List<Row> rows() {
        Map<String, Invitations> invitations = invitations();
        Map<String, Integer> drafts = jdbc.sql("""
                select meeting_code, count(*) from cv_meeting_progress_draft where in_review group by meeting_code""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        EngineFacts engine = SystemAuthentication.asSystem(identityService, this::engineFacts);
        Instant now = EngineClock.instant();
        return jdbc.sql("""
                select * from cv_meeting_progress
                order by case when state = 'RUNNING' then 0 else 1 end,
                         case when state = 'RUNNING' then first_day end asc, first_day desc, meeting_code""")
                .query((rs, n) -> {
                    String code = rs.getString("meeting_code");
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    LocalDate firstDay = rs.getObject("first_day", LocalDate.class);
                    Meeting meeting = new Meeting(code, rs.getString("title"), rs.getString("place"), zone, firstDay,
                            rs.getInt("number_of_days"));
                    String phase = rs.getString("phase");
                    MeetingPhase current = phase == null ? null : MeetingPhase.valueOf(phase);
                    MeetingState state = MeetingState.valueOf(rs.getString("state"));
                    OffsetDateTime endedAt = rs.getObject("ended_at", OffsetDateTime.class);
                    return new Row(code, meeting.title(), meeting.place(), meeting.datesLabel(), firstDay, zone.getId(),
                            ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), firstDay), current,
                            current == null ? null : current.label(), state, state.label(),
                            endedAt == null ? null : endedAt.toInstant(), rs.getString("end_reason"),
                            invitations.getOrDefault(code, new Invitations(0, 0, 0, 0, 0)), drafts.getOrDefault(code, 0),
                            engine.overdue().getOrDefault(code, 0), engine.incidents().getOrDefault(code, 0),
                            rs.getString("process_instance_id"));
                })
                .list();
    }

    private Map<String, Invitations> invitations() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        jdbc.sql("select meeting_code, status, count(*) from cv_meeting_progress_invitation group by meeting_code, status")
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        Map<String, Invitations> invitations = new HashMap<>();
        counts.forEach((code, byStatus) -> {
            int accepted = byStatus.getOrDefault(MeetingProgress.ACCEPTED, 0);
            int declined = byStatus.getOrDefault(MeetingProgress.DECLINED, 0);
            int pending = byStatus.getOrDefault(MeetingProgress.SENT, 0);
            int lapsed = byStatus.getOrDefault(MeetingProgress.LAPSED, 0);
            invitations.put(code, new Invitations(accepted + declined + pending + lapsed, accepted, declined, pending, lapsed));
        });
        return invitations;
    }

    /** Per meeting code: its overdue tasks and open incidents. */
    private record EngineFacts(Map<String, Integer> overdue, Map<String, Integer> incidents) {
    }

    private EngineFacts engineFacts() {
        List<Task> overdue = taskService.createTaskQuery().active().dueBefore(Date.from(EngineClock.instant())).list();
        // an incident in a phase is repeated in each process that called it: count its root cause once
        List<Incident> incidents = runtimeService.createIncidentQuery().list().stream()
                .filter(i -> i.getId().equals(i.getRootCauseIncidentId())).toList();
        Set<String> instanceIds = new HashSet<>();
        overdue.forEach(t -> instanceIds.add(t.getProcessInstanceId()));
        incidents.forEach(i -> instanceIds.add(i.getProcessInstanceId()));
        instanceIds.remove(null);
        Map<String, String> codes = instanceIds.isEmpty() ? Map.of()
                : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(p -> p.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return new EngineFacts(countBy(overdue, Task::getProcessInstanceId, codes),
                countBy(incidents, Incident::getProcessInstanceId, codes));
    }

    private static <T> Map<String, Integer> countBy(List<T> items, Function<T, String> instanceId, Map<String, String> codes) {
        Map<String, Integer> counts = new HashMap<>();
        for (T item : items) {
            String code = codes.get(instanceId.apply(item));
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        return counts;
    }
}
