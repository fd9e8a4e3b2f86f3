package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of a Camunda Form as the server checks them: what form-js refuses in the browser is
 * refused here too (on the forms Convene deploys), and what it cannot check: patterns, date-only
 * text fields.
 */
class FormSubmissionValidatorTests {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    /** What a person submitting now gets as the earliest day: today at UTC-12. */
    static final LocalDate NOW_SOMEWHERE = FormSubmissionValidator.todaySomewhere(Instant.now());

    static final FormSchema FORM = parse("""
            {"id": "f", "components": [
              {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[A-Z]{2}-[0-9]+$"}},
              {"type": "textfield", "key": "room", "label": "Room", "validate": {"pattern": "[0-9]"}},
              {"type": "textfield", "key": "due", "label": "Due", "validate": {"pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},
               "properties": {"valueType": "date", "notBefore": "today"}},
              {"type": "textfield", "key": "born", "label": "Born", "properties": {"valueType": "date"}}
            ]}""");

    @Test
    void shouldHoldATextToItsPatternAsFormJsDoes() {
        assertThat(problems(Map.of("code", "EM-12", "room", "Room 4"))).isEmpty();
        assertThat(problems(Map.of("code", "em-12", "room", "Hall")))
                .containsExactly("'Code' must match the pattern ^[A-Z]{2}-[0-9]+$", "'Room' must match the pattern [0-9]");
    }

    @Test
    void shouldTakeADateOnlyAsTextNamingADayThatExists() {
        assertThat(problems(Map.of("due", "2999-02-28", "born", "1970-01-01"))).isEmpty();
        assertThat(problems(Map.of("due", "2999-02-30", "born", "1970-02-29")))
                .containsExactly("'Due' must be a date that exists, as YYYY-MM-DD (got '2999-02-30')",
                        "'Born' must be a date that exists, as YYYY-MM-DD (got '1970-02-29')");
        assertThat(problems(Map.<String, Object>of("born", new Date(0))))
                .containsExactly("'Born' must be a date as text YYYY-MM-DD, not a Date");
    }

    @Test
    void shouldRefuseOnlyADayThatIsOverEverywhereOnEarthWhereTheFormSaysNotPast() {
        LocalDate todayAtUtcMinus12 = NOW_SOMEWHERE;
        assertThat(problems(Map.of("due", todayAtUtcMinus12.toString()))).isEmpty();
        assertThat(problems(Map.of("due", todayAtUtcMinus12.minusDays(1).toString())))
                .containsExactly("'Due' must not be in the past (got " + todayAtUtcMinus12.minusDays(1) + ")");
        assertThat(problems(Map.of("born", "1970-01-01"))).as("no notBefore").isEmpty();
    }

    static List<String> problems(Map<String, Object> values) {
        return FormSubmissionValidator.violations(FORM, values::get, NOW_SOMEWHERE);
    }

    final FormSchema proposeMeeting = form("bpmn/meeting/propose-meeting.form");
    final FormSchema draftConceptNote = form("bpmn/meeting/draft-concept-note.form");

