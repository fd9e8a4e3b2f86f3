package org.convene.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * A {@link PrintedDocument} as a Word document (Apache POI): A4 with the PDF's margins, the
 * title block, Word's own heading, title and list styles (so the outline and numbering work in
 * Word), the title in the page header, the footer line and "Page n of m" in the footer. Markdown
 * blocks are walked as CommonMark's tree — headings, paragraphs with bold, italic, code and links,
 * bullet and numbered lists, GFM tables, quotes, code blocks; raw HTML is kept as text. Every
 * text loses the characters XML forbids; right-to-left paragraphs are marked bidi and their runs
 * rtl. Fonts are named, not embedded: DejaVu Sans for Latin, Noto Naskh Arabic for Arabic
 * (Word's complex-script font); a reader without them gets Word's substitutes.
 */
final class DocxWriter {

    private static final String LATIN_FONT = "DejaVu Sans";
    private static final String ARABIC_FONT = "Noto Naskh Arabic";
    private static final String CODE_FONT = "DejaVu Sans Mono";
    /** A4 in twentieths of a point, and the text width inside 20 mm margins. */
    private static final int A4_WIDTH = 11906;
    private static final int A4_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    private static final int INDENT = 360;

    private final MarkdownRendering markdown;

    DocxWriter(MarkdownRendering markdown) {
        this.markdown = markdown;
    }

    byte[] write(PrintedDocument document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Sheet(docx).write(document);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX of " + document.title(), e);
        }
    }

    /** Inline formatting carried down the Markdown tree. */
    private record Look(boolean bold, boolean italic, boolean code) {
        static final Look PLAIN = new Look(false, false, false);
    }

    /** Where blocks go: inside a list (its numbering and level) or not, and how far indented. */
    private record Place(BigInteger numId, int level, int indent) {
        static final Place BODY = new Place(null, -1, 0);
    }

    /** One document being written: the POI document and its numbering. */
    private final class Sheet {

        private final XWPFDocument docx;
        private XWPFNumbering numbering;
        private BigInteger bulletAbstract;
        private BigInteger decimalAbstract;
        private BigInteger bullets;

        Sheet(XWPFDocument docx) {
            this.docx = docx;
        }

        void write(PrintedDocument document) {
            styles();
            docx.getProperties().getCoreProperties().setTitle(XmlText.legal(document.title()));
            headerAndFooter(document);
            page();
            plain(docx.createParagraph(), "Title", document.title(), Look.PLAIN);
            document.subtitle().forEach(line -> plain(docx.createParagraph(), "Subtitle", line, Look.PLAIN));
            for (PrintedDocument.Block block : document.blocks()) {
                block(block);
            }
        }

        private void block(PrintedDocument.Block block) {
            if (block instanceof PrintedDocument.Heading heading) {
                plain(docx.createParagraph(), "Heading" + heading.level(), heading.text(), Look.PLAIN);
            } else if (block instanceof PrintedDocument.Markdown text) {
                blocks(markdown.parse(XmlText.legal(text.text())), Place.BODY);
            } else if (block instanceof PrintedDocument.Paragraph paragraph) {
                XWPFParagraph p = plain(docx.createParagraph(), null, paragraph.text(),
                        new Look(paragraph.bold(), paragraph.italic(), false));
                if (paragraph.align() == PrintedDocument.Align.END) {
                    // In a bidi paragraph Word reads "right" as the trailing edge, i.e. the left.
                    p.setAlignment(ParagraphAlignment.RIGHT);
                }
            } else if (block instanceof PrintedDocument.Table table) {
                table(table.header(), table.rows(), table.columns());
            } else if (block instanceof PrintedDocument.Signatures signatures) {
                plain(docx.createParagraph(), "Heading2", "Signatures", Look.PLAIN);
                table(List.of("Signed by", "Signed at", "Version", "SHA-256 of the text signed"),
                        signatures.signatures().stream().map(signature -> List.of(
                                signature.name() + " (" + signature.userId() + ")",
                                signature.signedAt().withOffsetSameInstant(ZoneOffset.UTC).format(PrintHtml.SIGNED_AT),
                                String.valueOf(signature.version()), signature.sha256())).toList(), 4);
            }
        }

        // --- Markdown blocks ---

        private void blocks(Node parent, Place place) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Heading heading) {
                    inlines(heading, paragraph("Heading" + Math.min(heading.getLevel(), 3), heading, place));
                } else if (node instanceof Paragraph) {
                    inlines(node, paragraph(null, node, place));
                } else if (node instanceof BulletList) {
                    items(node, new Place(bullets(), place.level() + 1, place.indent()));
                } else if (node instanceof OrderedList list) {
                    Integer start = list.getMarkerStartNumber();
                    items(node, new Place(numbered(start == null ? 1 : start), place.level() + 1, place.indent()));
                } else if (node instanceof BlockQuote) {
                    blocks(node, new Place(null, place.level(), place.indent() + 2 * INDENT));
                } else if (node instanceof FencedCodeBlock code) {
                    code(code.getLiteral(), place);
                } else if (node instanceof IndentedCodeBlock code) {
                    code(code.getLiteral(), place);
                } else if (node instanceof HtmlBlock html) {
                    run(paragraph(null, html, place), html.getLiteral().strip(), Look.PLAIN);
                } else if (node instanceof ThematicBreak) {
                    paragraph(null, node, place).setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
                } else if (node instanceof TableBlock table) {
                    table(table);
                }
            }
        }

        private void items(Node list, Place place) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    blocks(item, place);
                }
            }
        }

        /**
         * A paragraph for a Markdown block: its style, bidi when its text is right to left, and
         * in a list the numbering (first block of an item) or the item's indent (later blocks).
         */
        private XWPFParagraph paragraph(String style, Node node, Place place) {
            XWPFParagraph p = docx.createParagraph();
            if (style != null) {
                p.setStyle(style);
            }
            if (place.numId() != null && node.getPrevious() == null && node.getParent() instanceof ListItem) {
                p.setNumID(place.numId());
                p.setNumILvl(BigInteger.valueOf(Math.min(place.level(), 2)));
            } else if (indent(place) > 0) {
                p.setIndentationLeft(indent(place));
            }
            bidi(p, TextDirection.rightToLeft(TextDirection.text(node)));
            return p;
        }

        /** The left indent of a block in a list item (after the first) or a quote, in twips. */
        private static int indent(Place place) {
            return place.indent() + (place.level() + 1) * 2 * INDENT;
        }

        private void code(String literal, Place place) {
            XWPFParagraph p = docx.createParagraph();
            if (indent(place) > 0) {
                p.setIndentationLeft(indent(place));
            }
            String[] lines = literal.stripTrailing().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                XWPFRun run = run(p, lines[i], new Look(false, false, true));
                if (i < lines.length - 1) {
                    run.addBreak();
                }
            }
        }

        private void inlines(Node parent, XWPFParagraph p) {
            inlines(parent, p, Look.PLAIN);
        }

        private void inlines(Node parent, XWPFParagraph p, Look look) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Text text) {
                    run(p, text.getLiteral(), look);
                } else if (node instanceof Code code) {
                    run(p, code.getLiteral(), new Look(look.bold(), look.italic(), true));
                } else if (node instanceof Emphasis) {
                    inlines(node, p, new Look(look.bold(), true, look.code()));
                } else if (node instanceof StrongEmphasis) {
                    inlines(node, p, new Look(true, look.italic(), look.code()));
                } else if (node instanceof Link link) {
                    link(p, link, look);
                } else if (node instanceof Image image) {
                    run(p, "[" + TextDirection.text(image) + "]", new Look(look.bold(), true, false));
                } else if (node instanceof SoftLineBreak) {
                    run(p, " ", look);
                } else if (node instanceof HardLineBreak) {
                    run(p, "", look).addBreak();
                } else if (node instanceof HtmlInline html) {
                    run(p, html.getLiteral(), look);
                } else {
                    inlines(node, p, look);
                }
            }
        }

        /** A link to a web or mail address becomes a hyperlink; any other target is left as its text. */
        private void link(XWPFParagraph p, Link link, Look look) {
            String text = TextDirection.text(link);
            String target = link.getDestination();
            if (!linkable(target)) {
                run(p, text, look);
                return;
            }
            XWPFHyperlinkRun run = p.createHyperlinkRun(target);
            format(run, text, look);
            run.setColor("1A4F8A");
            run.setUnderline(UnderlinePatterns.SINGLE);
        }

        private static boolean linkable(String target) {
            try {
                String scheme = URI.create(target).getScheme();
                return scheme != null && List.of("http", "https", "mailto").contains(scheme.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void table(TableBlock block) {
            List<List<String>> rows = new java.util.ArrayList<>();
            List<String> header = List.of();
            for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (row instanceof TableRow) {
                        List<String> cells = new java.util.ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            if (cell instanceof TableCell) {
                                cells.add(TextDirection.text(cell));
                            }
                        }
                        if (section instanceof TableHead) {
                            header = cells;
                        } else if (section instanceof TableBody) {
                            rows.add(cells);
                        }
                    }
                }
            }
            int columns = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
            table(header, rows, columns);
        }

        // --- plain blocks ---

        private void table(List<String> header, List<List<String>> rows, int columns) {
            if (columns == 0) {
                return;
            }
            int count = rows.size() + (header.isEmpty() ? 0 : 1);
            if (count == 0) {
                return;
            }
            XWPFTable table = docx.createTable(count, columns);
            table.setWidth("100%");
            int at = 0;
            if (!header.isEmpty()) {
                XWPFTableRow row = table.getRow(at++);
                row.setRepeatHeader(true);
                cells(row, header, columns, new Look(true, false, false));
            }
            for (List<String> cells : rows) {
                cells(table.getRow(at++), cells, columns, Look.PLAIN);
            }
            docx.createParagraph();
        }

        private void cells(XWPFTableRow row, List<String> texts, int columns, Look look) {
            for (int i = 0; i < columns; i++) {
                XWPFTableCell cell = row.getCell(i);
                plain(cell.getParagraphs().get(0), null, i < texts.size() ? texts.get(i) : "", look);
            }
        }

        private XWPFParagraph plain(XWPFParagraph p, String style, String text, Look look) {
            if (style != null) {
                p.setStyle(style);
            }
            String legal = XmlText.legal(text);
            bidi(p, TextDirection.rightToLeft(legal));
            run(p, legal, look);
            return p;
        }

        private XWPFRun run(XWPFParagraph p, String text, Look look) {
            XWPFRun run = p.createRun();
            format(run, text, look);
            return run;
        }

        private void format(XWPFRun run, String text, Look look) {
            run.setText(XmlText.legal(text));
            if (look.bold()) {
                run.setBold(true);
                rPr(run).addNewBCs();
            }
            if (look.italic()) {
                run.setItalic(true);
                rPr(run).addNewICs();
            }
            if (look.code()) {
                run.setFontFamily(CODE_FONT);
                run.setFontSize(9);
            }
            if (TextDirection.rightToLeft(text)) {
                rPr(run).addNewRtl();
            }
        }

        private static CTRPr rPr(XWPFRun run) {
            return run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        }

        private static void bidi(XWPFParagraph p, boolean rightToLeft) {
            if (rightToLeft) {
                CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
                pPr.addNewBidi();
            }
        }

        // --- numbering ---

        private BigInteger bullets() {
            if (bullets == null) {
                bullets = numbering().addNum(bulletAbstract);
            }
            return bullets;
        }

        /** Each numbered list counts from its own start. */
        private BigInteger numbered(int start) {
            BigInteger numId = numbering().addNum(decimalAbstract);
            CTNumLvl override = numbering.getNum(numId).getCTNum().addNewLvlOverride();
            override.setIlvl(BigInteger.ZERO);
            override.addNewStartOverride().setVal(BigInteger.valueOf(start));
            return numId;
        }

        private XWPFNumbering numbering() {
            if (numbering == null) {
                numbering = docx.createNumbering();
                bulletAbstract = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(1, STNumberFormat.BULLET)));
                decimalAbstract = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(2, STNumberFormat.DECIMAL)));
            }
            return numbering;
        }

        private static CTAbstractNum abstractNum(int id, STNumberFormat.Enum format) {
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.valueOf(id));
            for (int level = 0; level < 3; level++) {
                CTLvl lvl = abstractNum.addNewLvl();
                lvl.setIlvl(BigInteger.valueOf(level));
                lvl.addNewStart().setVal(BigInteger.ONE);
                lvl.addNewNumFmt().setVal(format);
                lvl.addNewLvlText().setVal(format == STNumberFormat.BULLET ? (level == 1 ? "–" : "•") : "%" + (level + 1) + ".");
                CTPPrGeneral pPr = lvl.addNewPPr();
                pPr.addNewInd().setLeft(BigInteger.valueOf((level + 1) * 2L * INDENT));
                pPr.getInd().setHanging(BigInteger.valueOf(INDENT));
            }
            return abstractNum;
        }

        // --- page, styles, header and footer ---

        private void styles() {
            XWPFStyles styles = docx.createStyles();
            CTFonts fonts = CTFonts.Factory.newInstance();
            fonts.setAscii(LATIN_FONT);
            fonts.setHAnsi(LATIN_FONT);
            fonts.setEastAsia(LATIN_FONT);
            fonts.setCs(ARABIC_FONT);
            styles.setDefaultFonts(fonts);
            style(styles, "Title", "Title", -1, 38, true, "1A1A1A");
            style(styles, "Subtitle", "Subtitle", -1, 20, false, "444444");
            style(styles, "Heading1", "heading 1", 0, 30, true, "1A1A1A");
            style(styles, "Heading2", "heading 2", 1, 25, true, "1A1A1A");
            style(styles, "Heading3", "heading 3", 2, 22, true, "1A1A1A");
        }

        private static void style(XWPFStyles styles, String id, String name, int outline, int halfPoints, boolean bold,
                                  String color) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(id);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal(name);
            style.addNewQFormat();
            CTPPrGeneral pPr = style.addNewPPr();
            pPr.addNewSpacing().setBefore(BigInteger.valueOf(outline >= 0 ? 240 : 0));
            pPr.getSpacing().setAfter(BigInteger.valueOf(120));
            if (outline >= 0) {
                pPr.addNewKeepNext();
                pPr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            }
            CTRPr rPr = style.addNewRPr();
            rPr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
            rPr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
            rPr.addNewColor().setVal(color);
            if (bold) {
                rPr.addNewB();
                rPr.addNewBCs();
            }
            styles.addStyle(new XWPFStyle(style, styles));
        }

        private void headerAndFooter(PrintedDocument document) {
            XWPFParagraph header = docx.createHeader(HeaderFooterType.DEFAULT).createParagraph();
            small(header, document.title());
            XWPFParagraph footer = docx.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            CTTabStop tab = footer.getCTP().addNewPPr().addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(A4_WIDTH - 2L * MARGIN));
            if (document.footer() != null && !document.footer().isBlank()) {
                small(footer, document.footer());
            }
            small(footer, "").addTab();
            small(footer, "Page ");
            field(footer, "PAGE");
            small(footer, " of ");
            field(footer, "NUMPAGES");
        }

        private XWPFRun small(XWPFParagraph p, String text) {
            XWPFRun run = run(p, text, Look.PLAIN);
            run.setFontSize(8);
            run.setColor("555555");
            return run;
        }

        private static void field(XWPFParagraph p, String instruction) {
            CTSimpleField field = p.getCTP().addNewFldSimple();
            field.setInstr(instruction + " \\* MERGEFORMAT");
            field.addNewR().addNewT().setStringValue("1");
        }

        private void page() {
            CTSectPr section = docx.getDocument().getBody().isSetSectPr()
                    ? docx.getDocument().getBody().getSectPr() : docx.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
            size.setW(BigInteger.valueOf(A4_WIDTH));
            size.setH(BigInteger.valueOf(A4_HEIGHT));
            CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
            margins.setTop(BigInteger.valueOf(MARGIN + 227));
            margins.setBottom(BigInteger.valueOf(MARGIN + 113));
            margins.setLeft(BigInteger.valueOf(MARGIN));
            margins.setRight(BigInteger.valueOf(MARGIN));
            margins.setHeader(BigInteger.valueOf(708));
            margins.setFooter(BigInteger.valueOf(708));
        }
    }
}
