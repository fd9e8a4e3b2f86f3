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
     * @param sendingBack the decision that sends the draft back ({@code RETURN} or {@code REJECT})
     * @return the decision the form submitted; never null
     * @throws FormFieldValidationException when the decision is {@code sendingBack} and no comments
     *         were given, or is none of {@code APPROVE} and {@code sendingBack} (the engine refuses the
     *         completion and stores nothing of it; the REST API answers 400)
     */
    public static ReviewDecision decision(DelegateTask task, ReviewDecision sendingBack) {
        String value = text(task, ProcessVariables.DECISION);
        ReviewDecision decision = ReviewDecision.ofFormValue(value)
                .filter(d -> d == ReviewDecision.APPROVE || d == sendingBack)
                .orElseThrow(() -> new FormFieldValidationException(ProcessVariables.DECISION,
                        "'" + task.getName() + "' was not completed: the decision must be "
                        + ReviewDecision.APPROVE.formValue() + " or " + sendingBack.formValue() + ", not " + value));
        String comments = text(task, ProcessVariables.COMMENTS);
        if (decision == sendingBack && (comments == null || comments.isEmpty())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENTS,
                    "'" + task.getName() + "' was not completed: 'Comments' are required when the draft goes back to its author");
        }
        return decision;
    }
}
