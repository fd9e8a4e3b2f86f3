package org.convene.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The input fields of one Camunda Form, read from its JSON, with the validation rules
 * that form-js enforces in the browser.
 */
record FormSchema(String id, List<Field> fields) {

    record Field(String key, String type, String label, boolean required, Integer minLength,
                 Integer maxLength, Double min, Double max, List<String> values, String valuesKey) {
    }

    static FormSchema parse(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormSchema(form.path("id").asText(), List.copyOf(fields));
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank() || component.path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            List<String> values = new ArrayList<>();
            component.path("values").forEach(v -> values.add(v.path("value").asText()));
            fields.add(new Field(key,
                    component.path("type").asText(),
                    component.path("label").asText(component.path("dateLabel").asText(key)),
                    validate.path("required").asBoolean(false),
                    intOrNull(validate.path("minLength")),
                    intOrNull(validate.path("maxLength")),
                    doubleOrNull(validate.path("min")),
                    doubleOrNull(validate.path("max")),
                    List.copyOf(values),
                    component.path("valuesKey").asText(null)));
        }
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
