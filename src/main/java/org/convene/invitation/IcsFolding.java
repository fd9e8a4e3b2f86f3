package org.convene.invitation;

/**
 * Folds iCalendar content lines at 75 octets of UTF-8, as RFC 5545 §3.1 says, without ever cutting a
 * character's bytes apart. iCal4j's {@code FoldingWriter} counts chars (UTF-16 code units), not
 * octets: a line of Arabic or accented text it folds at 73 chars may be twice as long on the wire,
 * and Outlook and Gmail refuse or garble such lines. So the calendar is written unfolded
 * ({@code Calendar.toString()}) and folded here.
 */
final class IcsFolding {

    /** The longest line RFC 5545 allows, in octets, without the CRLF. */
    static final int LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsFolding() {
    }

    /**
     * The text with every content line folded: a line longer than 75 octets is broken before the
     * character that would pass 75, and each continuation line starts with one space (which counts
     * toward its 75). Lines end with CRLF; a trailing line break is kept.
     *
     * @param unfolded content lines separated by CRLF (a lone LF is taken as a line break too)
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        String[] lines = unfolded.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            foldLine(lines[i], out);
            out.append(CRLF);
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int at = 0; at < line.length(); ) {
            int codePoint = line.codePointAt(at);
            int size = utf8Octets(codePoint);
            if (octets + size > LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            at += Character.charCount(codePoint);
        }
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint < 0x10000) {
            return Character.isSurrogate((char) codePoint) ? 1 : 3; // a lone surrogate is written as '?'
        }
        return 4;
    }
}
