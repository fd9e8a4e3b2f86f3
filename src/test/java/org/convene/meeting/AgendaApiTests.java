package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/meetings/{code}/agenda} through HTTP Basic: the agenda as JSON for those who read it,
 * the whole agenda replaced at once by staff, and a 4xx naming what is wrong for every caller or
 * body it refuses, with nothing stored.
 */
@ConveneIntegrationTest
class AgendaApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate rest;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;

    RestClients api;
    String code;
    String path;

    @BeforeEach
    void registerMeeting() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("AA");
        path = "/api/meetings/" + code + "/agenda";
        meetings.register(new Meeting(code, "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveTheAgendaWithItsSessionsRoomsAndWorkingGroups() {
        ResponseEntity<Map<String, Object>> answer = api.as("kenji").exchange(path, HttpMethod.GET, null, JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = answer.getBody();
        assertThat(body).containsEntry("meetingCode", code).containsEntry("timeZone", "Asia/Amman")
                .containsEntry("days", List.of(Map.of("day", 1, "date", "2027-02-08"), Map.of("day", 2, "date", "2027-02-09")))
                .containsEntry("missingRapporteurs", List.of("WG1", "WG2", "WG3", "WG4"));
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) body.get("sessions");
        assertThat(sessions).hasSize(agendas.sessions(code).size());
        assertThat(sessions.get(0)).containsEntry("day", 1).containsEntry("startsAt", "09:00").containsEntry("endsAt", "09:15")
                .containsEntry("kind", "PLENARY").containsEntry("title", "Welcome").containsEntry("room", "Plenary hall")
                .containsEntry("workingGroup", null);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) body.get("workingGroups");
        assertThat(groups).extracting(g -> g.get("code")).containsExactly("WG1", "WG2", "WG3", "WG4");
        assertThat((List<String>) groups.get(0).get("questions")).hasSize(5).contains("What worked well?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReplaceTheWholeAgendaForStaff() {
        Map<String, Object> agenda = api.as("lena").exchange(path, HttpMethod.GET, null, JSON).getBody();
        List<Map<String, Object>> sessions = new ArrayList<>((List<Map<String, Object>>) agenda.get("sessions"));
        Map<String, Object> welcome = new LinkedHashMap<>(sessions.get(0));
        welcome.put("endsAt", "09:10");
        welcome.put("title", "Bienvenue — Dr. Zoë Ångström");
        sessions.set(0, welcome);
        sessions.remove(1); // the opening address
        sessions.add(Map.of("day", 2, "startsAt", "17:00", "endsAt", "17:30", "kind", "RECEPTION", "title", "Farewell",
                "room", "Terrace"));
        List<Map<String, Object>> groups = new ArrayList<>((List<Map<String, Object>>) agenda.get("workingGroups"));
        Map<String, Object> wg1 = new LinkedHashMap<>(groups.get(0));
        wg1.put("rapporteurName", "Amira Haddad");
        wg1.put("chairUserId", "ravi");
        wg1.put("questions", List.of("Which arrangements worked?", "Why?"));
        groups.set(0, wg1);

        ResponseEntity<Map<String, Object>> answer = put("lena", Map.of("sessions", sessions, "workingGroups", groups));

        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("missingRapporteurs", List.of("WG2", "WG3", "WG4"));
        List<Agendas.Session> stored = agendas.sessions(code);
        assertThat(stored).hasSize(sessions.size()).noneMatch(s -> s.title().equals("Opening address"));
        assertThat(stored.get(0).id()).isEqualTo(((Number) welcome.get("id")).longValue());
        assertThat(stored.get(0).title()).isEqualTo("Bienvenue — Dr. Zoë Ångström");
        assertThat(stored).filteredOn(s -> s.title().equals("Farewell")).singleElement()
                .satisfies(s -> assertThat(s.room()).isEqualTo("Terrace"));
        Agendas.WorkingGroup group = agendas.workingGroups(code).get(0);
        assertThat(group.rapporteurName()).isEqualTo("Amira Haddad");
        assertThat(group.chairName()).isEqualTo("Ravi Menon");
        assertThat(group.questions()).containsExactly("Which arrangements worked?", "Why?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAnAgendaWithFaultsWith400NamingEachAndStoreNothing() {
        Map<String, Object> agenda = api.as("lena").exchange(path, HttpMethod.GET, null, JSON).getBody();
        List<Map<String, Object>> sessions = new ArrayList<>((List<Map<String, Object>>) agenda.get("sessions"));
        Map<String, Object> welcome = new LinkedHashMap<>(sessions.get(0));
        welcome.put("endsAt", "08:45");
        sessions.set(0, welcome);
        Map<String, Object> wg2 = new LinkedHashMap<>(sessions.stream().filter(s -> "WG2".equals(s.get("workingGroup")))
                .findFirst().orElseThrow());
        int wg2At = sessions.indexOf(wg2);
        wg2.put("room", "Meeting room A");
        sessions.set(wg2At, wg2);
        sessions.add(Map.of("day", 3, "startsAt", "09:00", "endsAt", "10:00", "kind", "PLENARY", "title", "Day three",
                "room", "Plenary hall"));
        List<Agendas.Session> before = agendas.sessions(code);

        ResponseEntity<Map<String, Object>> refused = put("lena", Map.of("sessions", sessions,
                "workingGroups", agenda.get("workingGroups")));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((Map<String, String>) refused.getBody().get("fieldErrors"))
                .containsEntry("sessions[0].endsAt", "The session must end after it starts (09:00).")
                .containsKey("sessions[" + wg2At + "].room")
                .containsEntry("sessions[" + (sessions.size() - 1) + "].day",
                        "Day 3 is outside the meeting, which has 2 days: choose 1 to 2.");
        assertThat((String) ((Map<String, String>) refused.getBody().get("fieldErrors")).get("sessions[" + wg2At + "].room"))
                .startsWith("Meeting room A is taken on day 1 from 14:00 to 16:00 by “Working Group 1");
        assertThat((String) refused.getBody().get("message")).startsWith("Nothing was saved: ");
        assertThat(agendas.sessions(code)).isEqualTo(before);
    }

    @Test
    void shouldAnswer400ToABodyThatIsNoAgenda() {
        for (String body : new String[] {"", "not json", "[]", "{\"sessions\": 3, \"workingGroups\": []}"}) {
            ResponseEntity<Map<String, Object>> refused = putRaw("lena", body);
            assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat((String) refused.getBody().get("message")).startsWith("Send the whole agenda as a JSON object");
        }
        ResponseEntity<Map<String, Object>> oddValues = putRaw("lena", "{\"sessions\": [{\"id\": \"x\", \"day\": [1]}, 7], "
                + "\"workingGroups\": [{\"code\": \"WG1\", \"questions\": \"one\"}]}");
        assertThat(oddValues.getStatusCode().value()).isEqualTo(400);
        assertThat(oddValues.getBody().get("fieldErrors")).asString()
                .contains("sessions[0].id", "sessions[1]", "workingGroups[0].questions");
    }

    @Test
    void shouldRefuseOthersThanStaffToChangeItAndAnswer404ForAnUnknownMeeting() {
        int before = agendas.sessions(code).size();
        for (String user : new String[] {"grace", "kenji", "guest"}) {
            ResponseEntity<Map<String, Object>> refused = put(user, Map.of("sessions", List.of(), "workingGroups", List.of()));
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).containsEntry("message", "Only staff and administrators change a meeting's agenda.");
        }
        assertThat(agendas.sessions(code)).hasSize(before);
        assertThat(api.as("guest").exchange(path, HttpMethod.GET, null, JSON).getStatusCode().value()).isEqualTo(403);
        assertThat(api.anonymous().exchange(path, HttpMethod.GET, null, JSON).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map<String, Object>> unknown = api.as("lena").exchange("/api/meetings/NO-SUCH-MEETING/agenda",
                HttpMethod.GET, null, JSON);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(putRaw("lena", "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(api.as("lena").exchange("/api/meetings/NO-SUCH-MEETING/agenda", HttpMethod.PUT,
                RestClients.json(Map.of()), JSON).getStatusCode().value()).isEqualTo(404);
    }

    private ResponseEntity<Map<String, Object>> put(String user, Object body) {
        return api.as(user).exchange(path, HttpMethod.PUT, RestClients.json(body), JSON);
    }

    private ResponseEntity<Map<String, Object>> putRaw(String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return api.as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JSON);
    }
}
