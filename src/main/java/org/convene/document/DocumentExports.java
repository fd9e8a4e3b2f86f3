package org.convene.document;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * PDF and DOCX of a {@link PrintedDocument}: the one engine behind every export (concept note,
 * agenda, background paper, any document version).
 *
 * <p>The PDF is laid out by openhtmltopdf from XHTML ({@code print/document.css}: A4, 20 mm
 * margins, the title in the header of later pages, the footer line and "Page n of m" at the foot),
 * with ICU's bidi splitter and reorderer so Arabic is joined and runs right to left, and with the
 * fonts bundled under {@code classpath:fonts/} embedded (subset): DejaVu Sans for Latin with
 * accents, Noto Naskh Arabic for Arabic. The renderer fetches nothing: an image or style sheet a
 * draft points at is not loaded. The DOCX is written by Apache POI ({@link DocxWriter}). Both are
 * thread-safe; each call builds its document afresh.
 */
@Component
public class DocumentExports {

    private record Font(String file, String family, int weight, FontStyle style) {
    }

    private static final List<Font> FONTS = List.of(
            new Font("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
            new Font("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
            new Font("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
            new Font("DejaVuSans-BoldOblique.ttf", "DejaVu Sans", 700, FontStyle.ITALIC),
            new Font("NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", 400, FontStyle.NORMAL),
            new Font("NotoNaskhArabic-Bold.ttf", "Noto Naskh Arabic", 700, FontStyle.NORMAL));

    private final PrintHtml html;
    private final DocxWriter docx;
    private final List<byte[]> fontFiles;

    DocumentExports(MarkdownRendering markdown) {
        this.html = new PrintHtml(markdown, resource("print/document.css"));
        this.docx = new DocxWriter(markdown);
        this.fontFiles = FONTS.stream().map(font -> bytes("fonts/" + font.file())).toList();
    }

    /**
     * The document as a PDF: A4, DejaVu Sans and Noto Naskh Arabic embedded from
     * classpath:fonts/, Arabic joined and right to left.
     *
     * @return the PDF's bytes
     * @throws UncheckedIOException when the renderer fails (never for the document's text: any text prints)
     */
    public byte[] pdf(PrintedDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new ICUBidiReorderer())
                .defaultTextDirection(TextDirection.LTR)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("Convene")
                .withHtmlContent(html.html(document), null)
                .toStream(out);
        for (int i = 0; i < FONTS.size(); i++) {
            Font font = FONTS.get(i);
            byte[] file = fontFiles.get(i);
            builder.useFont(() -> new ByteArrayInputStream(file), font.family(), font.weight(), font.style(), true);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the PDF of " + document.title(), e);
        }
        return out.toByteArray();
    }

    /**
     * The document as a Word document (DOCX): characters XML forbids removed, right-to-left
     * paragraphs marked bidi.
     *
     * @return the DOCX's bytes
     */
    public byte[] docx(PrintedDocument document) {
        return docx.write(document);
    }

    /** The XHTML the PDF is laid out from (for tests and for looking at the layout in a browser). */
    String printHtml(PrintedDocument document) {
        return html.html(document);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing from the classpath: " + path, e);
        }
    }

    private static String resource(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
