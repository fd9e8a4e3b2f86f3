package org.convene.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * "Record plenary discussion": when it opens the chair has validated the report (its version stays
 * as signed; the plenary may add findings); when it is completed the report is presented.
 */
@Component("workingGroupReportPlenary")
class ReportPlenaryListener implements TaskListener {

    private final WorkingGroupReports reports;

    ReportPlenaryListener(WorkingGroupReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String group = Tasks.text(task, WorkingGroupReportProcess.WORKING_GROUP_CODE);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            reports.validate(Tasks.meetingCode(task), group);
        } else {
            reports.present(Tasks.meetingCode(task), group, Tasks.currentUser(task), task.getId());
        }
    }
}
