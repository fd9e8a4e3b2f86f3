package org.convene.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.workflow.ChangeRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files as Excel and LibreOffice save them, read into rows numbered as the spreadsheet shows
 * them: the bytes are built here as each program writes them (byte-order mark, Windows-1252,
 * separators, CRLF, quoted line breaks).
 */
class ParticipantSpreadsheetTests {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Excel's "CSV UTF-8 (Comma delimited)": a byte-order mark, then UTF-8, CRLF. */
    static byte[] excelUtf8(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(UTF8_BOM);
        bytes.writeBytes(String.join("\r\n", lines).concat("\r\n").getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** Excel's "CSV (Comma delimited)" on a Western European Windows: Windows-1252, CRLF, no mark. */
    static byte[] excel1252(String... lines) {
        return String.join("\r\n", lines).concat("\r\n").getBytes(WINDOWS_1252);
    }

    @Test
    void shouldReadUtf8WithAByteOrderMarkAndCommas() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excelUtf8(
                "Name,Organisation,Category,E-mail",
                "Renée Müller,Université de Genève,ACA,r.muller@unige.example",
                "عمر الحسن,League of Arab States,REG,o.hassan@las.example"));

        assertThat(sheet.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(sheet.separator()).isEqualTo(',');
        assertThat(sheet.rows()).extracting(r -> r.number(), r -> r.person().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Renée Müller"),
                        org.assertj.core.groups.Tuple.tuple(3L, "عمر الحسن"));
        assertThat(sheet.rows().get(0).person().organisation()).isEqualTo("Université de Genève");
    }

    @Test
    void shouldReadWindows1252WithSemicolonsAsExcelSavesItInEurope() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excel1252(
                "Name;Organisation;Category;E-mail",
                "Renée Müller;Université de Genève;academic;r.muller@unige.example",
                "Jürgen Groß;Bundesministerium des Innern, Berlin;government;j.gross@bmi.example"));

