package org.convene.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of each deployment, parsed once. Tasks bind their form to their own
 * deployment, so the rules come from the same deployment as the form that Tasklist shows.
 */
@Component
class DeployedForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Map<String, FormSchema>> byDeployment = new ConcurrentHashMap<>();

    /** The form a task or start event of this process definition names (formRef bound to its deployment). */
    Optional<FormSchema> find(RepositoryService repository, String processDefinitionId, String formId) {
        if (formId == null) {
            return Optional.empty();
        }
        String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        return Optional.ofNullable(byDeployment
                .computeIfAbsent(deploymentId, id -> load(repository, id))
                .get(formId));
    }

    private static Map<String, FormSchema> load(RepositoryService repository, String deploymentId) {
        Map<String, FormSchema> forms = new HashMap<>();
        for (Resource resource : repository.getDeploymentResources(deploymentId)) {
            if (!resource.getName().endsWith(".form")) {
                continue;
            }
            try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
                JsonNode form = JSON.readTree(in);
                forms.put(form.path("id").asText(), FormSchema.parse(form));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read form " + resource.getName(), e);
            }
        }
        return forms;
    }
}
