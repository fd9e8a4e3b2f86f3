package org.convene.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Checks submitted values against a form's rules, as form-js does in the browser:
 * required, text length and pattern, number range, and that a choice is one of the offered
 * values; and what the browser cannot check: that a date field's text is a date that exists
 * (no 2027-02-30) and, where the form says so, is not past.
 */
final class FormSubmissionValidator {

    /**
     * "Not past" allows every date that is today somewhere on Earth: the server cannot know
     * the person's calendar, so only a date already over at UTC-12 is refused.
     */
    private static final ZoneOffset LAST_ZONE_ON_EARTH = ZoneOffset.ofHours(-12);

    private FormSubmissionValidator() {
    }

    /** @return one message per violation, naming the field's label and the reason; empty when valid */
    static List<String> violations(FormSchema form, Function<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (FormSchema.Field field : form.fields()) {
            Object value = values.apply(field.key());
            String label = "'" + field.label() + "'";
            // form-js: a required checkbox must be ticked (its empty value is false)
            boolean unticked = "checkbox".equals(field.type()) && Boolean.FALSE.equals(value);
            if (isEmpty(value) || (unticked && field.required())) {
                if (field.required()) {
                    problems.add(label + " is required");
                }
                continue;
            }
            switch (field.type()) {
                case "textfield", "textarea" -> checkText(field, label, value, problems);
                case "number" -> checkNumber(field, label, value, problems);
                case "checkbox" -> {
                    if (!(value instanceof Boolean)) {
                        problems.add(label + " must be true or false");
                    }
                }
                case "datetime" -> checkDate(label, value, problems);
                case "radio", "select" -> checkChoice(field, label, value, values, problems);
                case "checklist", "taglist" -> {
                    for (Object item : items(value)) {
                        checkChoice(field, label, item, values, problems);
                    }
                }
                default -> { }
            }
        }
        return problems;
    }

    private static void checkText(FormSchema.Field field, String label, Object value, List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add(label + (field.dateOnly() ? " must be a date as text YYYY-MM-DD, not a " + value.getClass().getSimpleName()
                    : " must be text"));
            return;
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            problems.add(label + " is longer than " + field.maxLength() + " characters");
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            problems.add(label + " is shorter than " + field.minLength() + " characters");
        }
        boolean matches = field.pattern() == null || Pattern.compile(field.pattern()).matcher(text).find();
        if (field.dateOnly()) {
            checkDateOnly(field, label, text, matches, problems);
        } else if (!matches) {
            problems.add(label + " must match the pattern " + field.pattern());
        }
    }

    private static void checkDateOnly(FormSchema.Field field, String label, String text, boolean matches,
                                      List<String> problems) {
        LocalDate date;
        try {
            // ISO_LOCAL_DATE resolves strictly: 2027-02-30 is refused, not moved to March
            date = matches ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            problems.add(label + " must be a date that exists, as YYYY-MM-DD (got '" + text + "')");
        } else if (field.notPast() && date.isBefore(LocalDate.now(LAST_ZONE_ON_EARTH))) {
            problems.add(label + " must not be in the past (got " + text + ")");
        }
    }

    private static void checkNumber(FormSchema.Field field, String label, Object value, List<String> problems) {
        if (!(value instanceof Number number)) {
            problems.add(label + " must be a number");
            return;
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
            problems.add(label + " must be at least " + format(field.min()));
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
            problems.add(label + " must be at most " + format(field.max()));
        }
    }

    private static void checkDate(String label, Object value, List<String> problems) {
        try {
            LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            problems.add(label + " must be a date (YYYY-MM-DD)");
        }
    }

    private static void checkChoice(FormSchema.Field field, String label, Object value,
                                    Function<String, Object> values, List<String> problems) {
        List<String> allowed = field.valuesKey() != null
                ? offered(values.apply(field.valuesKey()))
                : field.values();
        if (!allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
            problems.add(label + " must be one of " + allowed + ", not '" + value + "'");
        }
    }

    private static List<String> offered(Object options) {
        List<String> offered = new ArrayList<>();
        for (Object option : items(options)) {
            if (option instanceof SpinJsonNode node) {
                offered.add(node.hasProp("value") ? node.prop("value").value().toString() : node.value().toString());
            } else if (option instanceof Map<?, ?> map) {
                offered.add(String.valueOf(map.get("value")));
            } else {
                offered.add(String.valueOf(option));
            }
        }
        return offered;
    }

    private static List<Object> items(Object value) {
        if (value instanceof SpinJsonNode node && node.isArray()) {
            return node.elements().stream()
                    .map(e -> e.isValue() ? e.value() : (Object) e)
                    .toList();
        }
        if (value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        return value == null ? List.of() : List.of(value);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof SpinJsonNode n && n.isArray() && n.elements().isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
