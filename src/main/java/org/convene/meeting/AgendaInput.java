package org.convene.meeting;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what a person typed into the agenda page (or a program sent to the agenda API); each
 * problem goes into the errors, keyed by field. A field's key carries a prefix when the input is
 * one of several ({@code sessions[3].endsAt}); the page's single form has none.
 */
final class AgendaInput {

    static final int MAX_TITLE = 300;
    static final int MAX_NAME = 200;
    static final int MAX_ROOM = 100;
    static final int MAX_QUESTION = 1000;
    static final int MAX_QUESTIONS = 20;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A session that passed the checks of its own fields, ready to be checked against the others and stored. */
    record CheckedSession(Long id, int day, LocalTime start, LocalTime end, SessionKind kind, String title, String room,
                          String workingGroupCode, String prefix) {

        /** Whether both take place in the same room at a common moment (touching at an edge is no overlap). */
        boolean clashesWith(int otherDay, LocalTime otherStart, LocalTime otherEnd, String otherRoom) {
            return day == otherDay && start.isBefore(otherEnd) && otherStart.isBefore(end)
                    && sameRoom(room, otherRoom);
        }
    }

    private AgendaInput() {
    }

    /**
     * Checks one session's own fields and its working group (one of the meeting's, meeting that day).
     *
     * @return the session, or null when any field is wrong (each problem is in {@code errors})
     */
    static CheckedSession session(Long id, Agendas.NewSession input, Meeting meeting,
                                  List<Agendas.WorkingGroup> groups, String prefix, Map<String, String> errors) {
        int before = errors.size();
        Integer day = day(input.day(), meeting.numberOfDays(), prefix + "day", errors);
        LocalTime start = time(input.startsAt(), prefix + "startsAt", "start", errors);
        LocalTime end = time(input.endsAt(), prefix + "endsAt", "end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put(prefix + "endsAt", "The session must end after it starts (" + start + ").");
        }
        SessionKind kind = kind(input.kind(), prefix + "kind", errors);
        String title = text(input.title(), prefix + "title", "session a title", "title", MAX_TITLE, errors);
        String room = text(input.room(), prefix + "room", "room (e.g. Plenary hall)", "room", MAX_ROOM, errors);
        String group = strip(input.workingGroupCode());
        String groupField = prefix + "workingGroupCode";
        if (kind == SessionKind.WORKING_GROUP) {
            Agendas.WorkingGroup named = groups.stream().filter(g -> g.code().equals(group)).findFirst().orElse(null);
            if (named == null) {
                errors.put(groupField, "A working-group session names one of this meeting's working groups.");
            } else if (day != null && named.day() != day) {
                errors.put(groupField, "Working group " + group + " meets on day " + named.day()
                        + "; put its session on that day.");
            }
        } else if (kind != null && group != null) {
            errors.put(groupField, "Only a working-group session names a working group; leave it empty for a "
                    + lowerLabel(kind) + ".");
        }
        return errors.size() > before ? null
                : new CheckedSession(id, day, start, end, kind, title, room, group, prefix);
    }

    static Integer day(String text, int days, String field, Map<String, String> errors) {
        String range = days > 1 ? "1 to " + days : "1";
        try {
            int day = Integer.parseInt(String.valueOf(text).strip());
            if (day >= 1 && day <= days) {
                return day;
            }
            errors.put(field, "Day " + day + " is outside the meeting, which has " + days + (days > 1 ? " days" : " day")
                    + ": choose " + range + ".");
            return null;
        } catch (NumberFormatException e) {
            errors.put(field, "Choose a day of the meeting: " + range + ".");
            return null;
        }
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

    static SessionKind kind(String text, String field, Map<String, String> errors) {
        String kind = strip(text);
        for (SessionKind candidate : SessionKind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        errors.put(field, "Choose the kind of session: plenary, working group, break or reception.");
        return null;
    }

    /** A required text of at most {@code max} characters: "Give the {missing}." / "The {what} is n characters long". */
    static String text(String text, String field, String missing, String what, int max, Map<String, String> errors) {
        String value = strip(text);
        if (value == null) {
            errors.put(field, "Give the " + missing + ".");
        } else if (value.length() > max) {
            errors.put(field, "The " + what + " is " + value.length() + " characters long; at most " + max + " fit.");
        }
        return value;
    }

    static String name(String text, String field, String what, Map<String, String> errors) {
        String name = strip(text);
        if (name != null && name.length() > MAX_NAME) {
            errors.put(field, "The " + what + " is " + name.length() + " characters long; at most " + MAX_NAME + " fit.");
        }
        return name;
    }

    /** The questions without blank ones, each stripped; at least one, at most {@value #MAX_QUESTIONS}. */
    static List<String> questions(List<String> given, String field, Map<String, String> errors) {
        List<String> questions = new ArrayList<>();
        for (String question : given) {
            String q = strip(question);
            if (q != null) {
                questions.add(q);
            }
        }
        if (questions.isEmpty()) {
            errors.put(field, "Give the working group at least one question to discuss.");
        } else if (questions.size() > MAX_QUESTIONS) {
            errors.put(field, questions.size() + " questions are too many for one working group; at most "
                    + MAX_QUESTIONS + ".");
        } else {
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).length() > MAX_QUESTION) {
                    errors.put(field, "Question " + (i + 1) + " is " + questions.get(i).length()
                            + " characters long; at most " + MAX_QUESTION + " fit.");
                    break;
                }
            }
        }
        return questions;
    }

    /** The questions typed one a line into a text area. */
    static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }

    /** Rooms are the same whatever the case and spacing: "Meeting room A" = "meeting  room a". */
    static boolean sameRoom(String room, String other) {
        return room != null && other != null && normalRoom(room).equals(normalRoom(other));
    }

    private static String normalRoom(String room) {
        return SPACES.matcher(room.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    static String lowerLabel(SessionKind kind) {
        return kind.label().toLowerCase(Locale.ENGLISH);
    }

    /** Blank is absent. */
    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
