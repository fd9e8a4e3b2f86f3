package org.convene.invitation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.meeting.Meetings;
import org.convene.workflow.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /meetings/{code}/participants.csv}: the participant list and the reserve list as a
 * CSV file that Excel opens as it is: UTF-8 with a byte-order mark (without one Excel reads
 * Windows-1252 and garbles "Renée"), comma-separated, CRLF, quoted where needed (Commons CSV).
 * The columns are those the import reads back ({@link ParticipantSpreadsheet}), then the
 * invitation's status, which the import leaves out. A cell that a spreadsheet would take for a
 * formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
 * opening the file never runs what someone typed (CSV injection).
 */
@Controller
class ParticipantCsv {

    static final List<String> HEADER = List.of("Title", "Name", "Organisation", "Category", "E-mail", "Country",
            "Language", "Role", "List", "Invitation");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Meetings meetings;
    private final Participants participants;

    ParticipantCsv(Meetings meetings, Participants participants) {
        this.meetings = meetings;
        this.participants = participants;
    }

    @GetMapping("/meetings/{code}/participants.csv")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        meetings.get(code);
        return Downloads.attachment("participants-" + code + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                csv(participants.list(code)));
    }

    /** The file's bytes: the byte-order mark, the header, one row per participant (the list, then the reserve). */
    static byte[] csv(List<Participants.Participant> people) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(UTF8_BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            printer.printRecord(HEADER);
            for (Participants.Participant p : people) {
                printer.printRecord(safe(p.title() == null ? "" : p.title().label()), safe(p.name()),
                        safe(p.organisation()), p.category().label(), safe(p.email()), safe(p.country()),
                        safe(p.language()), p.role().label(), p.reserve() ? "reserve" : "participant",
                        p.invitationStatus() == null ? "not invited" : p.invitationStatus().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
