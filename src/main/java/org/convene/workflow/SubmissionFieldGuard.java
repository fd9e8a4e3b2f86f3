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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
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
        private final ProcessEngine engine;
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
            List<String> unexpected;
            try {
                unexpected = unexpected(body, form.get().keys());
            } catch (JsonProcessingException e) {
                refuse(response, "The request body is not JSON: " + e.getOriginalMessage());
                return;
            }
            if (!unexpected.isEmpty()) {
                refuse(response, "'" + form.get().name() + "' takes only the fields of its form; not: "
                        + String.join(", ", unexpected));
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

        private record Form(String name, Set<String> keys) {
        }

        private Optional<Form> taskForm(String taskId) {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null || task.getProcessDefinitionId() == null) {
                return Optional.empty();
            }
            UserTask model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            return keys(task.getProcessDefinitionId(), model == null ? null : model.getCamundaFormRef())
                    .map(keys -> new Form(task.getName(), keys));
        }

        private Optional<Form> startForm(String key, String id) {
            var repository = engine.getRepositoryService();
            ProcessDefinition definition = key != null
                    ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                    : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
            if (definition == null) {
                return Optional.empty();
            }
            return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class).stream()
                    .filter(e -> e.getCamundaFormRef() != null).findFirst()
                    .flatMap(e -> keys(definition.getId(), e.getCamundaFormRef()))
                    .map(keys -> new Form(definition.getName(), keys));
        }

        private Optional<Set<String>> keys(String processDefinitionId, String formRef) {
            return forms.find(engine.getRepositoryService(), processDefinitionId, formRef)
                    .map(schema -> schema.fields().stream().map(FormSchema.Field::key).collect(Collectors.toSet()));
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
