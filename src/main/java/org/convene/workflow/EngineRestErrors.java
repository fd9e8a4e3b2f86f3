package org.convene.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.spin.SpinRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is the caller's fault gets a 4xx with a message from the REST API ({@code /engine-rest})
 * and from Tasklist's engine API ({@code /camunda/api/engine/...}), never a 500. Camunda's own
 * exception mappers answer 500 for every exception that starting a process throws (a
 * {@link RestException} wrapping it), for {@link OptimisticLockingException}, for
 * {@link TaskAlreadyClaimedException} and for an operation on a task id that names no task.
 * These mappers take the same exception types at a higher priority and answer:
 * <ul>
 * <li>409 for a lost race ({@link OptimisticLockingException}), a task already claimed (naming
 *     who claimed it) and a {@link ConflictException} (a meeting code already taken);</li>
 * <li>404 for an id in the path that names no task, process definition, process instance or job,
 *     and for Camunda's {@link NotFoundException};</li>
 * <li>400 for a form that was not filled in as it says, a {@link BadUserRequestException}, a
 *     value that is not JSON, a Java-serialized value, a value the database refuses as data (too
 *     long, a NUL character: {@link StoredValueErrors}) and a value the engine needed but was not
 *     given ({@link NullValueException}).</li>
 * </ul>
 * Everything else keeps Camunda's answer (a 403 for an {@link AuthorizationException}; a 500 for
 * what is the server's fault). The body keeps Camunda's shape, {@code {"type", "message", "code"}},
 * so that Tasklist shows the message. Registered by {@link EngineRestErrorsRegistration}.
 */
public final class EngineRestErrors {

    /** Below Camunda's mappers (which have none, so {@code Priorities.USER}, 5000): these are chosen first. */
    static final int BEFORE_CAMUNDAS = 1000;

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern ENGINE = Pattern.compile("(?:^|/)engine/([^/]+)/");
    /** Path segments after task/, process-definition/ and process-instance/ that are not ids. */
    private static final String NOT_AN_ID = "(?!(?:key|count|create|report|statistics|suspended|delete|"
            + "job-retries|variables|message-async|delete-historic-query-based|retries)(?:/|$))";
    private static final Pattern TASK = Pattern.compile("(?:^|/)task/" + NOT_AN_ID + "([^/]+)");
    private static final Pattern DEFINITION = Pattern.compile("(?:^|/)process-definition/" + NOT_AN_ID + "([^/]+)");
    private static final Pattern INSTANCE = Pattern.compile("(?:^|/)process-instance/" + NOT_AN_ID + "([^/]+)");
    private static final Pattern JOB = Pattern.compile("(?:^|/)job/" + NOT_AN_ID + "([^/]+)");
    /** Camunda's code of "Java serialization format is prohibited" (a caller sent a serialized Java object). */
    private static final String SERIALIZATION_PROHIBITED = "ENGINE-17007";

    private EngineRestErrors() {
    }

