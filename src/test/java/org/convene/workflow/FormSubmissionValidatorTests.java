package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.meeting.ConceptNoteApprovalProcess.BACKGROUND;
import static org.convene.meeting.ConceptNoteApprovalProcess.CONVENER;
import static org.convene.meeting.ConceptNoteApprovalProcess.DOCUMENTATION;
import static org.convene.meeting.ConceptNoteApprovalProcess.OBJECTIVES;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANTS_TARGET;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES;
import static org.convene.meeting.ConceptNoteApprovalProcess.PARTICIPANT_CATEGORY_OPTIONS;
import static org.convene.meeting.ConceptNoteApprovalProcess.TIMING_AND_LOCATION;
import static org.convene.meeting.ExpertMeetingProcess.FIRST_DAY;
import static org.convene.meeting.ExpertMeetingProcess.MEETING_TIME_ZONE;
import static org.convene.meeting.ExpertMeetingProcess.NUMBER_OF_DAYS;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

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
        Map<String, Object> values = new HashMap<>(Map.of(MEETING_CODE, "EM-2027-AMMAN",
                MEETING_TITLE, "Expert meeting", MEETING_PLACE, "Amman, Jordan", MEETING_TIME_ZONE, "Asia/Amman",
                FIRST_DAY, "2027-06-07", NUMBER_OF_DAYS, 2));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    static Map<String, Object> conceptNote(Object... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(BACKGROUND, "Cooperation.", OBJECTIVES, "Lessons.",
                CONVENER, "UNHCR", PARTICIPANTS_TARGET, 25, PARTICIPANT_CATEGORIES, List.of("GOV", "IO"),
                PARTICIPANT_CATEGORY_OPTIONS, List.of(Map.of("label", "Governments", "value", "GOV"),
                        Map.of("label", "International organisations", "value", "IO")),
                TIMING_AND_LOCATION, "Amman", DOCUMENTATION, "A paper."));
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
        assertThat(proposalProblems(proposal(NUMBER_OF_DAYS, 3.0, MEETING_CODE, " em-2027-amman "))).isEmpty();
        assertThat(conceptNoteProblems(conceptNote())).isEmpty();
    }

    @Test
    void shouldRefuseANumberThatIsNotAWholeNumberWhereTheFormAllowsNoDecimals() {
        assertThat(conceptNoteProblems(conceptNote(PARTICIPANTS_TARGET, 25.5)))
                .containsExactly("'Participants envisaged' must be a whole number, not 25.5");
        assertThat(proposalProblems(proposal(NUMBER_OF_DAYS, 2.5))).singleElement().asString().contains("whole number");
        assertThat(proposalProblems(proposal(NUMBER_OF_DAYS, "two"))).singleElement().asString()
                .contains("'Number of days' must be a number, not 'two'");
        assertThat(proposalProblems(proposal(NUMBER_OF_DAYS, Double.NaN))).singleElement().asString().contains("must be a number");
    }

    @Test
    void shouldRefuseAChecklistThatIsNotAListOrNamesAValueTwice() {
        assertThat(conceptNoteProblems(conceptNote(PARTICIPANT_CATEGORIES, "GOV")))
                .containsExactly("'Categories to invite' must be a list of choices, not 'GOV'");
        assertThat(conceptNoteProblems(conceptNote(PARTICIPANT_CATEGORIES, List.of("GOV", "IO", "GOV"))))
                .containsExactly("'Categories to invite' lists 'GOV' twice");
    }

    @Test
    void shouldRefuseADateThatDoesNotExistOrHasPassed() {
        assertThat(proposalProblems(proposal(FIRST_DAY, "2027-02-30"))).singleElement().asString()
                .isEqualTo("'First day' must be a date that exists, as YYYY-MM-DD (got '2027-02-30')");
        assertThat(proposalProblems(proposal(FIRST_DAY, "2027-02-28")))
                .containsExactly("'First day' must not be in the past (got 2027-02-28)");
        assertThat(proposalProblems(proposal(FIRST_DAY, TODAY.toString()))).as("today is not past").isEmpty();
        assertThat(FormSubmissionValidator.violations(proposeMeeting, proposal(FIRST_DAY, "2020-03-02")::get, null))
                .as("no day given: not checked (the app's own starts)").isEmpty();
    }

    @Test
    void shouldRefuseATextThatBreaksThePatternOrHoldsAControlCharacter() {
        assertThat(proposalProblems(proposal(MEETING_CODE, "EM 2027"))).singleElement().asString()
                .startsWith("'Meeting code' must match the pattern");
        assertThat(proposalProblems(proposal(MEETING_TITLE, "Expert \u0000 meeting")))
                .containsExactly("'Meeting title' holds a control character (such as NUL) that cannot be stored");
        assertThat(proposalProblems(proposal(MEETING_TITLE, "Expert\tmeeting\r\non two lines"))).isEmpty();
    }

    @Test
    void shouldRefuseAChoiceTheFormDoesNotOfferAndAMissingRequiredValue() {
        assertThat(proposalProblems(proposal(MEETING_TIME_ZONE, "Mars/Olympus_Mons"))).singleElement().asString()
                .startsWith("'Venue time zone' must be one of [Asia/Amman");
        assertThat(proposalProblems(proposal(MEETING_TITLE, " "))).containsExactly("'Meeting title' is required");
    }

    @Test
    void shouldLetTheBusinessKeyStandInForTheFieldThatTheFormMarks() {
        assertThat(proposeMeeting.fields()).filteredOn(FormSchema.Field::businessKey)
                .extracting(FormSchema.Field::key).containsExactly(MEETING_CODE);
        FormSchema withoutCode = proposeMeeting.without(FormSchema.Field::businessKey);
        Map<String, Object> values = proposal();
        values.remove(MEETING_CODE);

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
