package org.convene.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * What the caller asks for clashes with what already exists (a meeting code already taken): the
 * REST API and Tasklist answer 409 with the message. Thrown by a module's listener or service
 * inside an engine command; the command rolls back.
 */
public class ConflictException extends BadUserRequestException {

    /** @param message a sentence for the person who asked: what clashes and what to do */
    public ConflictException(String message) {
        super(message);
    }
}
