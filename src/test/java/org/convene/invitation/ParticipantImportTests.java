package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.invitation.ParticipantSpreadsheetTests.excel1252;
import static org.convene.invitation.ParticipantSpreadsheetTests.excelUtf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import of the secretariat's spreadsheet into a meeting's list: every row checked as a
 * person typing it would be, refusals with the spreadsheet's row number and why, duplicates
 * within the file and with the list refused (case and no-break spaces ignored), a preview that
 * stores nothing, and the same file imported twice adding no one the second time.
 */
@ConveneIntegrationTest
class ParticipantImportTests {

    static final Path SAMPLE = Path.of("docs", "samples", "participants.csv");

    @Autowired Meetings meetings;
    @Autowired Participants participants;
    @Autowired ParticipantImport participantImport;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("PI");
        meetings.register(new Meeting(code, "Expert meeting", "Amman, Jordan", ZoneId.of("Asia/Amman"),
                LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldAddTheSampleSpreadsheetAsExcelSavesItAndRefuseItsTwoFaultyRows() throws IOException {
        ParticipantImport.Result result = participantImport.add(code, Files.readAllBytes(SAMPLE));

        assertThat(result.listed()).isEqualTo(25);
        assertThat(result.reserved()).isEqualTo(5);
        assertThat(result.refused()).containsExactly(
                new ParticipantImport.Refused(28, "The address p.mwangi@iom.example is on row 13 already (Peter Mwangi); "
                        + "each address is listed once."),
                new ParticipantImport.Refused(29, "'t.nakamura@unu' is not an e-mail address: it has no dot in the part "
                        + "after the @ (unu): a domain looks like example.org."));
        assertThat(result.ignoredColumns()).containsExactly("Notes");
        assertThat(participants.counts(code).categories()).extracting(Participants.Counts.Category::category,
                        Participants.Counts.Category::listed, Participants.Counts.Category::reserve)
                .containsExactly(tuple(ParticipantCategory.GOV, 10, 1), tuple(ParticipantCategory.IO, 6, 0),
                        tuple(ParticipantCategory.REG, 3, 1), tuple(ParticipantCategory.NGO, 3, 2),
                        tuple(ParticipantCategory.ACA, 3, 1));
        Participants.Participant amira = byEmail("a.khalil@gov.example");
        assertThat(amira.organisation()).isEqualTo("Ministry of Interior\r\nDirectorate of Refugee Affairs");
        assertThat(amira.role()).isEqualTo(MeetingRole.CO_CHAIR);
        assertThat(amira.title()).isEqualTo(ParticipantTitle.MS);
        assertThat(byEmail("j.weiss@uni-os.example")).satisfies(p -> {
            assertThat(p.fullName()).isEqualTo("Dr Jürgen Weiß");
            assertThat(p.organisation()).isEqualTo("Institute for Migration Research, University of Osnabrück");
            assertThat(p.category()).isEqualTo(ParticipantCategory.ACA);
        });
        assertThat(byEmail("r.karimi@mofa.example").title()).isEqualTo(ParticipantTitle.HE);
        assertThat(byEmail("c.martin@drc.example")).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Chloé Martin");
            assertThat(p.reserve()).isTrue();
        });
    }

    @Test
    void shouldPreviewWithoutStoringAndAddNobodyTwiceWhenTheSameFileIsConfirmedAgain() throws IOException {
        byte[] file = Files.readAllBytes(SAMPLE);

        ParticipantImport.Result preview = participantImport.preview(code, file);
        assertThat(preview.added()).hasSize(30).allSatisfy(a -> assertThat(a.id()).isNull());
        assertThat(participants.list(code)).isEmpty();

        ParticipantImport.Result first = participantImport.add(code, file);
        ParticipantImport.Result second = participantImport.add(code, file);

        assertThat(first.added()).hasSize(30).allSatisfy(a -> assertThat(a.id()).isNotNull());
        assertThat(second.added()).isEmpty();
        assertThat(second.refused()).hasSize(32).filteredOn(r -> r.row() == 2).singleElement()
                .extracting(ParticipantImport.Refused::reason).asString()
                .isEqualTo("The address a.khalil@gov.example is already listed for this meeting: Amira Khalil, "
                        + "Ministry of Interior\r\nDirectorate of Refugee Affairs. Each address is listed once.");
        assertThat(participants.list(code)).hasSize(30);
    }

