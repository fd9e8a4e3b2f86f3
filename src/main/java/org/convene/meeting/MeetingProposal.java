package org.convene.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ProcessVariables;

/**
 * The meeting a start of ExpertMeetingProcess proposes, read from what the start form (or the
 * REST API) submitted, every rule checked: the code, given as business key or as the form's
 * {@code meetingCode} (upper-cased), 3 to 64 capital letters, digits and hyphens; title (up to 300
 * characters) and venue (up to 200) required; an IANA time zone (Asia/Amman when none); the first
 * day as text YYYY-MM-DD, today or later in the venue's time zone when a person proposes it; 1 to
 * 5 days (2 when none).
 */
final class MeetingProposal {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Amman");

    private MeetingProposal() {
    }

    /**
     * The proposed meeting.
     *
     * @param businessKey the start's business key; null when the form gives the code
     * @param variables the submitted variables by name ({@link ProcessVariables}, {@link ExpertMeetingProcess})
     * @param byAPerson whether a user of the app proposes it (the demo's seed registers meetings already held)
     * @param now the engine's clock
     * @throws BadUserRequestException naming what is missing or wrong (the REST API answers 400)
     * @throws FormFieldValidationException for a first day that is not YYYY-MM-DD (Tasklist's start form answers 400)
     */
    static Meeting read(String businessKey, Function<String, Object> variables, boolean byAPerson, Instant now) {
        String code = code(businessKey, variables.apply(ProcessVariables.MEETING_CODE));
        String title = required(variables, ProcessVariables.MEETING_TITLE, 300);
        String place = required(variables, ProcessVariables.MEETING_PLACE, 200);
        ZoneId zone = zone(variables.apply(ExpertMeetingProcess.MEETING_TIME_ZONE));
        return new Meeting(code, title, place, zone,
                firstDay(variables.apply(ExpertMeetingProcess.FIRST_DAY), zone, byAPerson, now),
                days(variables.apply(ExpertMeetingProcess.NUMBER_OF_DAYS)));
    }

    /** Tasklist's start form asks for the code; the REST API may give it as the business key. */
    private static String code(String businessKey, Object asked) {
        String code = businessKey;
        if (code == null && asked instanceof String text && !text.isBlank()) {
            code = text.strip().toUpperCase(Locale.ROOT);
        } else if (code != null && asked instanceof String text && !text.isBlank() && !text.strip().equalsIgnoreCase(code)) {
            throw new BadUserRequestException("The meeting code '" + text + "' differs from the business key '" + code + "'.");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new BadUserRequestException("A meeting needs a code as its business key: 3 to 64 capital letters, "
                    + "digits and hyphens, e.g. EM-2027-AMMAN (got '" + code + "').");
        }
        return code;
    }

    private static String required(Function<String, Object> variables, String name, int maxLength) {
        Object value = variables.apply(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadUserRequestException("'" + name + "' is required to start a meeting.");
        }
        if (text.length() > maxLength) {
            throw new BadUserRequestException("'" + name + "' is longer than " + maxLength + " characters.");
        }
        return text.strip();
    }

    private static ZoneId zone(Object value) {
        try {
            return value == null ? DEFAULT_ZONE : ZoneId.of(value.toString());
        } catch (DateTimeException e) {
            throw new BadUserRequestException("'" + ExpertMeetingProcess.MEETING_TIME_ZONE + "' is not a time zone: " + value);
        }
    }

    /**
     * The first day exactly as entered: text YYYY-MM-DD naming a day that exists. A Date (an
     * instant) or a date and time is refused rather than turned into a day in some time zone,
     * which could move it. Thrown as a form field's failure, so that Tasklist's start form
     * (submit-form) answers 400. When a person proposes the meeting, the day is today or later
     * in the venue's time zone: a meeting already under way could not be prepared, and its
     * invitations would be past their reply deadline at once. (The demo's seed registers a
     * meeting already held, with no user.)
     */
    private static LocalDate firstDay(Object value, ZoneId zone, boolean byAPerson, Instant now) {
        LocalDate firstDay = null;
        if (value instanceof String text) {
            try {
                firstDay = LocalDate.parse(text); // ISO, strict: 2027-02-30 is refused
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        if (firstDay == null) {
            throw new FormFieldValidationException(ExpertMeetingProcess.FIRST_DAY, "'First day' must be the meeting's "
                    + "first day as text YYYY-MM-DD, a date that exists (got '" + value + "').");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (byAPerson && firstDay.isBefore(today)) {
            throw new BadUserRequestException("The first day, " + firstDay + ", is in the past: it is already " + today
                    + " in the venue's time zone (" + zone.getId() + ").");
        }
        return firstDay;
    }

    private static int days(Object value) {
        if (value == null) {
            return 2;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < 1 || n.doubleValue() > 5) {
            throw new BadUserRequestException("'" + ExpertMeetingProcess.NUMBER_OF_DAYS
                    + "' must be a whole number from 1 to 5 (got " + value + ").");
        }
        return n.intValue();
    }
}
