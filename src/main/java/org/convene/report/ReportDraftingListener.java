package org.convene.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * "Draft working group report": when it opens after the chair's return the report can be changed
 * again; when it is completed the report as it stands goes to the chair (a report with nothing in
 * it is refused, the task stays open and the REST API answers 400).
 */
@Component("workingGroupReportDrafting")
class ReportDraftingListener implements TaskListener {

    private final WorkingGroupReports reports;

    ReportDraftingListener(WorkingGroupReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String group = Tasks.text(task, WorkingGroupReportProcess.WORKING_GROUP_CODE);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            reports.reopen(Tasks.meetingCode(task), group);
            return;
        }
        try {
            reports.submit(Tasks.meetingCode(task), group, Tasks.currentUser(task), task.getId());
        } catch (IllegalStateException empty) {
            throw new FormFieldValidationException(WorkingGroupReportProcess.REPORT_READY,
                    "'" + task.getName() + "' was not completed: " + empty.getMessage());
        }
    }
}
