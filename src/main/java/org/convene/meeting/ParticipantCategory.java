package org.convene.meeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The categories of participants of an expert meeting (the seed's concept note), defined once:
 * the concept note names those to invite, the invitation module lists participants by them,
 * and the forms offer them through a {@code valuesKey} variable ({@link #formOptions()}). The
 * form value of a category is its name, e.g. {@code GOV}; that is also what the tables store.
 */
public enum ParticipantCategory {
    GOV("Senior government representatives"),
    IO("International organizations"),
    REG("Regional bodies"),
    NGO("Non-governmental organizations"),
    ACA("Academics and independent experts");

    private final String label;

    ParticipantCategory(String label) {
        this.label = label;
    }

    /** The category as the concept note names it, e.g. "Regional bodies". */
    public String label() {
        return label;
    }

    /** Every category as a form's option, in this order: {@code [{label, value}]} with the name as value. */
    public static List<Map<String, String>> formOptions() {
        return Arrays.stream(values()).map(c -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", c.label);
            option.put("value", c.name());
            return option;
        }).toList();
    }

    /**
     * The categories a checklist submitted, in the order given.
     *
     * @param value a JSON array of names (as a form submits it), a collection of names, or names
     *              separated by commas; null for none
     * @return the categories; never null
     * @throws IllegalArgumentException when a name is not one of the categories
     */
    public static List<ParticipantCategory> ofFormValues(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> names.add(e.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> names.add(String.valueOf(e)));
        } else if (value != null) {
            names.addAll(Arrays.asList(value.toString().split(",")));
        }
        return names.stream().map(String::strip).filter(name -> !name.isEmpty()).map(ParticipantCategory::valueOf).toList();
    }
}
