package org.convene.document;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * A service task after a non-interrupting timer on a document's task at its due date ("Remind staff
 * of overdue pack" in PreparationProcess): finds the overdue task that the input parameter
 * {@link DocumentVariables#OVERDUE_ACTIVITY_ID} names in this process instance and has
 * {@link OverdueTaskReminders} mail whoever should do it. Nothing when the task was done meanwhile.
 */
@Component("remindOverdueDocumentTask")
public class RemindOverdueDocumentTask implements JavaDelegate {

    private final OverdueTaskReminders reminders;

    RemindOverdueDocumentTask(OverdueTaskReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Tasks.text(execution, DocumentVariables.OVERDUE_ACTIVITY_ID)).singleResult();
        if (task != null) {
            reminders.remind(new OverdueTaskReminders.Overdue(Tasks.meetingCode(execution),
                    DocumentKind.valueOf(Tasks.text(execution, DocumentVariables.DOCUMENT_KIND)).title(""), task.getId(),
                    task.getName(), task.getAssignee(), tasks.getIdentityLinksForTask(task.getId()).stream()
                            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                            .map(IdentityLink::getGroupId).toList(),
                    task.getDueDate().toInstant(), (String) execution.getVariable(DocumentVariables.VENUE_TIME_ZONE)));
        }
    }
}
