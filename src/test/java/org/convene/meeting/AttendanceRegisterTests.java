package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A day's attendance register: walk-ins added by name (twice refused), taken off again; the page
 * shows the day's figures to staff and takes their changes. Confirmed participants come from the
 * invitation module: MeetingLifecycleTests counts them through "Record attendance".
 */
@ConveneIntegrationTest
class AttendanceRegisterTests {

    @LocalServerPort int port;
    @Autowired ProcessDriver driver;
    @Autowired AttendanceRegister register;
    @Autowired TestRestTemplate template;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("ATT");
        driver.registerMeeting(code);
    }

    @Test
    void shouldCountWalkInsAndRefuseOneAddedTwiceOrWithoutAName() {
        register.addWalkIn(code, 1, "Nadia Haddad", "Jordan Red Crescent", "lena");
        register.addWalkIn(code, 1, "Tomas Berg", null, "lena");

        assertThat(register.day(code, 1)).extracting(AttendanceRegister.Line::name, AttendanceRegister.Line::walkIn)
                .containsExactly(tuple("Nadia Haddad", true),
                        tuple("Tomas Berg", true));
        assertThat(register.count(code, 1)).isEqualTo(new AttendanceRegister.Count(2, 0, 2, 0));
        assertThat(register.count(code, 2)).isEqualTo(new AttendanceRegister.Count(0, 0, 0, 0));
        assertThatThrownBy(() -> register.addWalkIn(code, 1, "nadia haddad", null, "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("name", "nadia haddad is already on the register of day 1."));
        assertThatThrownBy(() -> register.addWalkIn(code, 1, "  ", null, "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("name", "A walk-in needs a name."));
        assertThatThrownBy(() -> register.mark(code, 1, List.of(99_999L), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors()).containsKey("present"));
        assertThatThrownBy(() -> register.day(code, 3))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("day", "Meeting " + code + " has days 1 to 2, not 3."));

        register.removeWalkIn(code, 1, "Tomas Berg", "lena");
        assertThat(register.count(code, 1).present()).isEqualTo(1);
    }

    @Test
    void shouldShowTheRegisterAndAddAWalkInFromThePage() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        String page = "/meetings/" + code + "/attendance/1";
        assertThat(lena.get(page).body()).contains("Attendance — Day 1", "Nobody has accepted an invitation", "Add walk-in");

        HttpResponse<String> added = lena.post(page + "/walk-ins", Map.of("name", "Nadia Haddad", "organisation", "JRC"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(lena.follow(added).body()).contains("Walk-in added: Nadia Haddad.", "(JRC)");
        HttpResponse<String> refused = lena.post(page + "/walk-ins", Map.of("name", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved: A walk-in needs a name.");
        assertThat(register.count(code, 1).present()).isEqualTo(1);

        assertThat(BrowserSession.signedIn(port, "ravi").get(page).body()).contains("Nadia Haddad").doesNotContain("Add walk-in");
        assertThat(lena.get("/meetings/" + code + "/attendance/7").statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEachDaysAttendanceThroughTheApi() {
        register.addWalkIn(code, 2, "Nadia Haddad", "Jordan Red Crescent", "lena");
        String api = "/api/meetings/" + code + "/attendance";
        RestClients rest = new RestClients(template);

        ResponseEntity<Map> answer = rest.as("grace").getForEntity(api, Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("meetingCode", code);
        List<Map<String, Object>> days = (List<Map<String, Object>>) answer.getBody().get("days");
        assertThat(days).extracting(d -> d.get("day"), d -> d.get("present"), d -> d.get("walkIns")).containsExactly(
                tuple(1, 0, 0), tuple(2, 1, 1));
        assertThat((List<Map<String, Object>>) days.get(1).get("people")).singleElement().satisfies(person -> assertThat(person)
                .containsEntry("name", "Nadia Haddad").containsEntry("organisation", "Jordan Red Crescent")
                .containsEntry("walkIn", true).containsEntry("participantId", null));
        assertThat(rest.anonymous().getForEntity(api, String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> unknown = rest.as("lena")
                .getForEntity("/api/meetings/EM-NO-SUCH/attendance", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("EM-NO-SUCH");
    }
}
