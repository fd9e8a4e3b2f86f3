package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.spin.json.SpinJsonException;
import org.junit.jupiter.api.Test;

/**
 * Which exceptions are the caller's fault, and what is answered: the mapping that the
 * bad-input battery ({@code e2e.BadInputTests}) checks over HTTP, here case by case, including
 * the lost race that HTTP cannot provoke at will.
 */
class EngineRestErrorsTests {

    static RestException startFailed(Exception cause) {
        // what Camunda's start of a process throws for any ProcessEngineException
        return new RestException(Response.Status.INTERNAL_SERVER_ERROR, cause,
                "Cannot instantiate process definition ExpertMeetingProcess:1:x: " + cause.getMessage());
    }

    @Test
    void shouldAnswer409ForALostRaceATaskAlreadyClaimedAndAConflict() {
        assertThat(EngineRestErrors.callerFault(new OptimisticLockingException("ENGINE-03005 UPDATE TaskEntity failed")))
                .get().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.type()).isEqualTo("OptimisticLockingException");
                    assertThat(r.message()).contains("Someone else changed this at the same moment");
                });
        assertThat(EngineRestErrors.callerFault(new TaskAlreadyClaimedException("t1", "lena")))
                .get().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.message()).startsWith("This task is already claimed by lena.");
                });
        assertThat(EngineRestErrors.callerFault(startFailed(new ConflictException("A meeting with code EM-1 already exists."))))
                .get().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.message()).isEqualTo("A meeting with code EM-1 already exists.");
                });
    }

    @Test
    void shouldAnswer400WithTheCausesOwnMessageForWhatTheStartOfAProcessRefused() {
        assertThat(EngineRestErrors.callerFault(startFailed(new BadUserRequestException("'firstDay' is in the past."))))
                .get().extracting(EngineRestErrors.Refusal::status, EngineRestErrors.Refusal::message)
                .containsExactly(400, "'firstDay' is in the past.");
        assertThat(EngineRestErrors.callerFault(startFailed(new FormFieldValidationException("numberOfDays",
                "'Expert meeting' was not started: 'Number of days' must be a whole number, not 2.5"))))
                .get().extracting(EngineRestErrors.Refusal::status).isEqualTo(400);
        assertThat(EngineRestErrors.callerFault(startFailed(new ProcessEngineException("Cannot deserialize object in variable 'x'",
                new SpinJsonException("SPIN/JACKSON-JSON-01001 Unable to parse input into json node")))))
                .get().extracting(EngineRestErrors.Refusal::status).isEqualTo(400);
        assertThat(EngineRestErrors.callerFault(startFailed(new ProcessEngineException(
                "ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"))))
                .get().extracting(EngineRestErrors.Refusal::status).isEqualTo(400);
        assertThat(EngineRestErrors.callerFault(new ProcessEngineException("ENGINE-03051 listener failed",
                new RuntimeException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))))
                .get().extracting(EngineRestErrors.Refusal::status, EngineRestErrors.Refusal::message)
                .containsExactly(400, "A text holds a character that cannot be stored (such as NUL, \\u0000). Nothing was saved.");
        assertThat(EngineRestErrors.callerFault(new NotFoundException("Cannot find task with id x")))
                .get().extracting(EngineRestErrors.Refusal::status).isEqualTo(404);
    }

    @Test
    void shouldLeaveCamundasAnswerForAuthorizationAndForTheServersOwnFaults() {
        assertThat(EngineRestErrors.callerFault(new AuthorizationException("guest", "UPDATE", "Task", "t1"))).isEmpty();
        assertThat(EngineRestErrors.callerFault(startFailed(new ProcessEngineException("connection refused",
                new SQLException("connection refused", "08001"))))).isEmpty();
        assertThat(EngineRestErrors.callerFault(new NullPointerException())).isEmpty();
        assertThat(EngineRestErrors.missingValue(new NullValueException("userId is null")))
                .get().extracting(EngineRestErrors.Refusal::status).isEqualTo(400);

        Response server = EngineRestErrors.answer(startFailed(new ProcessEngineException("the disk is full")), null);
        assertThat(server.getStatus()).isEqualTo(500);
        Response authorization = EngineRestErrors.answer(new AuthorizationException("guest", "UPDATE", "Task", "t1"), null);
        assertThat(authorization.getStatus()).isEqualTo(403);
        Response wrapped = EngineRestErrors.answer(startFailed(new TaskRefused("lena drafted the concept note")), null);
        assertThat(wrapped.getStatus()).isEqualTo(403);
        assertThat(((ExceptionDto) wrapped.getEntity()).getMessage()).isEqualTo("lena drafted the concept note");
        Response camundasOwn400 = EngineRestErrors.answer(new RestException(Response.Status.BAD_REQUEST, "bad sort order"), null);
        assertThat(camundasOwn400.getStatus()).isEqualTo(400);
    }

    @Test
    void shouldKeepCamundasBodyShapeSoThatTasklistShowsTheMessage() {
        Response response = new EngineRestErrors.Refusal(409, "TaskAlreadyClaimedException", "This task is already claimed by lena.")
                .response();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
        assertThat((ExceptionDto) response.getEntity()).satisfies(body -> {
            assertThat(body.getType()).isEqualTo("TaskAlreadyClaimedException");
            assertThat(body.getMessage()).isEqualTo("This task is already claimed by lena.");
        });
    }
}
