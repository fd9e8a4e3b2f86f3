package org.convene.workflow;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who drafted what an approving task decides on: the four-eyes rule of
 * {@link TaskAssignmentGuard} asks every bean of this type when such a task is created, claimed,
 * assigned, delegated or completed. Each module implements it for its own approving tasks (one
 * small class in the module's package) from its own append-only tables, which no user can change
 * through the engine; the engine's task variables, which anyone who may update a task can change,
 * are only where the answer is shown.
 */
public interface DraftAuthors {

    /**
     * A draft under decision.
     *
     * @param author the user id of whoever submitted it, never null
     * @param what   what was drafted, as a sentence reads it after "lena drafted": "version 2 of the concept note"
     */
    record Draft(String author, String what) {

        public Draft {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(what, "what");
        }
    }

    /**
     * The draft that this task approves, reviews, validates or signs off.
     *
     * @param task a user task of any process, being created, changed or completed (called inside the engine's
     *             command, with the caller's authorizations switched off)
     * @return the draft and its author; empty when the task is not one of this module's approving tasks, or
     *         when no user is known to have drafted it (a draft seeded by the system, or submitted by no
     *         authenticated user and no assignee)
     */
    Optional<Draft> draftDecidedBy(DelegateTask task);
}
