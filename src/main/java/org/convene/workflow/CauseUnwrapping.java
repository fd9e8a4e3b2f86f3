package org.convene.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps what a task listener throws in a {@link ProcessEngineException}; this command
 * interceptor rethrows the first cause of the given type as it is (the transaction is rolled back all
 * the same), so that the REST API answers it for what it is — 400 for a form validation failure, 403
 * for a refusal — instead of 500. Any other exception passes unchanged.
 */
final class CauseUnwrapping extends CommandInterceptor {

    private final Class<? extends RuntimeException> type;

    CauseUnwrapping(Class<? extends RuntimeException> type) {
        this.type = type;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    throw type.cast(cause);
                }
            }
            throw e;
        }
    }
}