    static FormSchema form(String file) {
        try {
            return FormSchema.parse(new ObjectMapper().readTree(Path.of(file).toFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Object> proposal(Object... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("meetingCode", "EM-2027-AMMAN",
                "meetingTitle", "Expert meeting", "meetingPlace", "Amman, Jordan", "meetingTimeZone", "Asia/Amman",
                "firstDay", "2027-06-07", "numberOfDays", 2));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    static Map<String, Object> conceptNote(Object... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("background", "Cooperation.", "objectives", "Lessons.",
                "convener", "UNHCR", "participantsTarget", 25, "participantCategories", List.of("GOV", "IO"),
                "participantCategoryOptions", List.of(Map.of("label", "Governments", "value", "GOV"),
                        Map.of("label", "International organisations", "value", "IO")),
                "timingAndLocation", "Amman", "documentation", "A paper."));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    List<String> proposalProblems(Map<String, Object> values) {
        return FormSubmissionValidator.violations(proposeMeeting, values::get, TODAY);
    }

    List<String> conceptNoteProblems(Map<String, Object> values) {
        return FormSubmissionValidator.violations(draftConceptNote, values::get, TODAY);
    }

    @Test
    void shouldAcceptWhatTheFormsAccept() {
        assertThat(proposalProblems(proposal())).isEmpty();
        assertThat(proposalProblems(proposal("numberOfDays", 3.0, "meetingCode", " em-2027-amman "))).isEmpty();
        assertThat(conceptNoteProblems(conceptNote())).isEmpty();
    }

    @Test
    void shouldRefuseANumberThatIsNotAWholeNumberWhereTheFormAllowsNoDecimals() {
        assertThat(conceptNoteProblems(conceptNote("participantsTarget", 25.5)))
                .containsExactly("'Participants envisaged' must be a whole number, not 25.5");
        assertThat(proposalProblems(proposal("numberOfDays", 2.5))).singleElement().asString().contains("whole number");
        assertThat(proposalProblems(proposal("numberOfDays", "two"))).singleElement().asString()
                .contains("'Number of days' must be a number, not 'two'");
        assertThat(proposalProblems(proposal("numberOfDays", Double.NaN))).singleElement().asString().contains("must be a number");
    }

    @Test
    void shouldRefuseAChecklistThatIsNotAListOrNamesAValueTwice() {
        assertThat(conceptNoteProblems(conceptNote("participantCategories", "GOV")))
                .containsExactly("'Categories to invite' must be a list of choices, not 'GOV'");
        assertThat(conceptNoteProblems(conceptNote("participantCategories", List.of("GOV", "IO", "GOV"))))
                .containsExactly("'Categories to invite' lists 'GOV' twice");
    }

    @Test
    void shouldRefuseADateThatDoesNotExistOrHasPassed() {
        assertThat(proposalProblems(proposal("firstDay", "2027-02-30"))).singleElement().asString()
                .isEqualTo("'First day' must be a date that exists, as YYYY-MM-DD (got '2027-02-30')");
        assertThat(proposalProblems(proposal("firstDay", "2027-02-28")))
                .containsExactly("'First day' must not be in the past (got 2027-02-28)");
        assertThat(proposalProblems(proposal("firstDay", TODAY.toString()))).as("today is not past").isEmpty();
        assertThat(FormSubmissionValidator.violations(proposeMeeting, proposal("firstDay", "2020-03-02")::get, null))
                .as("no day given: not checked (the app's own starts)").isEmpty();
    }

    @Test
    void shouldRefuseATextThatBreaksThePatternOrHoldsAControlCharacter() {
        assertThat(proposalProblems(proposal("meetingCode", "EM 2027"))).singleElement().asString()
                .startsWith("'Meeting code' must match the pattern");
        assertThat(proposalProblems(proposal("meetingTitle", "Expert \u0000 meeting")))
                .containsExactly("'Meeting title' holds a control character (such as NUL) that cannot be stored");
        assertThat(proposalProblems(proposal("meetingTitle", "Expert\tmeeting\r\non two lines"))).isEmpty();
    }

    @Test
    void shouldRefuseAChoiceTheFormDoesNotOfferAndAMissingRequiredValue() {
        assertThat(proposalProblems(proposal("meetingTimeZone", "Mars/Olympus_Mons"))).singleElement().asString()
                .startsWith("'Venue time zone' must be one of [Asia/Amman");
        assertThat(proposalProblems(proposal("meetingTitle", " "))).containsExactly("'Meeting title' is required");
    }

    @Test
    void shouldLetTheBusinessKeyStandInForTheFieldThatTheFormMarks() {
        assertThat(proposeMeeting.fields()).filteredOn(FormSchema.Field::businessKey)
                .extracting(FormSchema.Field::key).containsExactly("meetingCode");
        FormSchema withoutCode = proposeMeeting.without(FormSchema.Field::businessKey);
        Map<String, Object> values = proposal();
        values.remove("meetingCode");

        assertThat(FormSubmissionValidator.violations(withoutCode, values::get, TODAY)).isEmpty();
        assertThat(proposalProblems(values)).containsExactly("'Meeting code' is required");
    }

    private static FormSchema parse(String json) {
        try {
            return FormSchema.parse(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
