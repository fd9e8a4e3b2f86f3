package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The agenda page: staff change it, managers and reviewers read it, every change is checked. */
@ConveneIntegrationTest
class AgendaPagesTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;

    String code;
    String agenda;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("AG");
        agenda = "/meetings/" + code + "/agenda";
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldShowTheAgendaByDayWithItsWorkingGroupsAndTheFormsToStaff() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "lena").get(agenda);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Day 1 — Monday 8 February 2027", "Day 2 — Tuesday 9 February 2027")
                .contains("09:00–09:15", "Welcome", "Working group", "Reception")
                .contains("Cooperative arrangements to address mass influx situations", "What worked well?")
                .contains("Add a session", "Add session", "Save WG1", ">Remove<")
                .contains("<input type=\"hidden\" name=\"_csrf\"");
    }

    @Test
    void shouldAddASessionAndShowItAfterTheRedirect() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);

        HttpResponse<String> added = lena.post(agenda + "/sessions", session("2", "17:00", "17:30", "PLENARY", "Closing remarks", ""));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location")).get().asString().endsWith(agenda + "#day-2");
        assertThat(lena.follow(added).body()).contains("Session added: Closing remarks.", "17:00–17:30");
        assertThat(agendas.sessions(code)).filteredOn(s -> s.title().equals("Closing remarks")).singleElement()
                .satisfies(s -> {
                    assertThat(s.day()).isEqualTo(2);
                    assertThat(s.startsAt()).isEqualTo(LocalTime.of(17, 0));
                    assertThat(s.kind()).isEqualTo("PLENARY");
                });
    }

    @Test
    void shouldRefuseABadTimeWithAMessageAndStoreNothing() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);
        int before = agendas.sessions(code).size();

        HttpResponse<String> refused = lena.post(agenda + "/sessions", session("1", "9h30", "10:00", "PLENARY", "Keynote", ""));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "&#39;9h30&#39; is not a time: give the start time as HH:MM")
                .contains("value=\"Keynote\"");
        assertThat(agendas.sessions(code)).hasSize(before).noneMatch(s -> s.title().equals("Keynote"));
    }

    @Test
    void shouldShowHtmlInATitleAsText() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);

        lena.follow(lena.post(agenda + "/sessions",
                session("1", "18:00", "18:30", "RECEPTION", "<script>alert('x')</script> & <b>drinks</b>", "")));
        HttpResponse<String> page = lena.get(agenda);

        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;drinks&lt;/b&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>drinks");
    }

    @Test
    void shouldRemoveASession() {
        BrowserSession omar = BrowserSession.signedIn(port, "omar");
        omar.get(agenda);
        Agendas.Session welcome = agendas.sessions(code).get(0);

        HttpResponse<String> page = omar.follow(omar.post(agenda + "/sessions/" + welcome.id() + "/remove", Map.of()));

        assertThat(page.body()).contains("Session removed: 09:00–09:15 Welcome.");
        assertThat(agendas.sessions(code)).extracting(Agendas.Session::id).doesNotContain(welcome.id());
    }

    @Test
    void shouldNameAWorkingGroupsChairAndRefuseAnAccountOutsideTheReviewers() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);

        HttpResponse<String> refused = lena.post(agenda + "/working-groups/WG1",
                Map.of("chairName", "Lena as chair", "chairUserId", "lena", "rapporteurName", "M. Ortega"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("No reviewer has the account &#39;lena&#39;", "value=\"Lena as chair\"");
        assertThat(chairOf("WG1").chairUserId()).isNull();

        HttpResponse<String> saved = lena.follow(lena.post(agenda + "/working-groups/WG1",
                Map.of("chairName", "", "chairUserId", "sofia", "rapporteurName", "M. Ortega")));
        assertThat(saved.body()).contains("Working group WG1 saved.", "Sofia Ortega", "validates in Tasklist as sofia");
        assertThat(chairOf("WG1")).satisfies(g -> {
            assertThat(g.chairName()).isEqualTo("Sofia Ortega");
            assertThat(g.chairUserId()).isEqualTo("sofia");
            assertThat(g.rapporteurName()).isEqualTo("M. Ortega");
        });
    }

    @Test
    void shouldLetAManagerReadTheAgendaButNotChangeIt() {
        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        HttpResponse<String> page = grace.get(agenda);
        int before = agendas.sessions(code).size();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Welcome", "Cockpit").doesNotContain("Add a session", "Save WG1", ">Remove<");

        HttpResponse<String> refused = grace.post(agenda + "/sessions", session("1", "08:00", "08:30", "PLENARY", "Breakfast", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("only convener staff can change them");
        assertThat(grace.post(agenda + "/sessions/" + agendas.sessions(code).get(0).id() + "/remove", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(agendas.sessions(code)).hasSize(before);
    }

    @Test
    void shouldRefuseAFormWithoutTheSessionsCsrfToken() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);
        int before = agendas.sessions(code).size();
        Map<String, String> forged = new java.util.HashMap<>(session("1", "08:00", "08:30", "PLENARY", "Forged", ""));
        forged.put("_csrf", "not-the-token");

        HttpResponse<String> refused = lena.post(agenda + "/sessions", forged);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The form had expired or came from another page.");
        assertThat(agendas.sessions(code)).hasSize(before);
    }

    @Test
    void shouldLetAReviewerReadTheAgendaWithoutForms() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "kenji").get(agenda);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Welcome", "Kenji Sato").doesNotContain("Add a session", "Cockpit");
    }

    @Test
    void shouldEditASessionOnThePageKeepingItsPlace() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);
        Agendas.Session lunch = agendas.sessions(code).stream().filter(s -> s.title().equals("Lunch")).findFirst().orElseThrow();

        HttpResponse<String> saved = lena.post(agenda + "/sessions/" + lunch.id(),
                Map.of("day", "1", "startsAt", "12:30", "endsAt", "13:45", "kind", "BREAK", "title", "Working lunch",
                        "room", "Terrace", "workingGroupCode", ""));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).get().asString().endsWith(agenda + "#session-" + lunch.id());
        assertThat(lena.follow(saved).body()).contains("Session saved: Working lunch.", "12:30–13:45", "Terrace");
        assertThat(agendas.sessions(code)).filteredOn(s -> s.id() == lunch.id()).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Working lunch"))
                .satisfies(s -> assertThat(s.endsAt()).isEqualTo(LocalTime.of(13, 45)));
    }

    @Test
    void shouldRefuseAnEditIntoAnOccupiedRoomWithTheFormOpenAndStoreNothing() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(agenda);
        Agendas.Session wg2 = agendas.sessions(code).stream().filter(s -> "WG2".equals(s.workingGroupCode())).findFirst()
                .orElseThrow();

        HttpResponse<String> refused = lena.post(agenda + "/sessions/" + wg2.id(),
                Map.of("day", "1", "startsAt", "15:00", "endsAt", "14:30", "kind", "WORKING_GROUP", "title", wg2.title(),
                        "room", "Meeting room A", "workingGroupCode", "WG2"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "The session must end after it starts (15:00).",
                "<details open=\"open\">", "value=\"14:30\"");

        HttpResponse<String> clash = lena.post(agenda + "/sessions/" + wg2.id(),
                Map.of("day", "1", "startsAt", "15:00", "endsAt", "16:30", "kind", "WORKING_GROUP", "title", wg2.title(),
                        "room", "Meeting room A", "workingGroupCode", "WG2"));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("Meeting room A is taken on day 1 from 14:00 to 16:00 by “Working Group 1");
        assertThat(agendas.sessions(code)).filteredOn(s -> s.id() == wg2.id()).singleElement().isEqualTo(wg2);

        HttpResponse<String> gone = lena.post(agenda + "/sessions/987654321", session("1", "08:00", "08:30", "PLENARY", "x", ""));
        assertThat(gone.statusCode()).isEqualTo(422);
    }

    @Test
    void shouldChangeAWorkingGroupsThemeAndQuestionsAndWarnWhileARapporteurIsMissing() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        assertThat(lena.get(agenda).body()).contains("Not ready to submit:",
                "working groups WG1, WG2, WG3, WG4 have no rapporteur.");

        HttpResponse<String> refused = lena.post(agenda + "/working-groups/WG1", Map.of("title", "", "chairName", "",
                "chairUserId", "", "rapporteurName", "Amira Haddad", "questions", "\n  \n"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the working group a theme.",
                "Give the working group at least one question to discuss.", "value=\"Amira Haddad\"");
        assertThat(chairOf("WG1").rapporteurName()).isNull();

        HttpResponse<String> saved = lena.follow(lena.post(agenda + "/working-groups/WG1", Map.of(
                "title", "Mass influx — who does what", "chairName", "Dr. Zoë Ångström", "chairUserId", "",
                "rapporteurName", "Amira Haddad", "questions", "Which arrangements worked?\r\n\r\nWhat failed?\r\n")));
        assertThat(saved.body()).contains("Working group WG1 saved.", "Mass influx — who does what", "Dr. Zoë Ångström",
                "<li>Which arrangements worked?</li>", "working groups WG2, WG3, WG4 have no rapporteur.");
        assertThat(chairOf("WG1").questions()).containsExactly("Which arrangements worked?", "What failed?");
        for (String group : new String[] {"WG2", "WG3", "WG4"}) {
            agendas.assignWorkingGroup(code, group, null, null, "Rapporteur " + group);
        }
        assertThat(lena.get(agenda).body()).doesNotContain("Not ready to submit");
    }

    @Test
    void shouldLinkTheAgendasFilesForStaffAndManagersOnly() {
        assertThat(BrowserSession.signedIn(port, "lena").get(agenda).body()).contains(agenda + ".ics");
        assertThat(BrowserSession.signedIn(port, "grace").get(agenda).body()).contains(agenda + ".ics");
        assertThat(BrowserSession.signedIn(port, "kenji").get(agenda).body()).doesNotContain(agenda + ".ics");
    }

    private Agendas.WorkingGroup chairOf(String group) {
        return agendas.workingGroups(code).stream().filter(g -> g.code().equals(group)).findFirst().orElseThrow();
    }

    static Map<String, String> session(String day, String start, String end, String kind, String title, String group) {
        return Map.of("day", day, "startsAt", start, "endsAt", end, "kind", kind, "title", title, "room", "Plenary hall",
                "workingGroupCode", group);
    }
}
