package org.convene.bench;

import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.convene.identity.ConveneGroups;
import org.convene.meeting.ExpertMeetingProcess;
import org.springframework.context.ApplicationContext;

/**
 * The open tasks of the Tasklist benchmark: {@code meetings} meetings started as staff start them
 * (ExpertMeetingProcess: each waits at "Draft concept note", offered to convener-staff), and the
 * rest of {@code tasks} as staff work of those meetings: one instance per meeting of a benchmark-only
 * process whose parallel multi-instance user task is offered to convener-staff, so that the engine
 * writes for each task what it writes for the product's (identity link, authorizations, history).
 */
final class TaskLoad {

    /** The benchmark-only process (deployed by the benchmark, never by the app). */
    static final String STAFF_WORK_PROCESS = "BenchmarkStaffWorkProcess";
    static final String STAFF_WORK_TASK = "UserTask_PrepareSession";
    /** The variable Tasklist's filters show beside each task (identity/GroupAuthorizations). */
    static final String MEETING_LABEL = "meeting";

    private TaskLoad() {
    }

    /** Starts the meetings and their staff work; returns the number of open tasks afterwards. */
    static long seed(ApplicationContext app, int meetings, int tasks, Report report) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        int perMeeting = Math.max(0, tasks / meetings - 1);
        BpmnModelInstance staffWork = Bpmn.createExecutableProcess(STAFF_WORK_PROCESS)
                .name("Benchmark: staff work of a meeting").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(STAFF_WORK_TASK).name("Prepare a session").camundaCandidateGroups(ConveneGroups.STAFF)
                .multiInstance().parallel().cardinality(String.valueOf(perMeeting)).multiInstanceDone()
                .endEvent()
                .done();
        app.getBean(RepositoryService.class).createDeployment().name("benchmark")
                .addModelInstance(STAFF_WORK_PROCESS + ".bpmn", staffWork).deploy();
        long started = System.nanoTime();
        for (int m = 1; m <= meetings; m++) {
            String code = "EM-BENCH-" + m;
            runtime.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, Map.of(
                    MEETING_TITLE, "Benchmark meeting " + m, MEETING_PLACE, "Amman, Jordan",
                    MEETING_TIME_ZONE, "Asia/Amman", FIRST_DAY, "2027-06-07", NUMBER_OF_DAYS, 2));
            if (perMeeting > 0) {
                runtime.startProcessInstanceByKey(STAFF_WORK_PROCESS, code, Map.of(MEETING_LABEL, code));
            }
        }
        long open = app.getBean(TaskService.class).createTaskQuery().active().count();
        report.note(String.format("seeded %d meetings, %d open tasks, in %.1f s", meetings, open,
                (System.nanoTime() - started) / 1e9));
        return open;
    }
}
