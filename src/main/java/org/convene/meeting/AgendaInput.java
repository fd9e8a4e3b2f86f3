package org.convene.meeting;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads what a person typed into the agenda page; each problem goes into the errors, keyed by field. */
final class AgendaInput {

    static final int MAX_TITLE = 300;
    static final int MAX_NAME = 200;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private AgendaInput() {
    }

    static Integer day(String text, int days, Map<String, String> errors) {
        try {
            int day = Integer.parseInt(String.valueOf(text).strip());
            if (day >= 1 && day <= days) {
                return day;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("day", "Choose a day of the meeting: " + (days > 1 ? "1 to " + days : "1") + ".");
        return null;
    }

    static LocalTime time(String text, String field, String what, Map<String, String> errors) {
        String time = strip(text);
        if (time != null && TIME.matcher(time).matches()) {
            return LocalTime.parse(time);
        }
        errors.put(field, time == null ? "Give the " + what + " time as HH:MM, e.g. 09:30."
                : "'" + time + "' is not a time: give the " + what + " time as HH:MM, e.g. 09:30.");
        return null;
    }

    static SessionKind kind(String text, Map<String, String> errors) {
        String kind = strip(text);
        for (SessionKind candidate : SessionKind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        errors.put("kind", "Choose the kind of session: plenary, working group, break or reception.");
        return null;
    }

    static String title(String text, Map<String, String> errors) {
        String title = strip(text);
        if (title == null) {
            errors.put("title", "Give the session a title.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "The title is " + title.length() + " characters long; at most " + MAX_TITLE + " fit.");
        }
        return title;
    }

    static String name(String text, String field, String what, Map<String, String> errors) {
        String name = strip(text);
        if (name != null && name.length() > MAX_NAME) {
            errors.put(field, "The " + what + " is " + name.length() + " characters long; at most " + MAX_NAME + " fit.");
        }
        return name;
    }

    static String lowerLabel(SessionKind kind) {
        return kind.label().toLowerCase(Locale.ENGLISH);
    }

    /** Blank is absent. */
    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
