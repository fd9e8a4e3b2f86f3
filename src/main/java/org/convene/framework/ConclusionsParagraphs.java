package org.convene.framework;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The draft summary conclusions cut into the parts a participant comments on, in the order of the
 * text: each top-level block (a paragraph, a table, a quotation) and each item of a top-level list is
 * one numbered paragraph; headings and rules are shown but take no comment. Cut by CommonMark's own
 * parser (the same grammar the document module renders with), by the source text of each block, so
 * that each part renders on its own as it does in the whole.
 */
final class ConclusionsParagraphs {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /**
     * One part of the draft.
     *
     * @param number   1 for the first part that takes a comment; 0 for a heading or a rule (no comment)
     * @param markdown the part's Markdown as written in the draft
     */
    record Paragraph(int number, String markdown) {

        /** Whether it takes a comment (a heading or a rule does not); public for the pages' templates. */
        public boolean commentable() {
            return number > 0;
        }
    }

    private ConclusionsParagraphs() {
    }

    /** The parts of the draft in order; empty for a null or blank text. */
    static List<Paragraph> of(String markdown) {
        List<Paragraph> parts = new ArrayList<>();
        if (markdown == null || markdown.isBlank()) {
            return parts;
        }
        String text = markdown.replace("\r\n", "\n");
        int number = 0;
        for (Node block = PARSER.parse(text).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof ListBlock) {
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    parts.add(new Paragraph(++number, source(text, item)));
                }
            } else if (block instanceof Heading || block instanceof ThematicBreak) {
                parts.add(new Paragraph(0, source(text, block)));
            } else {
                parts.add(new Paragraph(++number, source(text, block)));
            }
        }
        return parts;
    }

    /** The commentable part with this number, if the draft has it. */
    static java.util.Optional<Paragraph> numbered(String markdown, int number) {
        return of(markdown).stream().filter(p -> p.number() == number && number > 0).findFirst();
    }

    private static String source(String text, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return text.substring(first.getInputIndex(), last.getInputIndex() + last.getLength());
    }
}
