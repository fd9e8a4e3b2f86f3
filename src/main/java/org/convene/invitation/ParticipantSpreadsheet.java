package org.convene.invitation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.convene.workflow.ChangeRefused;

/**
 * Reads a participant list from a CSV file as Excel and LibreOffice save it, into one
 * {@link Participants.NewParticipant} per row, numbered as the spreadsheet shows its rows
 * (the header is row 1). No library detects Excel's choices, so this does:
 * <ul>
 * <li>the charset: a byte-order mark names it (UTF-8, or UTF-16 as Excel's "Unicode text"); without
 *     one, strict UTF-8 (malformed input reported, not replaced), else Windows-1252 (Excel's "CSV"
 *     in Western Europe and the Americas);</li>
 * <li>the separator: {@code ,} {@code ;} or tab, whichever the header line holds most often
 *     outside quotes;</li>
 * <li>the columns, by the header's names compared loosely (case, accents, spaces and signs
 *     ignored): Name or Full name (or First name + Last name), E-mail / Email / Mail,
 *     Organisation / Organization, Category / Type, Title, Country, Language, Role, and List
 *     ({@code participant} or {@code reserve}) or Reserve ({@code yes} / {@code no}). Other columns
 *     are left out and named.</li>
 * </ul>
 * Quoted cells may hold separators, quotes and line breaks (the row keeps the number of the line
 * it starts on in the spreadsheet); blank rows are skipped but counted. Nothing here checks the
 * values themselves: {@link Participants} does, as for a person typing them.
 */
final class ParticipantSpreadsheet {

    /** More rows than a meeting's list ever has: a file beyond it is refused whole. */
    static final int MAX_ROWS = 5000;

    /** A column the import reads. */
    enum Column {
        NAME("name", "full name", "participant", "participant name", "name of participant", "names", "nom", "nombre"),
        FIRST_NAME("first name", "given name", "forename", "prenom"),
        LAST_NAME("last name", "surname", "family name", "nom de famille", "apellido"),
        EMAIL("e-mail", "email", "mail", "e-mail address", "email address", "mail address", "courriel", "correo"),
        ORGANISATION("organisation", "organization", "org", "institution", "affiliation", "agency", "entity",
                "organisme", "organizacion"),
        CATEGORY("category", "type", "categorie", "participant category", "categoria"),
        TITLE("title", "salutation", "honorific", "civilite"),
        COUNTRY("country", "pays", "pais"),
        LANGUAGE("language", "languages", "lang", "preferred language", "working language", "langue", "idioma"),
        ROLE("role", "role at meeting", "role at the meeting", "meeting role", "function"),
        LIST("list", "on list", "list type", "participant or reserve"),
        RESERVE("reserve", "reserve list", "on reserve", "reserves");

        private final Set<String> names;

        Column(String... names) {
            this.names = java.util.Arrays.stream(names).map(ParticipantInput::key).collect(Collectors.toSet());
        }

        static Column of(String header) {
            String key = ParticipantInput.key(header);
            for (Column column : values()) {
                if (column.names.contains(key)) {
                    return column;
                }
            }
            return null;
        }
    }

    /**
     * One row of the spreadsheet with something in it: its number as the spreadsheet shows it,
     * the participant it describes, and why it cannot be taken before any check of its values
     * ({@code refusal}, e.g. a List cell that is neither participant nor reserve; null when none).
     */
    record Row(long number, Participants.NewParticipant person, String refusal) {
    }

    /**
     * What was read: the charset and separator found, the header's columns that were left out
     * (as written), and the rows with something in them, in order.
     */
    record Sheet(Charset charset, char separator, List<String> ignoredColumns, List<Row> rows) {
    }

    private ParticipantSpreadsheet() {
    }

