package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
    @Autowired ParticipantImport participantImport;

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

    @Test
    void shouldKeepTheListItsAddressesAndExportFromReviewers() {
        BrowserSession reviewer = BrowserSession.signedIn(port, "ravi");

        assertThat(reviewer.get(page).statusCode()).isEqualTo(403);
        assertThat(reviewer.download(page + ".csv").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/meetings/" + code).body()).as("the meeting's page offers no link to it")
                .doesNotContain("/meetings/" + code + "/participants");
    }

    @Test
    void shouldShowTheCountsAgainstTheConceptNotesTargetPerCategory() {
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, "Background", "Objectives", "UNHCR", 25,
                List.of(ParticipantCategory.GOV, ParticipantCategory.IO, ParticipantCategory.ACA), "Amman", "A paper", "lena",
                Map.of(ParticipantCategory.GOV, 10, ParticipantCategory.IO, 6)));

        String shown = BrowserSession.signedIn(port, "grace").get(page).body();

        assertThat(row(shown, "count-GOV")).contains("Senior government representatives", "10 seats",
                "<span>1</span><span> of 10</span>");
        assertThat(row(shown, "count-IO")).contains("6 seats", "<span>1</span><span> of 6</span>");
        assertThat(row(shown, "count-ACA")).contains("yes, no target", "<span>0</span>").doesNotContain(" of ");
        assertThat(row(shown, "count-NGO")).contains("—", "<td class=\"num\">1</td>");
    }

    @Test
    void shouldPreviewAnUploadedSpreadsheetThenAddItsRowsOnConfirmAndNobodyTwice() throws IOException {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> preview = lena.postFile(page + "/import", "file", "participants.csv", "text/csv",
                Files.readAllBytes(ParticipantImportTests.SAMPLE));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Nothing is saved yet.", "To be added (27)", "Refused (5)", "Columns not read:",
                "Notes", "Dr Jürgen Weiß", "Add 27 participants",
                "The address a.khalil@gov.example is already listed for this meeting: Amira Khalil, Ministry of Interior.",
                "&#39;t.nakamura@unu&#39; is not an e-mail address: it has no dot in the part after the @ (unu)");
        assertThat(participants.list(code)).hasSize(3);
        Map<String, String> confirm = Map.of("file", hidden(preview.body(), "file"), "fileName", hidden(preview.body(), "fileName"));

        HttpResponse<String> added = lena.post(page + "/import/confirm", confirm);
        assertThat(lena.follow(added).body())
                .contains("From participants.csv: 23 added to the participant list and 4 to the reserve list; 5 rows refused (see below).",
                        "Rows refused by the last import", "Jürgen Weiß");
        assertThat(participants.list(code)).hasSize(30);

        HttpResponse<String> again = lena.post(page + "/import/confirm", confirm);
        assertThat(lena.follow(again).body()).contains("From participants.csv: nobody was added; 32 rows refused (see below).");
        assertThat(participants.list(code)).hasSize(30);
    }

    @Test
    void shouldShowWhyAnUploadIsNoUsableSpreadsheetAndLetOnlyStaffUpload() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);

        HttpResponse<String> workbook = lena.postFile(page + "/import", "file", "participants.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4, 20, 0});

        assertThat(workbook.statusCode()).isEqualTo(422);
        assertThat(workbook.body()).contains("The file is an Excel workbook (.xlsx) or another zip file, not CSV");

        BrowserSession manager = BrowserSession.signedIn(port, "grace");
        manager.get(page);
        assertThat(manager.postFile(page + "/import", "file", "p.csv", "text/csv",
                "Name,Organisation,Category,E-mail\nA,O,GOV,a@x.org\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(participants.list(code)).hasSize(3);
    }

    @Test
    void shouldRefuseAFileTooLargeForAParticipantListWithAMessage() {
        BrowserSession lena = BrowserSession.signedIn(port, "lena");
        lena.get(page);
        StringBuilder big = new StringBuilder("Name,Organisation,Category,E-mail\n");
        for (int i = 0; big.length() < 1_200_000; i++) {
            big.append("Person ").append(i).append(",Organisation,GOV,p").append(i).append("@x.org,").append("x".repeat(80)).append('\n');
        }

        HttpResponse<String> refused = lena.postFile(page + "/import", "file", "huge.csv", "text/csv",
                big.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The file is larger than 1 MB");
        assertThat(participants.list(code)).hasSize(3);
    }

    @Test
    void shouldExportTheListAsCsvThatExcelOpensAndTheImportReadsBack() throws IOException {
        participants.add(code, new Participants.NewParticipant("Dr", "Renée Müller", "=HYPERLINK(\"x\"), Genève", "academic",
                "r.muller@unige.example", "Switzerland", "French", "rapporteur", false));

        HttpResponse<byte[]> export = BrowserSession.signedIn(port, "grace").download(page + ".csv");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("participants-" + code + ".csv");
        byte[] bytes = export.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("Title", "Name", "Organisation", "Category", "E-mail", "Country",
                "Language", "Role", "List", "Invitation");
        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> r.get(1).equals("Renée Müller")).singleElement().satisfies(r -> assertThat(r.toList())
                .containsExactly("Dr", "Renée Müller", "'=HYPERLINK(\"x\"), Genève", "Academics and independent experts",
                        "r.muller@unige.example", "Switzerland", "French", "rapporteur", "participant", "not invited"));

        String other = TestMeetings.newCode("PP");
        meetings.register(new Meeting(other, "Other", "Geneva", ZoneId.of("Europe/Zurich"), LocalDate.of(2027, 3, 1), 1),
                null, "lena");
        ParticipantImport.Result readBack = participantImport.add(other, bytes);
        assertThat(readBack.refused()).isEmpty();
        assertThat(readBack.ignoredColumns()).containsExactly("Invitation");
        assertThat(participants.list(other)).extracting(Participants.Participant::fullName, Participants.Participant::category,
                        Participants.Participant::email, Participants.Participant::reserve, Participants.Participant::role)
                .containsExactlyInAnyOrderElementsOf(participants.list(code).stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.fullName(), p.category(), p.email(), p.reserve(), p.role())).toList());
    }

    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row %s", id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(value.find()).as("hidden field %s", name).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(value.group(1));
    }

    private long idOf(String name) {
        return participants.list(code).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    static Map<String, String> person(String name, String organisation, String category, String email, String reserve) {
        return Map.of("name", name, "organisation", organisation, "category", category, "email", email, "reserve", reserve);
    }
}
