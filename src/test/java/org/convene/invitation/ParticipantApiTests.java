package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.convene.RestClients;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
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
 * {@code /api/meetings/{code}/participants} through HTTP Basic: the list as JSON for those who
 * read meetings, the CSV import for staff (a dry run stores nothing), and a 4xx with a message for
 * every caller or body it refuses.
 */
@ConveneIntegrationTest
class ParticipantApiTests {

    @Autowired TestRestTemplate rest;
    @Autowired Meetings meetings;
    @Autowired Participants participants;
    @Autowired Invitations invitations;

    RestClients api;
    String code;
    String path;

    @BeforeEach
    void registerMeeting() {
        api = new RestClients(rest);
        code = TestMeetings.newCode("PA");
        path = "/api/meetings/" + code + "/participants";
        meetings.register(new Meeting(code, "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldImportTheSampleSpreadsheetForStaffAndAnswerWhatWasAddedAndRefused() throws IOException {
        ResponseEntity<Map<String, Object>> answer = postCsv("omar", path, Files.readAllBytes(ParticipantImportTests.SAMPLE));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("dryRun", false);
        List<Map<String, Object>> added = list(answer, "added");
        assertThat(added).hasSize(30);
        assertThat(added.get(0)).containsEntry("row", 2).containsEntry("title", "Ms").containsEntry("name", "Amira Khalil")
                .containsEntry("category", "GOV").containsEntry("email", "a.khalil@gov.example")
                .containsEntry("role", "co-chair").containsEntry("list", "participant").containsKey("id");
        assertThat(list(answer, "refused")).extracting(r -> r.get("row")).containsExactly(28, 29);
        assertThat(list(answer, "refused").get(0).get("reason")).asString().contains("is on row 13 already (Peter Mwangi)");
        assertThat(participants.list(code)).hasSize(30);
    }

    @Test
    void shouldPreviewADryRunAndStoreNothing() {
        ResponseEntity<Map<String, Object>> answer = postCsv("lena", path + "?dryRun=true",
                ParticipantSpreadsheetTests.excel1252("Name;Organisation;Category;E-mail;List",
                        "Renée Müller;Université de Genève;academic;r.muller@unige.example;reserve",
                        "Jonas Berg;MFA;government;j.berg@mfa;"));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("dryRun", true);
        assertThat(list(answer, "added")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("name", "Renée Müller").containsEntry("list", "reserve").containsEntry("id", null));
        assertThat(list(answer, "refused")).singleElement().isEqualTo(Map.of("row", 3,
                "reason", "'j.berg@mfa' is not an e-mail address: it has no dot in the part after the @ (mfa): "
                        + "a domain looks like example.org."));
        assertThat(participants.list(code)).isEmpty();
    }

    @Test
    void shouldListEveryFieldAndTheInvitationStatusForStaffManagersAndAdministrators() {
        long amira = participants.add(code, new Participants.NewParticipant("Ms", "Amira Khalil", "Ministry of Interior", "GOV",
                "a.khalil@gov.example", "Jordan", "Arabic", "co-chair", false));
        participants.add(code, "Grace Otieno", "National refugee NGO", ParticipantCategory.NGO, "g.otieno@ngo.example", true);
        invitations.send(code, amira, "a seat's process instance");

        for (String reader : List.of("lena", "grace", "demo")) {
            ResponseEntity<Map<String, Object>> answer = api.as(reader).exchange(path, HttpMethod.GET, null,
                    new ParameterizedTypeReference<>() { });
            assertThat(answer.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(list(answer, "participants")).containsExactly(
                    participant(amira, "Ms", "Amira Khalil", "Ministry of Interior", "GOV", "Senior government representatives",
                            "a.khalil@gov.example", "Jordan", "Arabic", "co-chair", "participant", "SENT"),
                    participant(participants.list(code).get(1).id(), null, "Grace Otieno", "National refugee NGO", "NGO",
                            "Non-governmental organizations", "g.otieno@ngo.example", null, null, "participant", "reserve", null));
        }
    }

    @Test
    void shouldRefuseReviewersAndTheAnonymousAnImportAndReviewersAndGuestTheList() {
        byte[] csv = ParticipantSpreadsheetTests.excelUtf8("Name,Organisation,Category,E-mail", "A,O,GOV,a@x.org");

        ResponseEntity<Map<String, Object>> reviewer = postCsv("ravi", path, csv);
        ResponseEntity<Map<String, Object>> manager = postCsv("grace", path, csv);
        ResponseEntity<String> anonymous = api.anonymous().exchange(path, HttpMethod.POST, csv(csv), String.class);
        ResponseEntity<Map<String, Object>> guest = api.as("guest").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        ResponseEntity<Map<String, Object>> reviewerReading = api.as("ravi").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });

        assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
        assertThat(reviewer.getBody()).containsEntry("message",
                "Only staff and administrators add participants to a meeting's list.");
        assertThat(manager.getStatusCode().value()).isEqualTo(403);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(guest.getStatusCode().value()).isEqualTo(403);
        assertThat(reviewerReading.getStatusCode().value()).as("personal data: not for reviewers").isEqualTo(403);
        assertThat(reviewerReading.getBody()).containsEntry("message", "A meeting's participant list (names, addresses, "
                + "needs) is open to staff, managers and administrators only.");
        assertThat(participants.list(code)).isEmpty();
    }

    @Test
    void shouldAnswer404ForAnUnknownMeetingAnd4xxWithAMessageForABodyThatIsNoUsableCsv() {
        byte[] csv = ParticipantSpreadsheetTests.excelUtf8("Name,Organisation,Category,E-mail", "A,O,GOV,a@x.org");
        assertThat(postCsv("lena", "/api/meetings/NO-SUCH-MEETING/participants", csv).getStatusCode().value()).isEqualTo(404);
        assertThat(api.as("lena").exchange("/api/meetings/NO-SUCH-MEETING/participants", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(404);

        ResponseEntity<Map<String, Object>> workbook = postCsv("lena", path, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThat(workbook.getStatusCode().value()).isEqualTo(400);
        assertThat(workbook.getBody().get("message")).asString().startsWith("The file is an Excel workbook (.xlsx)");

        ResponseEntity<Map<String, Object>> noHeader = postCsv("lena", path, "just some text\nand more".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.getStatusCode().value()).isEqualTo(400);
        assertThat(noHeader.getBody().get("message")).asString()
                .contains("names no Name, no Organisation, no Category, no E-mail column (it has 'just some text')");

        assertThat(postCsv("lena", path, new byte[0]).getStatusCode().value()).isEqualTo(400);

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> wrongType = api.as("lena").exchange(path, HttpMethod.POST,
                new HttpEntity<>("{\"name\": \"A\"}", json), new ParameterizedTypeReference<>() { });
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongType.getBody().get("message")).asString().startsWith("Send the participant list as CSV with Content-Type: text/csv");
        assertThat(participants.list(code)).isEmpty();
    }

    private ResponseEntity<Map<String, Object>> postCsv(String user, String to, byte[] body) {
        return api.as(user).exchange(to, HttpMethod.POST, csv(body), new ParameterizedTypeReference<>() { });
    }

    private static HttpEntity<byte[]> csv(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv"));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(ResponseEntity<Map<String, Object>> answer, String key) {
        return (List<Map<String, Object>>) answer.getBody().get(key);
    }

    private static Map<String, Object> participant(long id, String title, String name, String organisation, String category,
                                                   String categoryLabel, String email, String country, String language,
                                                   String role, String list, String invitationStatus) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("id", (int) id);
        p.put("title", title);
        p.put("name", name);
        p.put("organisation", organisation);
        p.put("category", category);
        p.put("categoryLabel", categoryLabel);
        p.put("email", email);
        p.put("country", country);
        p.put("language", language);
        p.put("role", role);
        p.put("list", list);
        p.put("invitationStatus", invitationStatus);
        return p;
    }
}
