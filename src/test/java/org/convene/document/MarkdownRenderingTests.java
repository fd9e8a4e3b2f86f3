package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRenderingTests {

    private final MarkdownRendering markdown = new MarkdownRendering();

    @Test
    void shouldRenderHeadingsEmphasisAndLists() {
        String html = markdown.html("## 1. Background\n\nThe *Common Framework* is **due**.\n\n- one\n- two\n\n1. first\n2. second\n");

        assertThat(html).contains("<h2>1. Background</h2>", "<em>Common Framework</em>", "<strong>due</strong>",
                "<ul>\n<li>one</li>", "<ol>\n<li>first</li>");
    }

    @Test
    void shouldShowRawHtmlAndScriptAsText() {
        String html = markdown.html("Held on 27<sup>th</sup> June.\n\n<script>alert('x')</script>\n\n<b>bold</b><img src=x onerror=alert(1)>");

        assertThat(html).contains("27&lt;sup&gt;th&lt;/sup&gt; June", "&lt;script&gt;alert('x')&lt;/script&gt;",
                "&lt;b&gt;bold&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<sup>", "<script", "<b>", "<img");
    }

    @Test
    void shouldRenderAGfmTableAsATable() {
        String html = markdown.html("| Group | Theme |\n|---|---|\n| WG1 | Triggers |\n| WG2 | Forms of support |\n");

        assertThat(html).contains("<table>", "<th>Group</th>", "<th>Theme</th>", "<td>WG1</td>", "<td>Forms of support</td>");
    }

    @Test
    void shouldDropUnsafeLinkTargets() {
        String html = markdown.html("[agenda](https://example.org/a) and [click](javascript:alert(1))");

        assertThat(html).contains("href=\"https://example.org/a\">agenda</a>").doesNotContain("javascript:");
    }

    @Test
    void shouldMarkRightToLeftBlocksOnly() {
        String html = markdown.html("ليلى حداد تشارك في الاجتماع.\n\nDr Renée Müller and ليلى حداد attend.");

        assertThat(html).contains("<p dir=\"rtl\">ليلى حداد تشارك في الاجتماع.</p>", "<p>Dr Renée Müller and ليلى حداد attend.</p>");
    }

    @Test
    void shouldGiveNothingForNoText() {
        assertThat(markdown.html(null)).isEmpty();
        assertThat(markdown.html("  \n ")).isEmpty();
        assertThat(markdown.forForm(null)).isEmpty();
    }

    @Test
    void shouldKeepMarkdownButNoTagForAForm() {
        String form = markdown.forForm("**Draft** with <b>bold</b><img src=x onerror=alert(1)> and a < b");

        assertThat(form).isEqualTo("**Draft** with &lt;b>bold&lt;/b>&lt;img src=x onerror=alert(1)> and a &lt; b");
        assertThat(form).doesNotContain("<");
    }
}
