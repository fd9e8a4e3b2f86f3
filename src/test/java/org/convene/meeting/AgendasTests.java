package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
        long id = agendas.addSession(code, new Agendas.NewSession("2", "16:00", "17:00", "WORKING_GROUP", "  WG3 continued ", "Meeting room A", "WG3"));

        assertThat(agendas.sessions(code)).filteredOn(s -> s.id() == id).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("WG3 continued"))
                .satisfies(s -> assertThat(s.workingGroupCode()).isEqualTo("WG3"));
    }

    @Test
    void shouldRefuseTimesThatAreNotHhMmOrEndBeforeTheyStart() {
        assertRefused(new Agendas.NewSession("1", "25:00", "", "PLENARY", "Keynote", "Plenary hall", ""),
                Map.of("startsAt", "'25:00' is not a time: give the start time as HH:MM, e.g. 09:30.",
                        "endsAt", "Give the end time as HH:MM, e.g. 09:30."));
        assertRefused(new Agendas.NewSession("1", "9:30", "10:00", "PLENARY", "Keynote", "Plenary hall", ""),
                Map.of("startsAt", "'9:30' is not a time: give the start time as HH:MM, e.g. 09:30."));
        assertRefused(new Agendas.NewSession("1", "10:00", "10:00", "PLENARY", "Keynote", "Plenary hall", ""),
                Map.of("endsAt", "The session must end after it starts (10:00)."));
    }

    @Test
    void shouldRefuseADayOutsideTheMeetingAndAnUnknownKind() {
        assertRefused(new Agendas.NewSession("3", "09:00", "10:00", "WORKSHOP", "Keynote", "Plenary hall", ""),
                Map.of("day", "Day 3 is outside the meeting, which has 2 days: choose 1 to 2.",
                        "kind", "Choose the kind of session: plenary, working group, break or reception."));
        assertRefused(new Agendas.NewSession("first", "09:00", "10:00", "PLENARY", "Keynote", "Plenary hall", ""),
                Map.of("day", "Choose a day of the meeting: 1 to 2."));
    }

    @Test
    void shouldRefuseAMissingOrOverlongTitle() {
        assertRefused(new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "   ", "Plenary hall", ""),
                Map.of("title", "Give the session a title."));
        assertRefused(new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "x".repeat(301), "Plenary hall", ""),
                Map.of("title", "The title is 301 characters long; at most 300 fit."));
    }

    @Test
    void shouldRefuseAWorkingGroupSessionWithoutAnExistingGroupOfThatDay() {
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", "Plenary hall", ""),
                Map.of("workingGroupCode", "A working-group session names one of this meeting's working groups."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", "Plenary hall", "WG9"),
                Map.of("workingGroupCode", "A working-group session names one of this meeting's working groups."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "WORKING_GROUP", "Group", "Plenary hall", "WG3"),
                Map.of("workingGroupCode", "Working group WG3 meets on day 2; put its session on that day."));
        assertRefused(new Agendas.NewSession("1", "14:00", "16:00", "BREAK", "Tea", "Plenary hall", "WG1"),
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
                    new Agendas.WorkingGroupChange(null, "Chair", notAReviewer, "Rapporteur", null)))
                    .isInstanceOf(ChangeRefused.class)
                    .hasMessageContaining("No reviewer has the account '" + notAReviewer + "'");
        }
        agendas.changeWorkingGroup(code, "WG2", new Agendas.WorkingGroupChange(null, " ", "kenji", "J. Lindqvist", null));
        assertThat(group("WG2")).isEqualTo(new Agendas.WorkingGroup("WG2", group("WG2").title(), 1, "Kenji Sato", "kenji",
                "J. Lindqvist", group("WG2").questions()));

        agendas.changeWorkingGroup(code, "WG2", new Agendas.WorkingGroupChange(null, "Prof. K. Mensah", "", "", null));
        assertThat(group("WG2").chairName()).isEqualTo("Prof. K. Mensah");
        assertThat(group("WG2").chairUserId()).isNull();
        assertThat(group("WG2").rapporteurName()).isNull();
        assertThat(group("WG2").questions()).hasSize(5);
    }

    @Test
    void shouldRefuseAnUnknownWorkingGroupOrMeeting() {
        assertThatThrownBy(() -> agendas.changeWorkingGroup(code, "WG7", new Agendas.WorkingGroupChange(null, "A", "", "B", null)))
                .hasMessageContaining("This meeting has no working group WG7.");
        assertThatThrownBy(() -> agendas.addSession("NO-SUCH", new Agendas.NewSession("1", "09:00", "10:00", "PLENARY", "x", "Plenary hall", "")))
                .isInstanceOf(MeetingNotFoundException.class);
    }

    @Test
    void shouldEditASessionInFullKeepingItsId() {
        Agendas.Session welcome = agendas.sessions(code).get(0);

        agendas.changeSession(code, welcome.id(), new Agendas.NewSession("2", "17:00", "17:45", "RECEPTION",
                "Farewell drinks", "Terrace", ""));

        assertThat(agendas.sessions(code)).filteredOn(s -> s.id() == welcome.id()).singleElement()
                .isEqualTo(new Agendas.Session(welcome.id(), 2, LocalTime.of(17, 0), LocalTime.of(17, 45), "RECEPTION",
                        "Farewell drinks", "Terrace", null));
        assertThat(agendas.sessions(code)).hasSize(sessions);
    }

    @Test
    void shouldRefuseAnEditThatEndsBeforeItStartsAndKeepTheSessionAsItWas() {
        Agendas.Session welcome = agendas.sessions(code).get(0);

        assertThatThrownBy(() -> agendas.changeSession(code, welcome.id(), new Agendas.NewSession("1", "09:15", "09:00",
                "PLENARY", "Welcome", "Plenary hall", ""))).isInstanceOfSatisfying(ChangeRefused.class, refused ->
                assertThat(refused.fieldErrors()).containsExactly(Map.entry("endsAt", "The session must end after it starts (09:15).")));
        assertThat(agendas.sessions(code).get(0)).isEqualTo(welcome);
    }

    @Test
    void shouldRefuseTwoSessionsAtOneTimeInOneRoomWhateverTheirKinds() {
        // a break in the plenary hall while "Common challenges" runs there (09:35–10:35)
        assertRefused(new Agendas.NewSession("1", "10:00", "10:30", "BREAK", "Coffee", " plenary  HALL ", ""),
                Map.of("room", "Plenary hall is taken on day 1 from 09:35 to 10:35 by “Common challenges requiring "
                        + "better international cooperation to share burden and responsibilities”: choose another "
                        + "room or time."));
        // WG2 moved into WG1's room at the same time
        Agendas.Session wg2 = agendas.sessions(code).stream().filter(s -> "WG2".equals(s.workingGroupCode())).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> agendas.changeSession(code, wg2.id(), new Agendas.NewSession("1", "14:00", "16:00",
                "WORKING_GROUP", wg2.title(), "Meeting room A", "WG2")))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("room").extractingByKey("room").asString()
                        .startsWith("Meeting room A is taken on day 1 from 14:00 to 16:00 by “Working Group 1"));
    }

    @Test
    void shouldTakeParallelSessionsInOtherRoomsAndSessionsThatOnlyTouch() {
        agendas.addSession(code, new Agendas.NewSession("1", "10:00", "10:30", "BREAK", "Tea for the interpreters",
                "Foyer B", ""));
        agendas.addSession(code, new Agendas.NewSession("1", "14:00", "16:00", "PLENARY", "Side event", "Meeting room C", ""));
        agendas.addSession(code, new Agendas.NewSession("1", "08:30", "09:00", "PLENARY", "Registration", "Plenary hall", ""));

        assertThat(agendas.sessions(code)).hasSize(sessions + 3);
    }

    @Test
    void shouldChangeAWorkingGroupsThemeAndQuestions() {
        agendas.changeWorkingGroup(code, "WG1", new Agendas.WorkingGroupChange("  Mass influx: who does what ",
                "Dr. Zoë Ångström", "", "Amira Haddad", List.of("Which arrangements worked?", "  ", " What failed? ")));

        assertThat(group("WG1")).isEqualTo(new Agendas.WorkingGroup("WG1", "Mass influx: who does what", 1,
                "Dr. Zoë Ångström", null, "Amira Haddad", List.of("Which arrangements worked?", "What failed?")));
        assertThatThrownBy(() -> agendas.changeWorkingGroup(code, "WG1", new Agendas.WorkingGroupChange(" ", "C", "", "R",
                List.of(" ")))).isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                .containsExactly(Map.entry("title", "Give the working group a theme."),
                        Map.entry("questions", "Give the working group at least one question to discuss.")));
        assertThat(group("WG1").questions()).containsExactly("Which arrangements worked?", "What failed?");
    }

    @Test
    void shouldNameTheWorkingGroupsWithoutARapporteur() {
        assertThat(agendas.missingRapporteurs(code)).containsExactly("WG1", "WG2", "WG3", "WG4");
        assertThatThrownBy(() -> agendas.requireRapporteurs(code)).isInstanceOfSatisfying(ChangeRefused.class, refused ->
                assertThat(refused.fieldErrors()).containsExactly(Map.entry("workingGroups",
                        "working groups WG1, WG2, WG3, WG4 have no rapporteur")));

        for (String group : List.of("WG1", "WG2", "WG4")) {
            agendas.assignWorkingGroup(code, group, null, null, "Rapporteur of " + group);
        }
        assertThatThrownBy(() -> agendas.requireRapporteurs(code)).hasMessage("workingGroups: working group WG3 has no rapporteur");
        agendas.assignWorkingGroup(code, "WG3", null, null, "Rapporteur of WG3");
        agendas.requireRapporteurs(code);
    }

    @Test
    void shouldReplaceTheWholeAgendaKeepingTheIdsOfTheSessionsSentWithThem() {
        List<Agendas.Session> before = agendas.sessions(code);
        Agendas.Session kept = before.get(0);
        List<Agendas.SessionChange> sent = List.of(
                new Agendas.SessionChange(kept.id(), new Agendas.NewSession("1", "09:00", "09:30", "PLENARY", "Welcome and "
                        + "introductions", "Plenary hall", null)),
                new Agendas.SessionChange(null, new Agendas.NewSession("1", "09:30", "11:00", "WORKING_GROUP", "WG1",
                        "Room 1", "WG1")),
                new Agendas.SessionChange(null, new Agendas.NewSession("1", "09:30", "11:00", "WORKING_GROUP", "WG2",
                        "Room 2", "WG2")));

        agendas.replace(code, new Agendas.AgendaChange(sent, unchangedGroups()));

        assertThat(agendas.sessions(code)).extracting(Agendas.Session::title, Agendas.Session::room)
                .containsExactly(tuple("Welcome and introductions", "Plenary hall"), tuple("WG1", "Room 1"),
                        tuple("WG2", "Room 2"));
        assertThat(agendas.sessions(code).get(0).id()).isEqualTo(kept.id());
    }

    @Test
    void shouldRefuseAWholeAgendaWithAnyFaultAndStoreNoneOfIt() {
        List<Agendas.Session> before = agendas.sessions(code);
        List<Agendas.WorkingGroup> groupsBefore = agendas.workingGroups(code);
        List<Agendas.SessionChange> sent = List.of(
                new Agendas.SessionChange(before.get(0).id(), new Agendas.NewSession("1", "09:00", "10:00", "PLENARY",
                        "Opening", "Plenary hall", null)),
                new Agendas.SessionChange(null, new Agendas.NewSession("1", "09:30", "10:30", "BREAK", "Coffee",
                        "Plenary Hall", null)),
                new Agendas.SessionChange(null, new Agendas.NewSession("0", "11:00", "12:00", "PLENARY", "Day zero",
                        "Plenary hall", null)),
                new Agendas.SessionChange(987654321L, new Agendas.NewSession("2", "11:00", "10:00", "PLENARY", "Backwards",
                        "Plenary hall", null)));
        List<Agendas.GroupChange> groups = new java.util.ArrayList<>(unchangedGroups());
        groups.set(0, new Agendas.GroupChange("WG1", new Agendas.WorkingGroupChange("New theme", "Chair", "", "", List.of())));
        groups.remove(3);

        assertThatThrownBy(() -> agendas.replace(code, new Agendas.AgendaChange(sent, groups)))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("sessions[1].room", "sessions[2].day", "sessions[3].id", "sessions[3].endsAt",
                                "workingGroups[0].questions", "workingGroups")
                        .containsEntry("sessions[1].room", "Plenary hall is taken on day 1 from 09:00 to 10:00 by "
                                + "“Opening”: choose another room or time. (sessions[0])")
                        .containsEntry("sessions[2].day", "Day 0 is outside the meeting, which has 2 days: choose 1 to 2.")
                        .containsEntry("sessions[3].id", "This meeting's agenda has no session 987654321 (any more); leave "
                                + "the id out for a new session.")
                        .containsEntry("workingGroups", "Send every working group of the meeting: WG4 is missing. Adding "
                                + "or removing a working group is not offered."));

        assertThat(agendas.sessions(code)).isEqualTo(before);
        assertThat(agendas.workingGroups(code)).isEqualTo(groupsBefore);
    }

    private List<Agendas.GroupChange> unchangedGroups() {
        return agendas.workingGroups(code).stream().map(g -> new Agendas.GroupChange(g.code(), new Agendas.WorkingGroupChange(
                g.title(), g.chairName(), g.chairUserId(), g.rapporteurName(), g.questions()))).toList();
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