    @Test
    void shouldRefuseDuplicatesDifferingOnlyInCaseNoBreakSpacesOrZeroWidthCharacters() {
        participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV, "a.khalil@gov.example", false);

        ParticipantImport.Result result = participantImport.add(code, excelUtf8(
                "Name;Organisation;Category;E-mail",
                "Amira K.;Ministry;GOV;\u00A0A.Khalil@GOV.example\u00A0",
                "Peter Mwangi;IOM;IO;p.mwangi@iom.example",
                "Peter M.;IOM Geneva;IO;P.MWANGI@iom.example\u202F",
                "Pete Mwangi;IOM;IO;p.mwangi\u200B@iom.example"));

        assertThat(result.added()).extracting(ParticipantImport.Added::row, ParticipantImport.Added::email)
                .containsExactly(tuple(3L, "p.mwangi@iom.example"));
        assertThat(result.refused()).extracting(ParticipantImport.Refused::row, ParticipantImport.Refused::reason)
                .containsExactly(
                        tuple(2L, "The address a.khalil@gov.example is already listed for this meeting: Amira Khalil, "
                                + "Ministry of Interior. Each address is listed once."),
                        tuple(4L, "The address p.mwangi@iom.example is on row 3 already (Peter Mwangi); each address is listed once."),
                        tuple(5L, "The address p.mwangi@iom.example is on row 3 already (Peter Mwangi); each address is listed once."));
    }

    @Test
    void shouldRefuseRowsWithAMissingOrMalformedAddressOrAnUnknownCategorySayingWhy() {
        ParticipantImport.Result result = participantImport.add(code, excel1252(
                "Name;Organisation;Category;E-mail;List",
                "Renée Müller;Université de Genève;academic;r.muller@unige.example;participant",
                "No Address;Somewhere;GOV;;participant",
                "Bad Address;Somewhere;GOV;bad address@x.org;participant",
                "Press Person;Daily News;media;press@news.example;participant",
                ";;;;",
                "Who Knows;Somewhere;NGO;w@ngo.example;perhaps",
                "Reserve Person;IGAD;regional;r@igad.example;reserve"));

        assertThat(result.added()).extracting(ParticipantImport.Added::row, ParticipantImport.Added::name,
                        ParticipantImport.Added::category, ParticipantImport.Added::list)
                .containsExactly(tuple(2L, "Renée Müller", "ACA", "participant"), tuple(8L, "Reserve Person", "REG", "reserve"));
        assertThat(result.refused()).extracting(ParticipantImport.Refused::row, ParticipantImport.Refused::reason)
                .containsExactly(
                        tuple(3L, "Give the e-mail address the invitation goes to."),
                        tuple(4L, "'bad address@x.org' is not an e-mail address: it contains a space."),
                        tuple(5L, "'media' is not a category: write government, international organization, regional body, "
                                + "NGO, or academic and independent expert."),
                        tuple(7L, "The list 'perhaps' is neither participant nor reserve."));
        assertThat(participants.list(code)).hasSize(2);
    }

    @Test
    void shouldRefuseAFileThatIsNoCsvAndAnUnknownMeetingStoringNothing() {
        assertThatThrownBy(() -> participantImport.add(code, new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(ChangeRefused.class).hasMessageContaining("Excel workbook (.xlsx)");
        assertThatThrownBy(() -> participantImport.preview("NO-SUCH-MEETING", excelUtf8("Name,Organisation,Category,E-mail")))
                .isInstanceOf(MeetingNotFoundException.class);
        assertThat(participants.list(code)).isEmpty();
    }

    private Participants.Participant byEmail(String email) {
        return participants.list(code).stream().filter(p -> p.email().equals(email)).findFirst().orElseThrow();
    }
}
