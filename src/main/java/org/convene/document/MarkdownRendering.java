package org.convene.document;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML, in one place for every page, form and export (CommonMark with GFM tables).
 *
 * <p>Drafts are typed by people, so HTML in them is text: the renderer escapes raw HTML
 * ({@code escapeHtml}), drops {@code javascript:} and other unsafe link targets
 * ({@code sanitizeUrls}), and its output is well-formed XHTML (the PDF renderer parses it as XML).
 * A block whose first strong character is right to left (Arabic, Hebrew) is marked
 * {@code dir="rtl"}. Pages print the output with {@code th:utext="${@markdown.html(text)}"} — the
 * only {@code th:utext} the app allows.
 */
@Component("markdown")
public class MarkdownRendering {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> MarkdownRendering::direction)
            .build();

    /**
     * An HTML fragment (CommonMark + GFM tables) of the text; raw HTML in the text is escaped
     * (shown as text, never run).
     *
     * @param markdown the user's Markdown; null or blank gives ""
     * @return block elements ({@code <p>}, {@code <h2>}, {@code <ul>}, {@code <table>}, …), well-formed XHTML
     */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderer.render(parse(markdown));
    }

    /**
     * The Markdown made safe for a Camunda Form's text component. form-js renders the Markdown and
     * lets HTML through, so every {@code <} becomes {@code &lt;}: a tag a user typed shows as text,
     * and the Markdown (emphasis, lists, tables, links) still renders. Inside a code span the
     * entity shows as typed; drafts rarely hold code, and showing it is the safe side.
     *
     * @param markdown the user's Markdown; null gives ""
     */
    public String forForm(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.replace("<", "&lt;");
    }

    /** The parsed text, for the exports that walk the tree (DOCX). */
    Node parse(String markdown) {
        return parser.parse(markdown == null ? "" : markdown);
    }

    private static void direction(Node node, String tagName, Map<String, String> attributes) {
        boolean block = node instanceof Paragraph || node instanceof Heading || node instanceof ListItem
                || node instanceof BulletList || node instanceof OrderedList || node instanceof TableBlock
                || node instanceof TableCell;
        if (block && TextDirection.rightToLeft(TextDirection.text(node))) {
            attributes.put("dir", "rtl");
        }
    }
}
