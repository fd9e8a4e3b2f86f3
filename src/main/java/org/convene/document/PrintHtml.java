package org.convene.document;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.convene.document.PrintedDocument.Block;
import org.convene.document.PrintedDocument.Heading;
import org.convene.document.PrintedDocument.Markdown;
import org.convene.document.PrintedDocument.Paragraph;
import org.convene.document.PrintedDocument.Signature;
import org.convene.document.PrintedDocument.Signatures;
import org.convene.document.PrintedDocument.Table;

/**
 * A {@link PrintedDocument} as the XHTML the PDF renderer lays out (print/document.css): the
 * title block, the running header and footer, then the blocks. Plain texts are escaped, Markdown
 * goes through {@link MarkdownRendering}; right-to-left texts get {@code dir="rtl"}, Arabic runs
 * the Arabic font.
 */
final class PrintHtml {

    static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final MarkdownRendering markdown;
    private final String css;

    PrintHtml(MarkdownRendering markdown, String css) {
        this.markdown = markdown;
        this.css = css;
    }

    String html(PrintedDocument document) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>")
                .append("<title>").append(XmlText.escape(document.title())).append("</title>")
                .append("<style>\n").append(css).append("\n</style></head><body>\n");
        html.append("<div class=\"running-header\">").append(text(document.title())).append("</div>\n");
        html.append("<div class=\"running-footer\">").append(text(document.footer())).append("</div>\n");
        html.append("<div class=\"title-block\">").append(element("h1", document.title(), ""));
        document.subtitle().forEach(line -> html.append(element("p", line, "")));
        html.append("</div>\n");
        document.blocks().forEach(block -> html.append(block(block)).append('\n'));
        return html.append("</body></html>\n").toString();
    }

    private String block(Block block) {
        if (block instanceof Heading heading) {
            return element("h" + heading.level(), heading.text(), "");
        } else if (block instanceof Markdown text) {
            return XmlText.markArabic(markdown.html(XmlText.legal(text.text())));
        } else if (block instanceof Paragraph paragraph) {
            return element("p", paragraph.text(), classes(paragraph));
        } else if (block instanceof Table table) {
            return table(table.header(), table.rows(), table.columns());
        }
        return signatures(((Signatures) block).signatures());
    }

    /** One row per signature, its SHA-256 on a full-width row under it (64 characters do not fit a column). */
    private String signatures(List<Signature> signatures) {
        StringBuilder html = new StringBuilder("<div class=\"signatures\">").append(element("h2", "Signatures", ""))
                .append("<table><thead>").append(row("th", List.of("Signed by", "Signed at", "Version"), 3))
                .append("</thead><tbody>");
        for (Signature signature : signatures) {
            html.append(row("td", List.of(signature.name() + " (" + signature.userId() + ")",
                    signature.signedAt().withOffsetSameInstant(ZoneOffset.UTC).format(SIGNED_AT),
                    String.valueOf(signature.version())), 3));
            html.append("<tr><td colspan=\"3\" class=\"sha\">SHA-256 of the text signed: ")
                    .append(text(signature.sha256())).append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    private String table(List<String> header, List<List<String>> rows, int columns) {
        StringBuilder html = new StringBuilder("<table>");
        if (!header.isEmpty()) {
            html.append("<thead>").append(row("th", header, columns)).append("</thead>");
        }
        html.append("<tbody>");
        rows.forEach(row -> html.append(row("td", row, columns)));
        return html.append("</tbody></table>").toString();
    }

    private static String row(String cell, List<String> cells, int columns) {
        StringBuilder html = new StringBuilder("<tr>");
        for (int i = 0; i < columns; i++) {
            html.append(element(cell, i < cells.size() ? cells.get(i) : "", ""));
        }
        return html.append("</tr>").toString();
    }

    private static String classes(Paragraph paragraph) {
        return String.join(" ", paragraph.bold() ? "bold" : "", paragraph.italic() ? "italic" : "",
                paragraph.align() == PrintedDocument.Align.END ? "end" : "").strip().replaceAll(" +", " ");
    }

    /** An element of plain text: escaped, Arabic marked, right to left when its text is. */
    private static String element(String name, String text, String cssClass) {
        StringBuilder html = new StringBuilder("<").append(name);
        if (!cssClass.isEmpty()) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        if (TextDirection.rightToLeft(text)) {
            html.append(" dir=\"rtl\"");
        }
        return html.append('>').append(text(text)).append("</").append(name).append('>').toString();
    }

    private static String text(String text) {
        return XmlText.markArabic(XmlText.escape(text));
    }
}
