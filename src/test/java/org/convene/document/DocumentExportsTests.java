package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.convene.document.PrintedDocument.Align;
import org.convene.document.PrintedDocument.Heading;
import org.convene.document.PrintedDocument.Markdown;
import org.convene.document.PrintedDocument.Paragraph;
import org.convene.document.PrintedDocument.Signature;
import org.convene.document.PrintedDocument.Signatures;
import org.convene.document.PrintedDocument.Table;
import org.junit.jupiter.api.Test;

class DocumentExportsTests {

    static final String ARABIC_NAME = "ليلى حداد";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final DocumentExports exports = new DocumentExports(new MarkdownRendering());

    static PrintedDocument sample() {
        return new PrintedDocument("Background paper",
                List.of("Expert meeting EM-2011-AMMAN", "Version 2 · signed off"),
                List.of(new Heading(1, "1. Background"),
                        new Markdown("Prepared by **Dr Renée Müller** with *" + ARABIC_NAME + "*, held on 27<sup>th</sup> June.\n\n"
                                + "- triggers for collective response\n- forms of support\n\n"
                                + "| Working group | Chair |\n|---|---|\n| WG1 | Dr Renée Müller |\n| WG2 | " + ARABIC_NAME + " |\n"),
                        new Heading(2, "2. Objectives"),
                        new Markdown("تهدف هذه الورقة إلى دعم " + ARABIC_NAME + " في عملها."),
                        new Table(List.of("Participant", "Category"), List.of(List.of(ARABIC_NAME, "Government"),
                                List.of("Dr Renée Müller"))),
                        new Paragraph("Convener: UNHCR, Amman", false, true, Align.END),
                        new Signatures(List.of(new Signature("ravi", "Ravi Menon",
                                OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.UTC), 2, SHA)))),
                "EM-2011-AMMAN · Background paper, version 2");
    }

    @Test
    void shouldPrintAPdfThatReadsBackInOrder() throws IOException {
        byte[] pdf = exports.pdf(sample());
        keep("sample.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = text(document);
            assertThat(text).containsSubsequence("Background paper", "Version 2 · signed off", "1. Background",
                    "Dr Renée Müller", ARABIC_NAME, "27<sup>th</sup> June", "2. Objectives", ARABIC_NAME,
                    "Convener: UNHCR, Amman", "Signatures", "Ravi Menon", "2026-12-01 09:30");
            assertThat(text.replaceAll("\\s", "")).contains("RaviMenon(ravi)", SHA);
            assertThat(text).contains("Page 1 of " + document.getNumberOfPages());
            List<String> fonts = new ArrayList<>();
            for (PDPage each : document.getPages()) {
                for (var name : each.getResources().getFontNames()) {
                    fonts.add(each.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).anyMatch(font -> font.contains("DejaVuSans")).anyMatch(font -> font.contains("NotoNaskhArabic"));
        }
    }

    @Test
    void shouldWriteADocxThatReadsBackWithBidiParagraphs() throws IOException {
        byte[] docx = exports.docx(sample());
        keep("sample.docx", docx);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).containsSubsequence("Background paper", "Version 2 · signed off",
                    "1. Background", "Dr Renée Müller", ARABIC_NAME, "27<sup>th</sup> June", "2. Objectives", ARABIC_NAME,
                    "Convener: UNHCR, Amman", "Signatures", "Ravi Menon (ravi)", "2026-12-01 09:30 UTC", SHA);
            XWPFParagraph arabic = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("تهدف")).findFirst().orElseThrow();
            assertThat(arabic.getCTP().getPPr().isSetBidi()).isTrue();
            XWPFParagraph latin = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("Prepared by")).findFirst().orElseThrow();
            assertThat(latin.getCTP().isSetPPr() && latin.getCTP().getPPr().isSetBidi()).isFalse();
            assertThat(document.getParagraphs()).filteredOn(p -> p.getNumID() != null).extracting(XWPFParagraph::getText)
                    .containsExactly("triggers for collective response", "forms of support");
            assertThat(document.getTables()).hasSize(3);
            assertThat(document.getTables().get(0).getRow(2).getCell(1).getText()).isEqualTo(ARABIC_NAME);
            assertThat(document.getParagraphs().get(0).getStyle()).isEqualTo("Title");
            assertThat(document.getParagraphs()).filteredOn(p -> "Heading1".equals(p.getStyle()))
                    .extracting(XWPFParagraph::getText).containsExactly("1. Background");
        }
    }

    @Test
    void shouldNumberEveryPageAndRepeatTheTitleAfterTheFirst() throws IOException {
        String paragraph = "The meeting will discuss international cooperation to share burdens and responsibilities. ";
        PrintedDocument longer = new PrintedDocument("Summary conclusions", List.of("Amman, 27–28 June"),
                java.util.stream.IntStream.rangeClosed(1, 12).<PrintedDocument.Block>mapToObj(
                        n -> new Markdown("## Finding " + n + "\n\n" + paragraph.repeat(8))).toList(), "EM-2011-AMMAN");
        byte[] pdf = exports.pdf(longer);
        keep("long.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            assertThat(stripper.getText(document)).startsWith("Summary conclusions").contains("Page " + pages + " of " + pages);
        }
    }

    /** The demo's concept note (the seed's sections) printed once; its size and time are printed, not asserted. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintTheSeedConceptNoteInItsSections() throws IOException {
        Map<String, Object> note;
        try (var in = new org.springframework.core.io.ClassPathResource("demo/amman-expert-meeting.yaml").getInputStream()) {
            note = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(in).get("conceptNote");
        }
        List<PrintedDocument.Block> blocks = new ArrayList<>();
        String[][] sections = {{"1. Background", "background"}, {"2. Objectives of the Expert Meeting", "objectives"},
                {"3. Convener", "convener"}, {"5. Timing and Location", "timingAndLocation"}, {"6. Documentation", "documentation"}};
        for (String[] section : sections) {
            blocks.add(new Heading(2, section[0]));
            blocks.add(new Markdown(String.valueOf(note.get(section[1]))));
        }
        PrintedDocument conceptNote = new PrintedDocument("Concept note", List.of("Expert Meeting on International "
                + "Cooperation to Share Burden and Responsibilities", "Amman, Jordan"), blocks, "EM-2011-AMMAN · Concept note");

        long start = System.nanoTime();
        byte[] pdf = exports.pdf(conceptNote);
        long pdfMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        byte[] docx = exports.docx(conceptNote);
        long docxMillis = (System.nanoTime() - start) / 1_000_000;
        keep("seed-concept-note.pdf", pdf);
        keep("seed-concept-note.docx", docx);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            System.out.printf("Seed concept note: PDF %d bytes, %d pages, laid out in %d ms; DOCX %d bytes in %d ms%n",
                    pdf.length, document.getNumberOfPages(), pdfMillis, docx.length, docxMillis);
            assertThat(text(document)).containsSubsequence("Concept note", "1. Background",
                    "The international refugee regime is predicated on cooperation between States",
                    "60th Anniversary", "2. Objectives of the Expert Meeting", "3. Convener",
                    "UNHCR, Division of International Protection", "5. Timing and Location", "6. Documentation");
        }
    }

    @Test
    void shouldDropCharactersXmlForbids() throws IOException {
        PrintedDocument pasted = new PrintedDocument("Notes\u0001 pasted", List.of("from\uFFFE Word"),
                List.of(new Markdown("Para\u0001graph\u000B with\uFFFE controls \uD800 and **bold\u0002**"),
                        new Paragraph("plain\u0003 text"), new Table(List.of("a\u0001"), List.of(List.of("b\uFFFF")))),
                "foot\u0007er");

        byte[] docx = exports.docx(pasted);
        byte[] pdf = exports.pdf(pasted);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("Notes pasted", "from Word", "Paragraph with controls  and bold",
                    "plain text");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(text(document)).contains("Notes pasted", "Paragraph with controls");
        }
    }

    @Test
    void shouldFetchNothingADraftPointsAt() throws IOException {
        PrintedDocument withImage = new PrintedDocument("Images", List.of(),
                List.of(new Markdown("![map](http://127.0.0.1:9/map.png) and ![local](file:///etc/passwd)")), null);

        try (PDDocument document = Loader.loadPDF(exports.pdf(withImage))) {
            assertThat(text(document)).contains("Images").doesNotContain("root:");
        }
    }

    /** The PDF's text in reading order (by position: runs are drawn font by font) with the tatweel (U+0640) PDFBox may insert between joined Arabic letters removed. */
    static String text(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(document).replace("\u0640", "");
    }

    static void keep(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "exports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
