package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The participant page: the list by category against the target, the reserve, and staff's changes. */
@ConveneIntegrationTest
class ParticipantPagesTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ConceptNotes conceptNotes;
    @Autowired Participants participants;

    String code;
    String page;

    @BeforeEach
    void registerMeetingWithTwoOnTheListAndOneInReserve() {
        code = TestMeetings.newCode("PP");
        page = "/meetings/" + code + "/participants";
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, "Background", "Objectives", "UNHCR", 25,
                List.of(ParticipantCategory.GOV, ParticipantCategory.IO, ParticipantCategory.ACA), "Amman", "A paper", "lena"));
        participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV, "a.khalil@gov.example", false);
        participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
        participants.add(code, "Grace Otieno", "National refugee NGO", ParticipantCategory.NGO, "g.otieno@ngo.example", true);
    }

    @Test
    void shouldShowTheListByCategoryAgainstTheTargetAndTheReserve() {
        HttpResponse<String> shown = BrowserSession.signedIn(port, "lena").get(page);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Senior government representatives (1)", "International organizations (1)")
                .contains("<span>2</span><span> of 25</span>", "target: about 25 participants")
                .contains("Amira Khalil", "Ministry of Interior", "not invited")
                .contains("Reserve list", "Grace Otieno", "Move to list", "Move to reserve", "Add participant");
    }

    @Test
    void shouldAddAParticipantAndShowTheNoticeAfterTheRedirect() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> added = lena.post(page, person("Daniel Reyes", "University of Amman", "ACA", "D.Reyes@Uni.example", "false"));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(lena.follow(added).body()).contains("Daniel Reyes added to the participant list.", "d.reyes@uni.example");
        assertThat(participants.list(code)).filteredOn(p -> p.name().equals("Daniel Reyes")).singleElement()
                .satisfies(p -> {
                    assertThat(p.category()).isEqualTo(ParticipantCategory.ACA);
                    assertThat(p.reserve()).isFalse();
                });
    }

    @Test
    void shouldRefuseADuplicateEmailWithAClearMessageAndStoreNothing() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> refused = lena.post(page, person("Amira K.", "Ministry", "GOV", " A.Khalil@gov.example ", "true"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved",
                "The address a.khalil@gov.example is already listed for this meeting: Amira Khalil, Ministry of Interior.");
        assertThat(participants.list(code)).hasSize(3).extracting(Participants.Participant::name).doesNotContain("Amira K.");
    }

    @Test
    void shouldRefuseMissingFieldsAndABadAddressShowingWhatWasTyped() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> refused = lena.post(page, person("<b>Bold</b>", "", "", "not-an-address", "false"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the organisation.", "Choose a category",
                "&#39;not-an-address&#39; is not an e-mail address", "value=\"&lt;b&gt;Bold&lt;/b&gt;\"");
        assertThat(participants.list(code)).hasSize(3);
    }

    @Test
    void shouldMoveBetweenListAndReserveAndRemoveSomeoneNotYetInvited() {
        BrowserSession omar = BrowserSession.signedIn(port, "omar");
        omar.get(page);
        long grace = idOf("Grace Otieno");
        long peter = idOf("Peter Mwangi");

        assertThat(omar.follow(omar.post(page + "/" + grace + "/move", Map.of("reserve", "false"))).body())
                .contains("Grace Otieno moved to the participant list.");
        assertThat(participants.get(grace).reserve()).isFalse();

        assertThat(omar.follow(omar.post(page + "/" + peter + "/remove", Map.of())).body()).contains("Peter Mwangi removed.");
        assertThat(participants.list(code)).extracting(Participants.Participant::id).doesNotContain(peter);
    }

    @Test
    void shouldLetAManagerReadTheListButNotChangeIt() {
        BrowserSession manager = BrowserSession.signedIn(port, "grace");
        HttpResponse<String> shown = manager.get(page);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Amira Khalil").doesNotContain("Add participant", "Move to reserve", ">Remove<");
        assertThat(manager.post(page, person("Someone", "Somewhere", "GOV", "someone@gov.example", "false")).statusCode())
                .isEqualTo(403);
        assertThat(manager.post(page + "/" + idOf("Amira Khalil") + "/remove", Map.of()).statusCode()).isEqualTo(403);
        assertThat(participants.list(code)).hasSize(3);
    }

    private long idOf(String name) {
        return participants.list(code).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    static Map<String, String> person(String name, String organisation, String category, String email, String reserve) {
        return Map.of("name", name, "organisation", organisation, "category", category, "email", email, "reserve", reserve);
    }
}
