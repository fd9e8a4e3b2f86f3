package org.convene.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document laid out for print: the one input of the PDF and DOCX exports
 * ({@link DocumentExports}). All texts are plain (printed as typed, HTML included) unless in a
 * {@link Markdown} block. Any text — paragraph, cell, heading, Markdown paragraph — whose first
 * strong character is right to left prints right to left.
 *
 * @param title    the document's title, printed large at the top and in the header of later pages
 * @param subtitle lines under the title (dates, version, status); may be empty
 * @param blocks   the body, in order
 * @param footer   a line printed in every page's footer beside the page number; null or blank for none
 */
public record PrintedDocument(String title, List<String> subtitle, List<Block> blocks, String footer) {

    public PrintedDocument {
        subtitle = subtitle == null ? List.of() : List.copyOf(subtitle);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** One piece of the body. */
    public sealed interface Block permits Heading, Markdown, Paragraph, Table, Signatures {
    }

    /** A heading of level 1–3 (1 the largest). */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 3) {
                throw new IllegalArgumentException("A heading's level is 1, 2 or 3, not " + level);
            }
        }
    }

    /** A user's Markdown text (paragraphs, emphasis, lists, GFM tables, links); raw HTML shown as text. */
    public record Markdown(String text) implements Block {
    }

    /** Where a paragraph sits on its line: START is left in a left-to-right text, right in a right-to-left one. */
    public enum Align { START, END }

    /** A plain paragraph, e.g. the convener's line and date at the end of a concept note. */
    public record Paragraph(String text, boolean bold, boolean italic, Align align) implements Block {
        public Paragraph {
            align = align == null ? Align.START : align;
        }

        /** A paragraph of plain text, not bold, not italic, at the start of the line. */
        public Paragraph(String text) {
            this(text, false, false, Align.START);
        }
    }

    /** A table; header may be empty; each row as many cells as the header (or as the widest row; short rows are padded). */
    public record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = header == null ? List.of() : List.copyOf(header);
            rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        }

        /** The number of columns: the header's, or the widest row's. */
        public int columns() {
            return Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        }
    }

    /** The signatures of a signed version, in the order they were made. */
    public record Signatures(List<Signature> signatures) implements Block {
        public Signatures {
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }
    }

    /** Who signed (user id and name), when (UTC), which version, SHA-256 of the content signed (64 hex chars). */
    public record Signature(String userId, String name, OffsetDateTime signedAt, int version, String sha256) {
    }
}
