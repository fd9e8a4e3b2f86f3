package org.convene.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made fit for XML (the PDF renderer parses XHTML; a DOCX is XML). Text pasted from a word
 * processor can carry characters XML 1.0 forbids (control characters such as U+0001, U+FFFE, a
 * lone surrogate): they are removed, since one of them makes the whole file unreadable.
 */
final class XmlText {

    /** Runs of Arabic script, spaces between Arabic words included (printed with Noto Naskh Arabic). */
    private static final Pattern ARABIC = Pattern.compile(
            "[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]+"
                    + "(?:[ \\u00A0\\u200C\\u200D]+[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]+)*");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private XmlText() {
    }

    /** The text without the characters XML 1.0 forbids; null gives "". */
    static String legal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder legal = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(legal::appendCodePoint);
        return legal.toString();
    }

    /** Plain text escaped for XHTML (element content or a quoted attribute), forbidden characters removed. */
    static String escape(String text) {
        String legal = legal(text);
        StringBuilder escaped = new StringBuilder(legal.length() + 16);
        for (int i = 0; i < legal.length(); i++) {
            char c = legal.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Well-formed XHTML with every run of Arabic script in its text (never in a tag or attribute)
     * wrapped in {@code <span class="ar">}, so the PDF prints it with the Arabic font: DejaVu
     * Sans, printed first for Latin text, has Arabic letters too, but plainer ones.
     */
    static String markArabic(String xhtml) {
        StringBuilder marked = new StringBuilder(xhtml.length() + 32);
        Matcher tags = TAG.matcher(xhtml);
        int at = 0;
        while (tags.find()) {
            markArabic(xhtml.substring(at, tags.start()), marked);
            marked.append(tags.group());
            at = tags.end();
        }
        markArabic(xhtml.substring(at), marked);
        return marked.toString();
    }

    private static void markArabic(String text, StringBuilder marked) {
        marked.append(ARABIC.matcher(text).replaceAll("<span class=\"ar\">$0</span>"));
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
