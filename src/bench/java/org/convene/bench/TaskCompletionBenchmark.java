package org.convene.bench;

import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.convene.ConceptNoteDrafts;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.ExpertMeetingProcess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.context.ApplicationContext;

/**
 * (a) Human-task completions in the engine, as a staff member ({@code lena}, authorizations on):
 * the meeting's own first task ("Draft concept note" of a meeting just started, completed with a
 * concept note: its listeners, the version stored, the review task that follows) against a bare
 * one-user-task process in the same engine, and the first task of a bare two-user-task process (its
 * completion creates the next task, as the meeting's does, where the bare one ends its instance). The
 * instance is started before each call, untimed; the time of the completion alone is sampled.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TaskCompletionBenchmark {

    static final String BARE_PROCESS = "BenchmarkBareTaskProcess";
    static final String BARE_TASK = "UserTask_Work";
    static final String BARE_TWO_TASK_PROCESS = "BenchmarkBareTwoTaskProcess";
    static final String USER = "lena";
    /** The app, set before JMH runs in this JVM. */
    static ApplicationContext app;
    private static final AtomicInteger meetings = new AtomicInteger();

    /**
     * Deploys the bare process (a start, one user task offered to staff, an end) and, to tell apart
     * what the meeting's completion does because a task follows it, a bare process of two such tasks.
     */
    static void deployBareProcess(ApplicationContext context) {
        context.getBean(RepositoryService.class).createDeployment().name("benchmark-bare")
                .addModelInstance(BARE_PROCESS + ".bpmn", Bpmn.createExecutableProcess(BARE_PROCESS)
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask(BARE_TASK).name("Work").camundaCandidateGroups(ConveneGroups.STAFF)
                        .endEvent().done())
                .addModelInstance(BARE_TWO_TASK_PROCESS + ".bpmn", Bpmn.createExecutableProcess(BARE_TWO_TASK_PROCESS)
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask(BARE_TASK).name("Work").camundaCandidateGroups(ConveneGroups.STAFF)
                        .userTask().name("Next").camundaCandidateGroups(ConveneGroups.STAFF)
                        .endEvent().done())
                .deploy();
    }

    @State(Scope.Thread)
    public static class BareTask {
        String taskId;

        @Setup(Level.Invocation)
        public void start() {
            taskId = firstTask(BARE_PROCESS);
        }
    }

    /** The first task of the bare two-task process: its completion creates the second, as the meeting's does. */
    @State(Scope.Thread)
    public static class BareFirstOfTwo {
        String taskId;

        @Setup(Level.Invocation)
        public void start() {
            taskId = firstTask(BARE_TWO_TASK_PROCESS);
        }
    }

    @State(Scope.Thread)
    public static class MeetingTask {
        String taskId;

        @Setup(Level.Invocation)
        public void start() {
            String code = "EM-ENGINE-" + meetings.incrementAndGet();
            app.getBean(RuntimeService.class).startProcessInstanceByKey(ExpertMeetingProcess.ID, code, Map.of(
                    MEETING_TITLE, "Engine benchmark " + code, MEETING_PLACE, "Amman, Jordan",
                    MEETING_TIME_ZONE, "Asia/Amman", FIRST_DAY, "2027-06-07", NUMBER_OF_DAYS, 2));
            taskId = app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
        }
    }

    /** Starts an instance of the process; the id of its (one) open task. */
    private static String firstTask(String processKey) {
        String instance = app.getBean(RuntimeService.class).startProcessInstanceByKey(processKey).getId();
        return app.getBean(TaskService.class).createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Benchmark
    public void completeBareTask(BareTask task) {
        complete(task.taskId, Map.of());
    }

    @Benchmark
    public void completeBareTaskToNext(BareFirstOfTwo task) {
        complete(task.taskId, Map.of());
    }

    @Benchmark
    public void completeMeetingTask(MeetingTask task) {
        complete(task.taskId, ConceptNoteDrafts.submission("Background of the benchmark meeting."));
    }

    private static void complete(String taskId, Map<String, Object> variables) {
        IdentityService identity = app.getBean(IdentityService.class);
        identity.setAuthentication(USER, List.of(ConveneGroups.STAFF));
        try {
            app.getBean(TaskService.class).complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