        assertThat(sheet.charset()).isEqualTo(WINDOWS_1252);
        assertThat(sheet.separator()).isEqualTo(';');
        assertThat(sheet.rows()).extracting(r -> r.person().name()).containsExactly("Renée Müller", "Jürgen Groß");
        assertThat(sheet.rows().get(1).person().organisation()).isEqualTo("Bundesministerium des Innern, Berlin");
    }

    @Test
    void shouldReadUtf8WithoutAByteOrderMarkAsUtf8() {
        byte[] libreOffice = "Name;Organisation;Category;E-mail\nRenée Müller;UNIGE;ACA;r@unige.example\n"
                .getBytes(StandardCharsets.UTF_8);

        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(libreOffice);

        assertThat(sheet.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.person().name()).isEqualTo("Renée Müller"));
    }

    @Test
    void shouldReadTabSeparatedUtf16AsExcelsUnicodeText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes("Name\tOrganisation\tCategory\tE-mail\r\nRenée Müller\tUNIGE\tACA\tr@unige.example\r\n"
                .getBytes(StandardCharsets.UTF_16LE));

        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(bytes.toByteArray());

        assertThat(sheet.separator()).isEqualTo('\t');
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.person().name()).isEqualTo("Renée Müller");
            assertThat(r.person().email()).isEqualTo("r@unige.example");
        });
    }

    @Test
    void shouldPickTheSeparatorOnTheHeaderLineOutsideQuotes() {
        assertThat(ParticipantSpreadsheet.separator("\"Name, full\";\"E-mail, work\";Category;Organisation\r\na,b,c,d,e,f"))
                .isEqualTo(';');
        assertThat(ParticipantSpreadsheet.separator("\r\n\r\nName\tE-mail\tCategory;x\r\n")).isEqualTo('\t');
        assertThat(ParticipantSpreadsheet.separator("Name,E-mail,Category,Organisation")).isEqualTo(',');
    }

    @Test
    void shouldKeepQuotedLineBreaksInTheirCellAndNumberRowsAsTheSpreadsheetDoesWithBlankRowsSkipped() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excel1252(
                "Name;Organisation;Category;E-mail",
                "Amira Khalil;\"Ministry of Interior",
                "Amman\";GOV;a.khalil@gov.example",
                ";;;",
                "",
                "Peter Mwangi;\"IOM; \"\"Geneva\"\"\";IO;p.mwangi@iom.example"));

        assertThat(sheet.rows()).extracting(ParticipantSpreadsheet.Row::number).containsExactly(2L, 5L);
        assertThat(sheet.rows().get(0).person().organisation()).isEqualTo("Ministry of Interior\r\nAmman");
        assertThat(sheet.rows().get(1).person().organisation()).isEqualTo("IOM; \"Geneva\"");
    }

    @Test
    void shouldMatchHeaderNamesLooselyAndNameTheColumnsItLeavesOut() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excelUtf8(
                "  Full name ;ORGANIZATION;Type;Email address;Title;Pays;Preferred language;Role at the meeting;Phone;List",
                "Hana Yusuf;UNHCR;IO;h.yusuf@unhcr.example;Dr.;Jordan;Arabic;co-chair;+962 6 000;reserve"));

        assertThat(sheet.ignoredColumns()).containsExactly("Phone");
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.person()).isEqualTo(new Participants.NewParticipant("Dr.", "Hana Yusuf", "UNHCR", "IO",
                    "h.yusuf@unhcr.example", "Jordan", "Arabic", "co-chair", true));
            assertThat(r.refusal()).isNull();
        });
    }

    @Test
    void shouldJoinFirstAndLastNameAndReadAReserveColumnOfMarks() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excelUtf8(
                "First name,Surname,Organisation,Category,Mail,Reserve",
                "Grace,Otieno,National refugee NGO,NGO,g.otieno@ngo.example,x",
                "Peter,Mwangi,IOM,IO,p.mwangi@iom.example,",
                "Erik,Holm,Ministry of Justice,GOV,e.holm@gov.example,maybe"));

        assertThat(sheet.rows()).extracting(r -> r.person().name(), r -> r.person().reserve(), ParticipantSpreadsheet.Row::refusal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Grace Otieno", true, null),
                        org.assertj.core.groups.Tuple.tuple("Peter Mwangi", false, null),
                        org.assertj.core.groups.Tuple.tuple("Erik Holm", null,
                                "The reserve column says 'maybe': write yes for the reserve list, or leave it empty."));
    }

    @Test
    void shouldReadAListColumnAndRefuseAValueThatIsNeitherList() {
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(excelUtf8(
                "Name,Organisation,Category,E-mail,List",
                "A,O,GOV,a@x.org,Participant",
                "B,O,GOV,b@x.org,Reserve list",
                "C,O,GOV,c@x.org,",
                "D,O,GOV,d@x.org,later"));

        assertThat(sheet.rows()).extracting(r -> r.person().reserve()).containsExactly(false, true, false, null);
        assertThat(sheet.rows().get(3).refusal()).isEqualTo("The list 'later' is neither participant nor reserve.");
    }

    @Test
    void shouldRefuseAFileWithoutTheColumnsItNeedsNamingThoseFound() {
        assertThatThrownBy(() -> ParticipantSpreadsheet.read(excelUtf8("Name;Phone", "Amira;+962")))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors().get("file"))
                        .isEqualTo("The first row should name the columns, and it names no Organisation, no Category, "
                                + "no E-mail column (it has 'Name', 'Phone'). Name them e.g. "
                                + "Title;Name;Organisation;Category;E-mail;Country;Language;Role;List."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls", "pdf", "json", "binary", "empty", "blank"})
    void shouldRefuseWhatIsNoCsvAtAll(String kind) {
        byte[] bytes = switch (kind) {
            case "xlsx" -> new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0};
            case "xls" -> new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};
            case "pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            case "json" -> "[{\"name\": \"Amira\"}]".getBytes(StandardCharsets.UTF_8);
            case "binary" -> new byte[] {'N', 'a', 0, 0, 1, 2, 'e'};
            case "empty" -> new byte[0];
            default -> " \r\n;;;\r\n".getBytes(StandardCharsets.US_ASCII);
        };
        String expected = switch (kind) {
            case "xlsx" -> "The file is an Excel workbook (.xlsx)";
            case "xls" -> "The file is an old Excel workbook (.xls)";
            case "pdf" -> "The file is a PDF, not CSV";
            case "json" -> "The file is JSON, not CSV";
            case "binary" -> "The file holds binary data, not text";
            case "empty" -> "The file is empty";
            default -> "The file holds only blank rows";
        };

        assertThatThrownBy(() -> ParticipantSpreadsheet.read(bytes)).isInstanceOf(ChangeRefused.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldReadTheWordsPeopleWriteForACategory() {
        for (String government : List.of("GOV", "gov", "Government", "governments", "Senior government representatives")) {
            assertThat(ParticipantInput.category(government)).as(government).contains(org.convene.meeting.ParticipantCategory.GOV);
        }
        for (String io : List.of("IO", "International organisation", "international organizations", "International Organizations")) {
            assertThat(ParticipantInput.category(io)).as(io).contains(org.convene.meeting.ParticipantCategory.IO);
        }
        for (String reg : List.of("REG", "regional", "Regional body", "Regional bodies")) {
            assertThat(ParticipantInput.category(reg)).as(reg).contains(org.convene.meeting.ParticipantCategory.REG);
        }
        for (String ngo : List.of("NGO", "NGOs", "ngo", "Non-governmental organisation", "civil society")) {
            assertThat(ParticipantInput.category(ngo)).as(ngo).contains(org.convene.meeting.ParticipantCategory.NGO);
        }
        for (String aca : List.of("ACA", "academic", "Academics", "Academics and independent experts",
                "Academics / independent experts", "independent expert")) {
            assertThat(ParticipantInput.category(aca)).as(aca).contains(org.convene.meeting.ParticipantCategory.ACA);
        }
        assertThat(ParticipantInput.category("media")).isEmpty();
        assertThat(ParticipantInput.category("private sector")).isEmpty();
    }
}
