package org.convene.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.convene.document.DocumentVariables;
import org.convene.document.OverdueTaskReminders;
import org.convene.meeting.Meetings;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every meeting's overdue work, checked every {@code convene.overdue.check-every} (default ten
 * minutes) on every node: each open user task of a meeting past its due date (by the engine's clock)
 * mails whoever should do it — its assignee, else its candidate groups — and, once it is overdue by
 * more than {@code convene.overdue.grace} (default one day), every manager, through the document
 * module's {@link OverdueTaskReminders}. Its keys make each mail once per person, task and due date,
 * so nodes checking at the same time, a BPMN timer that reminded first and the next check all write
 * it once. The dashboard counts the same tasks as overdue ({@link MeetingProgress}).
 */
@Component
public class OverdueTasks {

    /** What one check did: the overdue tasks it saw, the reminders and escalations it wrote now. */
    public record Checked(int overdue, int reminded, int escalated) {
    }

    private static final Logger log = LoggerFactory.getLogger(OverdueTasks.class);
    /** The most overdue tasks one check looks at, oldest due first; the next check takes the rest. */
    static final int BATCH = 500;

    private final TaskService taskService;
    private final IdentityService identityService;
    private final Meetings meetings;
    private final OverdueTaskReminders reminders;
    private final Duration grace;

    OverdueTasks(TaskService taskService, IdentityService identityService, Meetings meetings,
                 OverdueTaskReminders reminders, @Value("${convene.overdue.grace:P1D}") Duration grace) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.meetings = meetings;
        this.reminders = reminders;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${convene.overdue.check-every:PT10M}",
            initialDelayString = "${convene.overdue.check-every:PT10M}")
    void scheduled() {
        Checked checked = check();
        if (checked.reminded() + checked.escalated() > 0) {
            log.info("Overdue work: {} tasks overdue, {} reminders and {} escalations written", checked.overdue(),
                    checked.reminded(), checked.escalated());
        }
    }

    /**
     * Checks now (the engine's clock). A task whose mail could not be written (its meeting gone, a
     * mail server's outbox refusing) is logged and left to the next check.
     *
     * @return what it did
     */
    public Checked check() {
        return check(null);
    }

    /**
     * Checks one meeting's tasks now, as {@link #check()} does every meeting's.
     *
     * @param meetingCode the meeting's code; null for every meeting
     * @return what it did
     */
    public Checked check(String meetingCode) {
        Instant now = EngineClock.instant();
        List<Task> overdue = SystemAuthentication.asSystem(identityService, () -> {
            TaskQuery query = taskService.createTaskQuery().dueBefore(Date.from(now)).active();
            if (meetingCode != null) {
                query.processInstanceBusinessKey(meetingCode);
            }
            return query.orderByDueDate().asc().listPage(0, BATCH);
        });
        int reminded = 0;
        int escalated = 0;
        for (Task task : overdue) {
            try {
                OverdueTaskReminders.Overdue about = about(task);
                if (about == null) {
                    continue;
                }
                reminded += reminders.remind(about).size();
                if (about.due().plus(grace).isBefore(now)) {
                    escalated += reminders.escalate(about).size();
                }
            } catch (RuntimeException e) {
                log.warn("Overdue task {} ({}) not told this time: {}", task.getId(), task.getName(), e.toString());
            }
        }
        return new Checked(overdue.size(), reminded, escalated);
    }

    /** The task as the reminders take it; null for a task of no meeting. */
    private OverdueTaskReminders.Overdue about(Task task) {
        return SystemAuthentication.asSystem(identityService, () -> {
            Object code = taskService.getVariable(task.getId(), ProcessVariables.MEETING_CODE);
            if (!(code instanceof String meetingCode)) {
                return null;
            }
            Object title = taskService.getVariable(task.getId(), DocumentVariables.DOCUMENT_TITLE);
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            String zone = meetings.find(meetingCode).map(m -> m.timeZone().getId()).orElse(null);
            return new OverdueTaskReminders.Overdue(meetingCode, title instanceof String t ? t : null, task.getId(),
                    task.getName(), task.getAssignee(), groups, task.getDueDate().toInstant(), zone);
        });
    }
}
