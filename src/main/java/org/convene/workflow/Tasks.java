package org.convene.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Small helpers for the modules' task listeners and delegates. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * The user who completes the task: the one the engine knows for this request (REST API,
     * Tasklist), else the task's assignee; null when neither is known (a test completing an
     * unassigned task without a user).
     */
    public static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    /** The meeting's code ({@link ProcessVariables#MEETING_CODE}) as the scope sees it; null outside a meeting's process. */
    public static String meetingCode(VariableScope scope) {
        return (String) scope.getVariable(ProcessVariables.MEETING_CODE);
    }

    /** A variable as text without surrounding blanks (any type, by {@code toString()}); null when not set. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString().strip();
    }

    /**
     * The {@link ProcessVariables#DECISION} of a review task; {@link ProcessVariables#COMMENTS} are
     * required when the draft goes back.
     *
     * @param rejecting the decision's form value that sends the draft back (e.g. {@code return})
     * @return the decision's form value as submitted; null when none was submitted
     * @throws FormFieldValidationException when the decision is {@code rejecting} and no comments
     *         were given (the engine refuses the completion and stores nothing of it)
     */
    public static String decision(DelegateTask task, String rejecting) {
        String decision = text(task, ProcessVariables.DECISION);
        String comments = text(task, ProcessVariables.COMMENTS);
        if (rejecting.equals(decision) && (comments == null || comments.isEmpty())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENTS,
                    "'" + task.getName() + "' was not completed: 'Comments' are required when the draft goes back to its author");
        }
        return decision;
    }
}
