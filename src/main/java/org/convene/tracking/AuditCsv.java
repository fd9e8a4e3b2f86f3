package org.convene.tracking;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A meeting's audit trail as CSV (RFC 4180): a header, then one row per entry in the order of
 * the page; every field quoted, quotes doubled, CRLF between rows, so that commas, quotes and
 * line breaks in comments stay inside their field. A field that a spreadsheet would take for a
 * formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
 * that opening the file never runs what someone typed into a comment (CSV injection).
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("when (UTC)", "who", "what", "subject", "decision", "comments", "source");

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER.stream());
        for (AuditEntry e : entries) {
            row(csv, Stream.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.when()), e.who(), e.what(), e.subject(),
                    e.decision(), e.comments(), e.source()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Stream<String> fields) {
        csv.append(fields.map(AuditCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