    /** Starting a process, submitting a form, and whatever else Camunda wraps in a RestException. */
    @Priority(BEFORE_CAMUNDAS)
    public static class RestExceptionRefusal implements ExceptionMapper<RestException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(RestException thrown) {
            return answer(thrown, uri);
        }
    }

    /** What an engine command throws straight through to the REST resource. */
    @Priority(BEFORE_CAMUNDAS)
    public static class EngineExceptionRefusal implements ExceptionMapper<ProcessEngineException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException thrown) {
            return answer(thrown, uri);
        }
    }

    /** Camunda's resources trip over an unknown id in a few places (e.g. a task's deployed form). */
    @Priority(BEFORE_CAMUNDAS)
    public static class NullPointerRefusal implements ExceptionMapper<NullPointerException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(NullPointerException thrown) {
            return answer(thrown, uri);
        }
    }

    /** A refusal: the HTTP status, the exception type named in the body, and the message for the person. */
    record Refusal(int status, String type, String message) {

        Response response() {
            ExceptionDto body = new ExceptionDto();
            body.setType(type);
            body.setMessage(message);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    static Response answer(Throwable thrown, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        Optional<Refusal> refusal = callerFault(thrown);
        if (refusal.isEmpty() && thrown instanceof RestException rest && rest.getStatus() != null
                && rest.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
            return camundas(thrown); // Camunda chose a 4xx itself
        }
        Throwable denied = causedBy(thrown, AuthorizationException.class);
        if (refusal.isEmpty() && denied != null) {
            return camundas(denied); // 403, also when Camunda wrapped it
        }
        if (refusal.isEmpty()) {
            refusal = unknownId(path, EngineRestErrors::engine);
        }
        if (refusal.isEmpty()) {
            refusal = missingValue(thrown);
        }
        refusal.ifPresent(r -> log.debug("{} {}: {}", r.status(), path, r.message(), thrown));
        return refusal.map(Refusal::response).orElseGet(() -> camundas(thrown));
    }

    /** The exceptions that say by themselves that the caller asked for something wrong. */
    static Optional<Refusal> callerFault(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return Optional.empty(); // Camunda's 403, with what was missing
            }
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                return Optional.of(new Refusal(409, type(cause), "This task is already claimed by "
                        + claimed.getTaskAssignee() + ". Ask them to hand it on, or choose another task."));
            }
            if (cause instanceof OptimisticLockingException) {
                return Optional.of(new Refusal(409, type(cause), "Someone else changed this at the same moment, "
                        + "so nothing was saved. Reload and try again."));
            }
            if (cause instanceof ConflictException) {
                return Optional.of(new Refusal(409, type(cause), cause.getMessage()));
            }
            if (cause instanceof NotFoundException) {
                return Optional.of(new Refusal(404, type(cause), cause.getMessage()));
            }
            if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException) {
                return Optional.of(new Refusal(400, type(cause), cause.getMessage()));
            }
            if (cause instanceof SpinRuntimeException) {
                return Optional.of(new Refusal(400, type(cause), "A value is not valid JSON: " + cause.getMessage()));
            }
            if (cause instanceof ProcessEngineException engine
                    && String.valueOf(engine.getMessage()).startsWith(SERIALIZATION_PROHIBITED)) {
                return Optional.of(new Refusal(400, type(cause), engine.getMessage()));
            }
        }
        return StoredValueErrors.describe(thrown).map(message -> new Refusal(400, "InvalidRequestException", message));
    }

    /**
     * An id in the path that names nothing (an unknown task, or one completed meanwhile): 404.
     * @param engines the engine the path addresses (Tasklist's API names it), null when there is none
     */
    static Optional<Refusal> unknownId(String path, Function<String, ProcessEngine> engines) {
        Matcher task = TASK.matcher(path);
        Matcher definition = DEFINITION.matcher(path);
        Matcher instance = INSTANCE.matcher(path);
        Matcher job = JOB.matcher(path);
        if (task.find()) {
            String id = task.group(1);
            ProcessEngine engine = engines.apply(path);
            if (engine != null && engine.getTaskService().createTaskQuery().taskId(id).count() == 0) {
                return Optional.of(new Refusal(404, "NotFoundException", "There is no task with the id " + id
                        + ": it was completed or deleted meanwhile, or the id is wrong. Reload the list of tasks."));
            }
        } else if (definition.find()) {
            String id = definition.group(1);
            ProcessEngine engine = engines.apply(path);
            if (engine != null && engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionId(id).count() == 0) {
                return Optional.of(new Refusal(404, "NotFoundException",
                        "There is no process definition with the id " + id + "."));
            }
        } else if (instance.find()) {
            String id = instance.group(1);
            ProcessEngine engine = engines.apply(path);
            if (engine != null && engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(id).count() == 0) {
                return Optional.of(new Refusal(404, "NotFoundException",
                        "There is no running process instance with the id " + id + "."));
            }
        } else if (job.find()) {
            String id = job.group(1);
            ProcessEngine engine = engines.apply(path);
            if (engine != null && engine.getManagementService().createJobQuery().jobId(id).count() == 0) {
                return Optional.of(new Refusal(404, "NotFoundException", "There is no job with the id " + id
                        + ": it ran or was deleted meanwhile, or the id is wrong."));
            }
        }
        return Optional.empty();
    }

    /** A value the engine needed and was not given (e.g. a claim without a task): 400. */
    static Optional<Refusal> missingValue(Throwable thrown) {
        Throwable missing = causedBy(thrown, NullValueException.class);
        return missing == null ? Optional.empty() : Optional.of(new Refusal(400, type(missing), missing.getMessage()));
    }

    private static Throwable causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static ProcessEngine engine(String path) {
        Matcher named = ENGINE.matcher(path);
        try {
            return EngineUtil.lookupProcessEngine(named.find() ? named.group(1) : null);
        } catch (RestException e) {
            return null;
        }
    }

    private static Response camundas(Throwable thrown) {
        return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }

    private static String type(Throwable thrown) {
        return thrown.getClass().getSimpleName();
    }
}
