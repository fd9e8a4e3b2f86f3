package org.convene.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task (or a start form) takes only the fields of its Camunda Form: a submission through
 * the REST API or Tasklist that carries any other variable name is refused with 400 and the
 * name, before the engine stores anything. The values themselves are checked by
 * {@link FormValidationPlugin} inside the engine.
 */
@Configuration
class SubmissionFieldGuard {

    private static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?");
    private static final Pattern START = Pattern.compile(".*/process-definition/(key/([^/]+)|([^/]+))/(start|submit-form)/?");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> submissionFieldGuardFilter(ProcessEngine engine, DeployedForms forms) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Guard(engine, forms));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // after Spring Security (which tells the engine the user), before the REST API
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();
        /** The activity key of a definition's start event in {@link #fields}: no activity id has a space. */
        private static final String START_EVENT = "start event";
        private final ProcessEngine engine;
        /**
         * The field keys of each definition's start form and user tasks' forms (empty: no form), by definition
         * id and activity: a deployed definition and its forms never change.
         */
        private final Map<String, Optional<Set<String>>> fields = new ConcurrentHashMap<>();
        private final DeployedForms forms;

        Guard(ProcessEngine engine, DeployedForms forms) {
            this.engine = engine;
            this.forms = forms;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            Matcher task = TASK.matcher(path);
            Matcher start = START.matcher(path);
            Optional<Form> form = task.matches() ? taskForm(task.group(1))
                    : start.matches() ? startForm(start.group(2), start.group(3)) : Optional.empty();
            if (form.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readAllBytes();
            String refusal;
            try {
                List<String> unexpected = unexpected(body, form.get().keys());
                refusal = unexpected.isEmpty() ? null : "takes only the fields of its form; not: " + String.join(", ", unexpected);
            } catch (JsonProcessingException e) {
                refusal = "The request body is not JSON: " + e.getOriginalMessage();
            }
            // a refusal only for what the caller may see (its name is in the message); the engine refuses the rest
            Optional<String> name = refusal == null ? Optional.empty() : form.get().visibleName().get();
            if (name.isPresent()) {
                refuse(response, refusal.startsWith("The request body") ? refusal : "'" + name.get() + "' " + refusal);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
        }

        /** 400 in the REST API's shape, so that Tasklist shows the message. */
        private static void refuse(HttpServletResponse response, String message) throws IOException {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            JSON.writeValue(response.getWriter(), java.util.Map.of("type", "InvalidRequestException", "message", message));
        }

        /** A form's field keys, and the task's or process's name if the caller may see it (asked only to refuse). */
        private record Form(Supplier<Optional<String>> visibleName, Set<String> keys) {
        }

        /**
         * The task's row by its id, as the system (one read by primary key), and its form's fields: the task
         * query with the caller's authorization check is asked only when the guard refuses, for the name.
         */
        private Optional<Form> taskForm(String taskId) {
            TaskEntity task = asSystem(context -> context.getTaskManager().findTaskById(taskId));
            if (task == null || task.getProcessDefinitionId() == null) {
                return Optional.empty();
            }
            return fieldsOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).map(keys -> new Form(
                    () -> Optional.ofNullable(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()).map(Task::getName),
                    keys));
        }

        /** As {@link #taskForm}: the definition (the latest of its key) as the system; as the caller only to refuse. */
        private Optional<Form> startForm(String key, String id) {
            ProcessDefinitionEntity definition = asSystem(context -> key != null
                    ? context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key)
                    : context.getProcessDefinitionManager().findLatestDefinitionById(id));
            if (definition == null) {
                return Optional.empty();
            }
            var repository = engine.getRepositoryService();
            return fieldsOf(definition.getId(), START_EVENT).map(keys -> new Form(
                    () -> Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionId(definition.getId())
                            .singleResult()).map(ProcessDefinition::getName),
                    keys));
        }

        private <T> T asSystem(Command<T> command) {
            var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                    () -> command.execute(context)));
        }

        /** The form's field keys of a user task (or the start event: {@link #START_EVENT}), once per definition and activity. */
        private Optional<Set<String>> fieldsOf(String processDefinitionId, String activity) {
            return fields.computeIfAbsent(processDefinitionId + "\n" + activity, ignored -> read(processDefinitionId, activity));
        }

        /** From the definition's model and its deployment's forms, as the system: what the guard compares, not what the caller sees. */
        private Optional<Set<String>> read(String processDefinitionId, String activity) {
            var repository = engine.getRepositoryService();
            return asSystem(context -> {
                BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
                String formRef = START_EVENT.equals(activity)
                        ? model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                                .filter(Objects::nonNull).findFirst().orElse(null)
                        : model.getModelElementById(activity) instanceof UserTask task ? task.getCamundaFormRef() : null;
                return forms.find(repository, processDefinitionId, formRef)
                        .map(schema -> schema.fields().stream().map(FormSchema.Field::key).collect(Collectors.toSet()));
            });
        }

        private static List<String> unexpected(byte[] body, Set<String> keys) throws IOException {
            List<String> names = new ArrayList<>();
            if (body.length == 0) {
                return names;
            }
            JsonNode variables = JSON.readTree(body).path("variables");
            variables.fieldNames().forEachRemaining(name -> {
                if (!keys.contains(name)) {
                    names.add(name);
                }
            });
            return names;
        }
    }
}
