package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.Test;

/** What a start of ExpertMeetingProcess must give to register a meeting, checked without the engine. */
class MeetingProposalTests {

    static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

    static Map<String, Object> proposal() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.MEETING_TITLE, " Expert meeting ");
        variables.put(ProcessVariables.MEETING_PLACE, "Amman, Jordan");
        variables.put(ExpertMeetingProcess.MEETING_TIME_ZONE, "Asia/Amman");
        variables.put(ExpertMeetingProcess.FIRST_DAY, "2027-02-08");
        variables.put(ExpertMeetingProcess.NUMBER_OF_DAYS, 2);
        return variables;
    }

    @Test
    void shouldReadTheMeetingWithItsCodeAsBusinessKeyOrFromTheForm() {
        assertThat(MeetingProposal.read("EM-2027-AMMAN", proposal()::get, true, NOW)).isEqualTo(new Meeting(
                "EM-2027-AMMAN", "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2));
        Map<String, Object> fromTheForm = proposal();
        fromTheForm.put(ProcessVariables.MEETING_CODE, " em-2027-amman ");
        assertThat(MeetingProposal.read(null, fromTheForm::get, true, NOW).code()).isEqualTo("EM-2027-AMMAN");
    }

    @Test
    void shouldTakeTheDefaultsForTimeZoneAndDays() {
        Map<String, Object> variables = proposal();
        variables.remove(ExpertMeetingProcess.MEETING_TIME_ZONE);
        variables.remove(ExpertMeetingProcess.NUMBER_OF_DAYS);
        Meeting meeting = MeetingProposal.read("EM-1", variables::get, true, NOW);
        assertThat(meeting.timeZone()).isEqualTo(ZoneId.of("Asia/Amman"));
        assertThat(meeting.numberOfDays()).isEqualTo(2);
    }

    @Test
    void shouldRefuseABadCodeOrACodeThatDiffersFromTheBusinessKey() {
        assertThatThrownBy(() -> MeetingProposal.read("em 2027", proposal()::get, true, NOW))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("got 'em 2027'");
        Map<String, Object> other = proposal();
        other.put(ProcessVariables.MEETING_CODE, "EM-OTHER");
        assertThatThrownBy(() -> MeetingProposal.read("EM-2027-AMMAN", other::get, true, NOW))
                .hasMessageContaining("differs from the business key");
    }

    @Test
    void shouldRefuseAMissingTitleAZoneThatIsNoneAndDaysOutOfRange() {
        Map<String, Object> noTitle = proposal();
        noTitle.put(ProcessVariables.MEETING_TITLE, " ");
        assertThatThrownBy(() -> MeetingProposal.read("EM-1", noTitle::get, true, NOW))
                .hasMessage("'" + ProcessVariables.MEETING_TITLE + "' is required to start a meeting.");
        Map<String, Object> noZone = proposal();
        noZone.put(ExpertMeetingProcess.MEETING_TIME_ZONE, "Mars/Olympus");
        assertThatThrownBy(() -> MeetingProposal.read("EM-1", noZone::get, true, NOW)).hasMessageContaining("not a time zone");
        Map<String, Object> sixDays = proposal();
        sixDays.put(ExpertMeetingProcess.NUMBER_OF_DAYS, 6);
        assertThatThrownBy(() -> MeetingProposal.read("EM-1", sixDays::get, true, NOW))
                .hasMessageContaining("a whole number from 1 to 5 (got 6)");
    }

    @Test
    void shouldTakeTheFirstDayOnlyAsADayThatExistsAndIsNotPastForAPerson() {
        Map<String, Object> noSuchDay = proposal();
        noSuchDay.put(ExpertMeetingProcess.FIRST_DAY, "2027-02-30");
        assertThatThrownBy(() -> MeetingProposal.read("EM-1", noSuchDay::get, true, NOW))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("a date that exists");
        Map<String, Object> past = proposal();
        past.put(ExpertMeetingProcess.FIRST_DAY, "2027-01-09");
        assertThatThrownBy(() -> MeetingProposal.read("EM-1", past::get, true, NOW))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("is in the past");
        assertThat(MeetingProposal.read("EM-1", past::get, false, NOW).firstDay()).as("the seed's meeting already held")
                .isEqualTo(LocalDate.of(2027, 1, 9));
    }
}
