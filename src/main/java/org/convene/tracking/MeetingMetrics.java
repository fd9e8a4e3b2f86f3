package org.convene.tracking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.MeetingPhase;
import org.convene.meeting.MeetingState;
import org.convene.workflow.EngineClock;
import org.convene.workflow.SystemAuthentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meetings and their work in {@code /actuator/prometheus} (administrators only), each a count
 * query at every scrape — never a scan of rows in Java:
 * <ul>
 * <li>{@code convene_meetings{phase, state}}: meetings by phase (running) and by how they ended
 * (phase {@code NONE} before the first), from tracking's read model;</li>
 * <li>{@code convene_tasks_open{group}}: open tasks offered to each group (assigned or not);</li>
 * <li>{@code convene_tasks_overdue}: open tasks past their due date;</li>
 * <li>{@code convene_jobs_due}: the job executor's backlog (jobs due now, with retries left);</li>
 * <li>{@code convene_incidents}: jobs out of retries, each an incident in Cockpit (counted once, where
 * it failed, not again in each process that called it).</li>
 * </ul>
 * The engine is asked as the system: a scrape's figures do not depend on who scrapes.
 */
@Component
class MeetingMetrics implements MeterBinder {

    private static final String NO_PHASE = "NONE";

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    MeetingMetrics(JdbcClient jdbc, TaskService taskService, ManagementService managementService,
                   IdentityService identityService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MeetingPhase phase : MeetingPhase.values()) {
            meetings(registry, phase.name(), MeetingState.RUNNING);
        }
        meetings(registry, NO_PHASE, MeetingState.RUNNING);
        for (MeetingState state : MeetingState.values()) {
            if (state != MeetingState.RUNNING) {
                Gauge.builder("convene.meetings", () -> jdbc.sql("select count(*) from cv_meeting_progress where state = ?")
                                .param(state.name()).query(Integer.class).single())
                        .description("Meetings by phase (running) or by how they ended")
                        .tags("phase", "ANY", "state", state.name()).register(registry);
            }
        }
        for (String group : new String[] {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS}) {
            Gauge.builder("convene.tasks.open", engine(() -> taskService.createTaskQuery().taskCandidateGroup(group)
                            .includeAssignedTasks().count()))
                    .description("Open tasks offered to the group, assigned or not").tag("group", group).register(registry);
        }
        Gauge.builder("convene.tasks.overdue", engine(() -> taskService.createTaskQuery()
                        .dueBefore(Date.from(EngineClock.instant())).count()))
                .description("Open tasks past their due date").register(registry);
        Gauge.builder("convene.jobs.due", engine(() -> managementService.createJobQuery().executable().count()))
                .description("Jobs due now with retries left: the job executor's backlog").register(registry);
        Gauge.builder("convene.incidents", engine(() -> managementService.createJobQuery().noRetriesLeft().count()))
                .description("Jobs out of retries, each an incident in Cockpit").register(registry);
    }

    private void meetings(MeterRegistry registry, String phase, MeetingState state) {
        Gauge.builder("convene.meetings", () -> NO_PHASE.equals(phase)
                        ? jdbc.sql("select count(*) from cv_meeting_progress where state = ? and phase is null")
                                .param(state.name()).query(Integer.class).single()
                        : jdbc.sql("select count(*) from cv_meeting_progress where state = ? and phase = ?")
                                .params(state.name(), phase).query(Integer.class).single())
                .description("Meetings by phase (running) or by how they ended")
                .tags("phase", phase, "state", state.name()).register(registry);
    }

    private Supplier<Number> engine(Supplier<Long> count) {
        return () -> SystemAuthentication.asSystem(identityService, count);
    }
}
