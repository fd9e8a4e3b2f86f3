package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app's pages print unescaped HTML only from MarkdownRendering, which escapes what people typed. */
class UnescapedTextTests {

    private static final Pattern UTEXT = Pattern.compile("th:utext=\"([^\"]*)\"");

    @Test
    void shouldPrintUnescapedOnlyTheMarkdownRenderingsHtml() throws IOException {
        List<String> others = new ArrayList<>();
        int rendered = 0;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher utext = UTEXT.matcher(Files.readString(template));
                while (utext.find()) {
                    if (utext.group(1).startsWith("${@markdown.html(")) {
                        rendered++;
                    } else {
                        others.add(template + ": " + utext.group(1));
                    }
                }
            }
        }
        assertThat(others).isEmpty();
        assertThat(rendered).as("the concept note's sections and a version's text").isGreaterThanOrEqualTo(6);
    }
}
