package org.convene.workflow;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A change to a task (its assignee, owner, delegate or offer) or its completion, refused by
 * Convene's rules on who may hold a task ({@link TaskAssignmentGuard}): the work stays inside
 * the groups the process offers it to, and no one approves what they drafted. An
 * {@link AuthorizationException}, so Camunda's REST API (and Tasklist's, which is the same)
 * answers 403 with this message; nothing of the refused change is stored.
 */
public class TaskRefused extends AuthorizationException {

    /** @param message says who was refused what, and which group's work it is; shown to the user as it is */
    public TaskRefused(String message) {
        super(message);
    }
}
