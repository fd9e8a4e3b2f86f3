package org.convene.workflow;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * A file the browser saves rather than shows — a PDF, a DOCX, a CSV, a calendar entry, a mail's
 * attachment — answered the same way by every module's pages: {@code 200} with the content type,
 * {@code Content-Disposition: attachment; filename="<ASCII name>"} and, when the name is not plain
 * ASCII, {@code filename*=UTF-8''<percent-encoded name>} (RFC 6266 and RFC 5987: browsers take the
 * second, older clients the first), and {@code X-Content-Type-Options: nosniff}.
 */
public final class Downloads {

    private Downloads() {
    }

    /**
     * The answer that saves {@code content} as {@code fileName}.
     *
     * @param fileName the name the person sees, any characters (a title in Arabic, a name with accents)
     * @param type the content's media type, with its charset for text
     * @param content the file's bytes
     * @return the response entity to return from a controller
     */
    public static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] content) {
        String ascii = asciiFileName(fileName);
        String disposition = ContentDisposition.attachment().filename(ascii).build().toString();
        if (!ascii.equals(fileName)) {
            disposition += "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /**
     * The name with accents dropped and anything but letters, digits, dot, dash and underscore made
     * a dash ("Résumé — 2027.pdf" → "Resume-2027.pdf"); "document" when nothing is left before the
     * extension.
     */
    public static String asciiFileName(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-(?=\\.)", "");
        return ascii.startsWith(".") || ascii.isEmpty() ? "document" + ascii : ascii;
    }
}
