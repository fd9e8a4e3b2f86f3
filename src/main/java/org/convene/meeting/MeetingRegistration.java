package org.convene.meeting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of ExpertMeetingProcess: registers the meeting under its code (the business
 * key) in the same transaction as the start, so a taken code refuses the start itself.
 * Sets the variables every phase shows: meetingCode, meetingTitle, meetingPlace, meetingDates.
 */
@Component("meetingRegistration")
class MeetingRegistration implements ExecutionListener {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    private final Meetings meetings;

    MeetingRegistration(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // Tasklist's start form asks for the code; the REST API may give it as the business key
        Object asked = execution.getVariable(ProcessVariables.MEETING_CODE);
        String code = execution.getProcessBusinessKey();
        if (code == null && asked instanceof String text && !text.isBlank()) {
            code = text.strip().toUpperCase(java.util.Locale.ROOT);
            execution.setProcessBusinessKey(code);
        } else if (code != null && asked instanceof String text && !text.isBlank() && !text.strip().equalsIgnoreCase(code)) {
            throw new BadUserRequestException("The meeting code '" + text + "' differs from the business key '" + code + "'.");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new BadUserRequestException("A meeting needs a code as its business key: 3 to 64 capital letters, "
                    + "digits and hyphens, e.g. EM-2027-AMMAN (got '" + code + "').");
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Meeting meeting = new Meeting(code,
                required(execution, ProcessVariables.MEETING_TITLE, 300),
                required(execution, ProcessVariables.MEETING_PLACE, 200),
                zone(execution),
                firstDay(execution, user != null),
                days(execution));
        meetings.register(meeting, execution.getProcessInstanceId(), user == null ? null : user.getUserId());
        execution.setVariable(ProcessVariables.MEETING_CODE, code);
        execution.setVariable(ProcessVariables.MEETING_TITLE, meeting.title());
        execution.setVariable(ProcessVariables.MEETING_PLACE, meeting.place());
        execution.setVariable(ProcessVariables.MEETING_DATES, meeting.datesLabel());
    }

    private static String required(DelegateExecution execution, String name, int maxLength) {
        Object value = execution.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadUserRequestException("'" + name + "' is required to start a meeting.");
        }
        if (text.length() > maxLength) {
            throw new BadUserRequestException("'" + name + "' is longer than " + maxLength + " characters.");
        }
        return text.strip();
    }

    private static ZoneId zone(DelegateExecution execution) {
        Object value = execution.getVariable(ExpertMeetingProcess.MEETING_TIME_ZONE);
        try {
            return value == null ? ZoneId.of("Asia/Amman") : ZoneId.of(value.toString());
        } catch (DateTimeException e) {
            throw new BadUserRequestException("'meetingTimeZone' is not a time zone: " + value);
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
    private static LocalDate firstDay(DelegateExecution execution, boolean byAPerson) {
        Object value = execution.getVariable(ExpertMeetingProcess.FIRST_DAY);
        LocalDate firstDay = null;
        if (value instanceof String text) {
            try {
                firstDay = LocalDate.parse(text); // ISO, strict: 2027-02-30 is refused
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        if (firstDay == null) {
            throw new FormFieldValidationException(ExpertMeetingProcess.FIRST_DAY, "'First day' must be the meeting's first day as text YYYY-MM-DD, "
                    + "a date that exists (got '" + value + "').");
        }
        LocalDate today = EngineClock.instant().atZone(zone(execution)).toLocalDate();
        if (byAPerson && firstDay.isBefore(today)) {
            throw new BadUserRequestException("The first day, " + firstDay + ", is in the past: it is already " + today
                    + " in the venue's time zone (" + zone(execution).getId() + ").");
        }
        return firstDay;
    }

    private static int days(DelegateExecution execution) {
        Object value = execution.getVariable(ExpertMeetingProcess.NUMBER_OF_DAYS);
        if (value == null) {
            return 2;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < 1 || n.doubleValue() > 5) {
            throw new BadUserRequestException("'numberOfDays' must be a whole number from 1 to 5 (got " + value + ").");
        }
        return n.intValue();
    }
}
