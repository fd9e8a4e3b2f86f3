package org.convene.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * "Remind staff" and "Escalate late report" (the overdue timers on "Draft working group report"):
 * the reminder to the staff member who supports the rapporteur, or the escalation to the chair and
 * the managers, through {@link LateReports}. Which one: the activity's id.
 */
@Component("lateReport")
class RemindLateReport implements JavaDelegate {

    private final LateReports late;

    RemindLateReport(LateReports late) {
        this.late = late;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task draft = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(WorkingGroupReportProcess.TASK_DRAFT_WORKING_GROUP_REPORT).singleResult();
        if (draft == null) {
            return;
        }
        String code = Tasks.meetingCode(execution);
        String group = Tasks.text(execution, WorkingGroupReportProcess.WORKING_GROUP_CODE);
        if (WorkingGroupReportProcess.SERVICE_TASK_ESCALATE_LATE_REPORT.equals(execution.getCurrentActivityId())) {
            late.escalate(code, group, draft.getId(), draft.getName(), draft.getAssignee());
        } else {
            late.remind(code, group, draft.getId(), draft.getName(), draft.getAssignee());
        }
    }
}
