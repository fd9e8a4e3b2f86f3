package org.convene.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Checks submitted values against a form's rules, as form-js does in the browser: required,
 * text length and pattern, number range and decimal digits, a choice that is one of the offered
 * values, and a checklist that is a list naming each offered value at most once; and what the
 * browser cannot check: that a date field's text is a date that exists (no 2027-02-30) and,
 * where the form says so, is not past; and that a text holds no control character (NUL cannot
 * even be stored).
 */
final class FormSubmissionValidator {

    /**
     * "Not past" allows every date that is today somewhere on Earth: the server cannot know
     * the person's calendar, so only a date already over at UTC-12 is refused.
     */
    private static final ZoneOffset LAST_ZONE_ON_EARTH = ZoneOffset.ofHours(-12);

    private FormSubmissionValidator() {
    }

    /** The earliest day that is still today somewhere on Earth at {@code now}: the {@code notBefore} of a submission. */
    static LocalDate todaySomewhere(Instant now) {
        return now.atOffset(LAST_ZONE_ON_EARTH).toLocalDate();
    }

    /**
     * @param values    the submitted value of a field key (null when not given)
     * @param notBefore the earliest date a field that must not be past takes (see {@link #todaySomewhere});
     *                  null: not checked
     * @return one message per violation, naming the field's label and the reason; empty when valid
     */
    static List<String> violations(FormSchema form, Function<String, Object> values, LocalDate notBefore) {
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
                case "textfield", "textarea" -> checkText(field, label, value, notBefore, problems);
                case "number" -> checkNumber(field, label, value, problems);
                case "checkbox" -> {
                    if (!(value instanceof Boolean)) {
                        problems.add(label + " must be true or false");
                    }
                }
                case "datetime" -> checkDate(field, label, String.valueOf(value), notBefore, problems);
                case "radio", "select" -> checkChoice(field, label, value, values, problems);
                case "checklist", "taglist" -> checkList(field, label, value, values, problems);
                default -> { }
            }
        }
        return problems;
    }

    private static void checkText(FormSchema.Field field, String label, Object value, LocalDate notBefore,
                                  List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add(label + (field.dateOnly() ? " must be a date as text YYYY-MM-DD, not a " + value.getClass().getSimpleName()
                    : " must be text"));
            return;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            problems.add(label + " holds a control character (such as NUL) that cannot be stored");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            problems.add(label + " is longer than " + field.maxLength() + " characters");
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            problems.add(label + " is shorter than " + field.minLength() + " characters");
        }
        // surrounding blanks are stripped where the text is stored (a meeting's code)
        boolean matches = field.pattern() == null || Pattern.compile(field.pattern()).matcher(text.strip()).find();
        if (field.dateOnly()) {
            if (matches) {
                checkDate(field, label, text, notBefore, problems);
            } else {
                problems.add(label + " must be a date that exists, as YYYY-MM-DD (got '" + text + "')");
            }
        } else if (!matches) {
            problems.add(label + " must match the pattern " + field.pattern());
        }
    }

    private static void checkDate(FormSchema.Field field, String label, String text, LocalDate notBefore,
                                  List<String> problems) {
        LocalDate date;
        try {
            // ISO_LOCAL_DATE resolves strictly: 2027-02-30 is refused, not moved to March
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(label + " must be a date that exists, as YYYY-MM-DD (got '" + text + "')");
            return;
        }
        if (field.notPast() && notBefore != null && date.isBefore(notBefore)) {
            problems.add(label + " must not be in the past (got " + text + ")");
        }
    }

    private static void checkNumber(FormSchema.Field field, String label, Object value, List<String> problems) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            problems.add(label + " must be a number, not '" + value + "'");
            return;
        }
        Integer digits = field.decimalDigits();
        if (digits != null && Math.max(0, new BigDecimal(number.toString()).stripTrailingZeros().scale()) > digits) {
            problems.add(label + (digits == 0 ? " must be a whole number" : " may have at most " + digits
                    + " digits after the decimal point") + ", not " + number);
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
            problems.add(label + " must be at least " + format(field.min()));
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
            problems.add(label + " must be at most " + format(field.max()));
        }
    }

    private static void checkList(FormSchema.Field field, String label, Object value,
                                  Function<String, Object> values, List<String> problems) {
        if (!(value instanceof Collection<?> || (value instanceof SpinJsonNode node && node.isArray()))) {
            problems.add(label + " must be a list of choices, not '" + value + "'");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Object item : items(value)) {
            if (!seen.add(String.valueOf(item))) {
                problems.add(label + " lists '" + item + "' twice");
            }
            checkChoice(field, label, item, values, problems);
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
