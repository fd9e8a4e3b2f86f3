package org.convene.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Small helpers for the modules' task listeners. */
public final class Tasks {

    private Tasks() {
    }

    /** The user who completes the task: the one the engine knows for this request, else the assignee. */
    public static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    public static String meetingCode(VariableScope scope) {
        return (String) scope.getVariable("meetingCode");
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString().strip();
    }

    /** The `decision` of a review task; comments are required when the draft goes back. */
    public static String decision(DelegateTask task, String rejecting) {
        String decision = text(task, "decision");
        String comments = text(task, "comments");
        if (rejecting.equals(decision) && (comments == null || comments.isEmpty())) {
            throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException("comments",
                    "'" + task.getName() + "' was not completed: 'Comments' are required when the draft goes back to its author");
        }
        return decision;
    }
}
