package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class DownloadsTests {

    @Test
    void shouldNameAnAsciiFileOnceAndAnyOtherTwiceAsRfc6266Says() {
        ResponseEntity<byte[]> plain = Downloads.attachment("EM-2027-AMMAN-agenda.pdf", MediaType.APPLICATION_PDF, new byte[] {1});
        ResponseEntity<byte[]> arabic = Downloads.attachment("ورقة معلومات أساسية v2.pdf", MediaType.APPLICATION_PDF, new byte[] {1});
        ResponseEntity<byte[]> accents = Downloads.attachment("Résumé — Zoë's paper.docx", MediaType.APPLICATION_OCTET_STREAM,
                "x".getBytes(StandardCharsets.UTF_8));

        assertThat(plain.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"EM-2027-AMMAN-agenda.pdf\"");
        assertThat(arabic.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"v2.pdf\"; "
                + "filename*=UTF-8''%D9%88%D8%B1%D9%82%D8%A9%20%D9%85%D8%B9%D9%84%D9%88%D9%85%D8%A7%D8%AA%20"
                + "%D8%A3%D8%B3%D8%A7%D8%B3%D9%8A%D8%A9%20v2.pdf");
        assertThat(accents.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment; filename=\"Resume-Zoe-s-paper.docx\"; filename*=UTF-8''R%C3%A9sum%C3%A9");
        assertThat(plain.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    void shouldKeepANameWhenNothingAsciiIsLeftBeforeItsExtension() {
        assertThat(Downloads.asciiFileName("تقرير.pdf")).isEqualTo("document.pdf");
        assertThat(Downloads.asciiFileName("")).isEqualTo("document");
        assertThat(Downloads.asciiFileName("../../etc/passwd")).as("no path, no leading dot").doesNotContain("/")
                .startsWith("document");
    }
}
