package org.convene.invitation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.convene.meeting.ParticipantCategory;

/** Reads what a person typed into the participant form; each problem goes into the errors, keyed by field. */
final class ParticipantInput {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    /** One address, the form people use: local part, @, a domain with a dot. No display names, no lists. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private ParticipantInput() {
    }

    static String required(String text, String field, String what, Map<String, String> errors) {
        String value = strip(text);
        if (value == null) {
            errors.put(field, "Give the " + what + ".");
        } else if (value.length() > MAX_NAME) {
            errors.put(field, "The " + what + " is " + value.length() + " characters long; at most " + MAX_NAME + " fit.");
        }
        return value;
    }

    static ParticipantCategory category(String text, Map<String, String> errors) {
        String code = strip(text);
        for (ParticipantCategory category : ParticipantCategory.values()) {
            if (category.name().equals(code)) {
                return category;
            }
        }
        errors.put("category", "Choose a category: government, international organization, regional body, NGO, "
                + "or academic and independent expert.");
        return null;
    }

    /** The address in lower case, as it is stored and compared. */
    static String email(String text, Map<String, String> errors) {
        String email = strip(text);
        if (email == null) {
            errors.put("email", "Give the e-mail address the invitation goes to.");
            return null;
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.put("email", "'" + email + "' is not an e-mail address: write it as name@example.org.");
            return null;
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** Blank is absent. */
    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
