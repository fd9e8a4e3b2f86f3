package org.convene.meeting;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.workflow.ChangeRefused;

/**
 * The concept note's seats per participant category: stored as {@code GOV=10,IO=5}
 * (cv_concept_note_version.category_targets), and checked against the note's total and its
 * categories to invite.
 */
final class CategoryTargets {

    private CategoryTargets() {
    }

    static Map<ParticipantCategory, Integer> parse(String stored) {
        Map<ParticipantCategory, Integer> targets = new EnumMap<>(ParticipantCategory.class);
        if (stored != null && !stored.isBlank()) {
            for (String pair : stored.split(",")) {
                String[] parts = pair.split("=");
                targets.put(ParticipantCategory.valueOf(parts[0].strip()), Integer.valueOf(parts[1].strip()));
            }
        }
        return targets;
    }

    static String format(Map<ParticipantCategory, Integer> targets) {
        return targets.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /**
     * @throws ChangeRefused when a target is negative, is set for a category not to be invited, or
     *         the targets add up to more than the seats envisaged in all
     */
    static void check(ConceptNotes.ConceptNote note) {
        Map<String, String> errors = new LinkedHashMap<>();
        int sum = 0;
        for (Map.Entry<ParticipantCategory, Integer> target : note.categoryTargets().entrySet()) {
            ParticipantCategory category = target.getKey();
            String field = ConceptNoteApprovalProcess.targetField(category);
            if (target.getValue() < 0) {
                errors.put(field, "The target for " + category.label() + " is " + target.getValue()
                        + ": give a number of seats, 0 or more, or leave it empty.");
            } else if (target.getValue() > 0 && !note.participantCategories().contains(category)) {
                errors.put(field, "A target of " + target.getValue() + " is set for " + category.label()
                        + ", which is not among the categories to invite: tick the category, or leave its target empty.");
            }
            sum += Math.max(0, target.getValue());
        }
        if (sum > note.participantsTarget()) {
            errors.put(ConceptNoteApprovalProcess.PARTICIPANTS_TARGET, "The targets per category add up to " + sum
                    + " seats, more than the " + note.participantsTarget() + " participants envisaged: "
                    + "lower a category's target or raise the number envisaged.");
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
    }
}
