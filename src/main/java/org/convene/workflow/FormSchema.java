package org.convene.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The input fields of one Camunda Form, read from its JSON, with the validation rules
 * that form-js enforces in the browser.
 *
 * <p>A date without a time is a textfield (form-js 1.8.7's date picker shifts a stored date
 * by a day west of UTC) marked with two of form-js's custom properties: {@code "valueType":
 * "date"} (the text must be a date that exists, as YYYY-MM-DD) and {@code "notBefore":
 * "today"} (the date must not be past). A start form's field marked {@code "businessKey":
 * "true"} may be given as the business key of the start instead.
 */
record FormSchema(String id, List<Field> fields) {

    /** The custom property of a start form's field that the business key may stand in for. */
    static final String BUSINESS_KEY_PROPERTY = "businessKey";

    /**
     * @param pattern       form-js's {@code validate.pattern} (a regular expression the text must contain
     *                      a match of, as JavaScript's {@code RegExp.test}); null when none
     * @param dateOnly      the value is a calendar date as text YYYY-MM-DD (custom property {@code valueType: date})
     * @param notPast       the date must not be past (custom property {@code notBefore: today}, or a
     *                      datetime field's {@code disallowPassedDates})
     * @param decimalDigits form-js's {@code decimalDigits}: the most digits a number may have after the
     *                      point (0: whole numbers only); null when unlimited
     * @param businessKey   in a start form, the business key of the start may be given instead
     *                      (custom property {@code businessKey: true})
     */
    record Field(String key, String type, String label, boolean required, Integer minLength,
                 Integer maxLength, Double min, Double max, List<String> values, String valuesKey,
                 String pattern, boolean dateOnly, boolean notPast, Integer decimalDigits, boolean businessKey) {
    }

    static FormSchema parse(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormSchema(form.path("id").asText(), List.copyOf(fields));
    }

    /** This form without the fields that {@code left} names. */
    FormSchema without(Predicate<Field> left) {
        return new FormSchema(id, fields.stream().filter(left.negate()).toList());
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
            JsonNode properties = component.path("properties");
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
                    component.path("valuesKey").asText(null),
                    validate.path("pattern").asText(null),
                    "date".equals(properties.path("valueType").asText()),
                    "today".equals(properties.path("notBefore").asText())
                            || component.path("disallowPassedDates").asBoolean(false),
                    intOrNull(component.path("decimalDigits")),
                    "true".equals(properties.path(BUSINESS_KEY_PROPERTY).asText())));
        }
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
