package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agenda's rules, checked by the service whoever calls it; a refused change stores nothing. */
@ConveneIntegrationTest
class AgendasTests {

    @Autowired Meetings meetings;
    @Autowired Agendas agendas;

    String code;
    int sessions;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("AS");
        meetings.register(new Meeting(code, "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
        sessions = agendas.sessions(code).size();
    }

    @Test
    void shouldAddAWorkingGroupSessionOnItsGroupsDay() {
        long id = agendas.addSession(code, new Agendas.NewSession("2", "16:00", "17:00", "WORKING_GROUP", "  WG3 continued ", "WG3"));

        assertThat(agendas.sessions(code)).filteredOn(s -> s.id() == id).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("WG3 continued"))
                .satisfies(s -> assertThat(s.workingGroupCode()).isEqualTo("WG3"));
    }

    @Test
    void shouldRefuseTimesThatAreNotHhMmOrEndBeforeTheyStart() {
        assertRefused(new Agendas.NewSession("1", "25:00", "", "PLENARY", "Keynote", ""),
                Map.of("startsAt", "'25:00' is not a time: give the start time as HH:MM, e.g. 09:30.",
                        "endsAt", "Give the end time as HH:MM, e.g. 09:30."));
        assertRefused(new Agendas.NewSession("1", "9:30", "10:00", "PLENARY", "Keynote", ""),
                Map.of("startsAt", "'9:30' is not a time: give the start time as HH:MM, e.g. 09:30."));
        assertRefused(new Agendas.NewSession("1", "10:00", "10:00", "PLENARY", "Keynote", ""),
                Map.of("endsAt", "The session must end after it starts (10:00)."));
    }

    @Test
    void shouldRefuseADayOutsideTheMeetingAndAnUnknownKind() {
        assertRefused(new Agendas.NewSession("3", "09:00", "10:00", "WORKSHOP", "Keynote", ""),
                Map.of("day", "Choose a day of the meeting: 1 to 2.",
                        "kind", "Choose the kind of session: plenary, working group, break or reception."));
        assertRefused(new Agendas.NewSession("first", "09:00", "10:00", "PLENARY", "Keynote", ""),
                Map.of("day", "Choose a day of the meeting: 1 to 2."));
    }

    @Test
    void shouldRefuseAMissingOrOverlongTitle() {
        assertRefused(new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "   ", ""),
                Map.of("title", "Give the session a title."));
        assertRefused(new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "x".repeat(301), ""),
                Map.of("title", "The title is 301 characters long; at most 300 fit."));
    }

    @Test
    void shouldRefuseAWorkingGroupSessionWithoutAnExistingGroupOfThatDay() {
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", ""),
                Map.of("workingGroupCode", "A working-group session names one of this meeting's working groups."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", "WG9"),
                Map.of("workingGroupCode", "A working-group session names one of this meeting's working groups."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", "WG3"),
                Map.of("workingGroupCode", "Working group WG3 meets on day 2; put its session on that day."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "BREAK", "Tea", "WG1"),
                Map.of("workingGroupCode", "Only a working-group session names a working group; leave it empty for a break."));
    }

    @Test
    void shouldRefuseToRemoveASessionOfAnotherMeeting() {
        String other = TestMeetings.newCode("AS");
        meetings.register(new Meeting(other, "Other meeting", "Geneva", ZoneId.of("Europe/Zurich"),
                LocalDate.of(2027, 3, 1), 1), null, "lena");
        long foreign = agendas.sessions(other).get(0).id();

        assertThatThrownBy(() -> agendas.removeSession(code, foreign)).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("That session is no longer on the agenda.");
        assertThat(agendas.sessions(other)).extracting(Agendas.Session::id).contains(foreign);
    }

    @Test
    void shouldTakeAChairAccountOnlyFromTheReviewers() {
        for (String notAReviewer : new String[] {"lena", "grace", "nobody"}) {
            assertThatThrownBy(() -> agendas.changeWorkingGroup(code, "WG2",
                    new Agendas.WorkingGroupRoles("Chair", notAReviewer, "Rapporteur")))
                    .isInstanceOf(ChangeRefused.class)
                    .hasMessageContaining("No reviewer has the account '" + notAReviewer + "'");
        }
        agendas.changeWorkingGroup(code, "WG2", new Agendas.WorkingGroupRoles(" ", "kenji", "J. Lindqvist"));
        assertThat(group("WG2")).isEqualTo(new Agendas.WorkingGroup("WG2", group("WG2").title(), 1, "Kenji Sato", "kenji",
                "J. Lindqvist", group("WG2").questions()));

        agendas.changeWorkingGroup(code, "WG2", new Agendas.WorkingGroupRoles("Prof. K. Mensah", "", ""));
        assertThat(group("WG2").chairName()).isEqualTo("Prof. K. Mensah");
        assertThat(group("WG2").chairUserId()).isNull();
        assertThat(group("WG2").rapporteurName()).isNull();
        assertThat(group("WG2").questions()).hasSize(5);
    }

    @Test
    void shouldRefuseAnUnknownWorkingGroupOrMeeting() {
        assertThatThrownBy(() -> agendas.changeWorkingGroup(code, "WG7", new Agendas.WorkingGroupRoles("A", "", "B")))
                .hasMessageContaining("This meeting has no working group WG7.");
        assertThatThrownBy(() -> agendas.addSession("NO-SUCH", new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "x", "")))
                .isInstanceOf(MeetingNotFoundException.class);
    }

    private void assertRefused(Agendas.NewSession session, Map<String, String> errors) {
        assertThatThrownBy(() -> agendas.addSession(code, session)).isInstanceOfSatisfying(ChangeRefused.class,
                refused -> assertThat(refused.fieldErrors()).containsExactlyInAnyOrderEntriesOf(errors));
        assertThat(agendas.sessions(code)).hasSize(sessions);
    }

    private Agendas.WorkingGroup group(String code) {
        return agendas.workingGroups(this.code).stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    }
}