    /**
     * @throws ChangeRefused keyed {@code file}, saying why, when the bytes are no CSV at all (empty,
     *         a workbook, a PDF, binary data, JSON) or its first row names no usable columns
     */
    static Sheet read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw unreadable("The file is empty: export the participant list from the spreadsheet as CSV.");
        }
        notBinary(bytes);
        Decoded decoded = decode(bytes);
        String text = decoded.text();
        if (text.indexOf('\0') >= 0) {
            throw unreadable("The file holds binary data, not text: save the spreadsheet as CSV (File › Save As › CSV).");
        }
        String start = ParticipantInput.strip(text);
        if (start == null) {
            throw unreadable("The file holds no rows: the first row should name the columns, e.g. "
                    + "Name;Organisation;Category;E-mail.");
        }
        if (start.startsWith("{") || start.startsWith("[") || start.startsWith("<")) {
            throw unreadable("The file is " + (start.startsWith("<") ? "HTML or XML" : "JSON") + ", not CSV: "
                    + "save the spreadsheet as CSV (File › Save As › CSV), one participant per row.");
        }
        char separator = separator(text);
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                    .setLenientEof(true).setTrailingData(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable("The file cannot be read as CSV: " + e.getMessage());
        }
        int headerIndex = 0;
        while (headerIndex < records.size() && blank(records.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == records.size()) {
            throw unreadable("The file holds only blank rows: the first row should name the columns, e.g. "
                    + "Name;Organisation;Category;E-mail.");
        }
        if (records.size() - headerIndex > MAX_ROWS + 1) {
            throw unreadable("The file has " + (records.size() - headerIndex - 1) + " rows; at most " + MAX_ROWS
                    + " are read at once.");
        }
        CSVRecord header = records.get(headerIndex);
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = Column.of(header.get(i));
            if (column != null && !columns.containsKey(column)) {
                columns.put(column, i);
            } else if (ParticipantInput.strip(header.get(i)) != null) {
                ignored.add(ParticipantInput.strip(header.get(i)));
            }
        }
        requireColumns(header, columns);
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(headerIndex + 1, records.size())) {
            if (!blank(record)) {
                rows.add(row(record, columns));
            }
        }
        return new Sheet(decoded.charset(), separator, ignored, rows);
    }

    private static Row row(CSVRecord record, Map<Column, Integer> columns) {
        String name = cell(record, columns, Column.NAME);
        if (name == null) {
            String first = cell(record, columns, Column.FIRST_NAME);
            String last = cell(record, columns, Column.LAST_NAME);
            name = first == null ? last : last == null ? first : first + " " + last;
        }
        String refusal = null;
        Boolean reserve = Boolean.FALSE;
        if (columns.containsKey(Column.LIST)) {
            String list = cell(record, columns, Column.LIST);
            reserve = listValue(list);
            if (reserve == null) {
                refusal = "The list '" + list + "' is neither participant nor reserve.";
            }
        } else if (columns.containsKey(Column.RESERVE)) {
            String mark = cell(record, columns, Column.RESERVE);
            reserve = reserveMark(mark);
            if (reserve == null) {
                refusal = "The reserve column says '" + mark + "': write yes for the reserve list, or leave it empty.";
            }
        }
        return new Row(record.getRecordNumber(), new Participants.NewParticipant(
                cell(record, columns, Column.TITLE), name, cell(record, columns, Column.ORGANISATION),
                cell(record, columns, Column.CATEGORY), cell(record, columns, Column.EMAIL),
                cell(record, columns, Column.COUNTRY), cell(record, columns, Column.LANGUAGE),
                cell(record, columns, Column.ROLE), reserve), refusal);
    }

    /** {@code participant} (or list, main, blank) → false, {@code reserve} (or reserve list, waiting list) → true; else null. */
    static Boolean listValue(String text) {
        String key = ParticipantInput.key(text);
        if (Set.of("", "participant", "participants", "participantlist", "list", "main", "mainlist", "invitee",
                "invitees").contains(key)) {
            return false;
        }
        if (Set.of("reserve", "reserves", "reservelist", "waitinglist", "waiting", "backup").contains(key)) {
            return true;
        }
        return null;
    }

    /** A Reserve column's mark: yes, y, x, true, 1, reserve → true; no, n, false, 0, blank → false; else null. */
    static Boolean reserveMark(String text) {
        String key = ParticipantInput.key(text);
        if (Set.of("yes", "y", "x", "true", "1", "reserve", "oui", "si").contains(key)) {
            return true;
        }
        if (Set.of("", "no", "n", "false", "0", "non", "participant").contains(key)) {
            return false;
        }
        return null;
    }

    private static void requireColumns(CSVRecord header, Map<Column, Integer> columns) {
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Column.NAME) && !columns.containsKey(Column.FIRST_NAME) && !columns.containsKey(Column.LAST_NAME)) {
            missing.add("Name");
        }
        if (!columns.containsKey(Column.ORGANISATION)) {
            missing.add("Organisation");
        }
        if (!columns.containsKey(Column.CATEGORY)) {
            missing.add("Category");
        }
        if (!columns.containsKey(Column.EMAIL)) {
            missing.add("E-mail");
        }
        if (!missing.isEmpty()) {
            String found = header.stream().map(ParticipantInput::strip).filter(h -> h != null)
                    .map(h -> "'" + h + "'").collect(Collectors.joining(", "));
            throw unreadable("The first row should name the columns, and it names no " + String.join(", no ", missing)
                    + " column" + (found.isEmpty() ? "" : " (it has " + found + ")")
                    + ". Name them e.g. Title;Name;Organisation;Category;E-mail;Country;Language;Role;List.");
        }
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : ParticipantInput.strip(record.get(index));
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(value -> ParticipantInput.strip(value) == null);
    }

    /** The separator the header line holds most often outside quotes ({@code ,} when it holds none). */
    static char separator(String text) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (char c : new char[] {';', ',', '\t'}) {
            counts.put(c, 0);
        }
        boolean quoted = false;
        boolean seenText = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenText) {
                    break; // the end of the header line (blank lines before it are skipped)
                }
            } else if (!quoted && counts.containsKey(c)) {
                counts.merge(c, 1, Integer::sum);
                seenText = true;
            } else if (!Character.isWhitespace(c)) {
                seenText = true;
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(',');
    }

    record Decoded(String text, Charset charset) {
    }

    /** The text without its byte-order mark, in the charset the mark names, else UTF-8 if it is valid, else Windows-1252. */
    static Decoded decode(byte[] bytes) {
        try (BOMInputStream in = BOMInputStream.builder().setByteArray(bytes)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get()) {
            ByteOrderMark bom = in.getBOM();
            byte[] content = in.readAllBytes();
            if (bom != null) {
                Charset charset = Charset.forName(bom.getCharsetName());
                return new Decoded(new String(content, charset), charset);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
                return new Decoded(text, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notUtf8) {
                Charset windows1252 = Charset.forName("windows-1252");
                return new Decoded(new String(content, windows1252), windows1252);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void notBinary(byte[] bytes) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw unreadable("The file is an Excel workbook (.xlsx) or another zip file, not CSV: in the spreadsheet, "
                    + "choose File › Save As › CSV and upload that file.");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw unreadable("The file is an old Excel workbook (.xls), not CSV: in the spreadsheet, "
                    + "choose File › Save As › CSV and upload that file.");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw unreadable("The file is a PDF, not CSV: export the participant list from the spreadsheet as CSV.");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ChangeRefused unreadable(String message) {
        return new ChangeRefused("file", message);
    }
}
