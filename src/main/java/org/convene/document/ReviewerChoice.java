package org.convene.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Who signs a document off, as staff choose it in a form before the sign-off starts ("Commission
 * background paper"): a checklist of the members of a reviewer group, all ticked at first, so that
 * the whole group signs unless staff name fewer. The BPMN reads it as bean {@code reviewerChoice}:
 * the checklist's value ({@link #members}), its options ({@link #options}), and what the ticked
 * boxes become for SignOffProcess's {@link SignOffProcess#REVIEWER_IDS} ({@link #ids}). That the
 * ticked ids are members of the group is checked by the form's own rules on the server (a
 * checklist names only offered values).
 */
@Component("reviewerChoice")
public class ReviewerChoice {

    private final UserDirectory users;

    ReviewerChoice(UserDirectory users) {
        this.users = users;
    }

    /** The checklist's first value: every member's user id, ordered by last name, as a JSON array. */
    public SpinJsonNode members(String group) {
        return Spin.JSON(users.members(group).stream().map(UserDirectory.Person::id).toList());
    }

    /** The checklist's options: every member as {@code {label: "Sofia Ortega (sofia)", value: "sofia"}}, a JSON array. */
    public SpinJsonNode options(String group) {
        return Spin.JSON(users.members(group).stream()
                .map(person -> Map.of("label", person.name() + " (" + person.id() + ")", "value", person.id())).toList());
    }

    /**
     * The ticked user ids as SignOffProcess takes them: comma-separated in the order given
     * ({@code "sofia,kenji"}); null when none is given, so that the sign-off asks the whole group.
     *
     * @param chosen the checklist's value: a JSON array of user ids (as Tasklist submits it), a
     *               list of them, or text already comma-separated; may be null
     */
    public String ids(Object chosen) {
        List<String> ids = new ArrayList<>();
        if (chosen instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(element -> ids.add(element.isValue() ? String.valueOf(element.value()) : element.toString()));
        } else if (chosen instanceof Collection<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        } else if (chosen instanceof String text) {
            ids.addAll(List.of(text.split(",")));
        }
        List<String> given = ids.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        return given.isEmpty() ? null : String.join(",", given);
    }
}
