package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.convene.document.VersionChanges.Change;
import org.convene.document.VersionChanges.Paragraph;
import org.convene.document.VersionChanges.Span;
import org.convene.document.VersionChanges.SpanKind;
import org.junit.jupiter.api.Test;

/** What changed between two versions, paragraph by paragraph and word by word: a plain unit test. */
class VersionChangesTests {

    final VersionChanges changes = new VersionChanges();

    @Test
    void shouldMarkAnInsertedADeletedAndAChangedParagraph() {
        String before = """
                ## Background paper

                Burden sharing has a long history.

                The 1979 Indochinese arrangement is one example.

                Questions remain open.""";
        String after = """
                ## Background paper

                Burden sharing has a long and uneven history.

                Questions remain open.

                The Amman meeting of 2011 takes them up.""";

        List<Paragraph> paragraphs = changes.paragraphs(before, after);

        assertThat(paragraphs).extracting(Paragraph::change, Paragraph::before, Paragraph::after).containsExactly(
                tuple(Change.UNCHANGED, "## Background paper", "## Background paper"),
                tuple(Change.CHANGED, "Burden sharing has a long history.", "Burden sharing has a long and uneven history."),
                tuple(Change.DELETED, "The 1979 Indochinese arrangement is one example.", null),
                tuple(Change.UNCHANGED, "Questions remain open.", "Questions remain open."),
                tuple(Change.INSERTED, null, "The Amman meeting of 2011 takes them up."));
        assertThat(paragraphs.get(1).spans()).containsExactly(new Span(SpanKind.SAME, "Burden sharing has a long "),
                new Span(SpanKind.INSERTED, "and uneven "), new Span(SpanKind.SAME, "history."));
        assertThat(paragraphs.get(2).spans()).containsExactly(
                new Span(SpanKind.DELETED, "The 1979 Indochinese arrangement is one example."));
        assertThat(VersionChanges.changed(paragraphs)).isTrue();
    }

    @Test
    void shouldShowAOneWordEditAsThatWordDeletedAndItsReplacementInserted() {
        List<Paragraph> paragraphs = changes.paragraphs("States share the burden of hosting refugees.",
                "States share the responsibility of hosting refugees.");

        assertThat(paragraphs).singleElement().extracting(Paragraph::change).isEqualTo(Change.CHANGED);
        assertThat(paragraphs.get(0).spans()).containsExactly(new Span(SpanKind.SAME, "States share the "),
                new Span(SpanKind.DELETED, "burden"), new Span(SpanKind.INSERTED, "responsibility"),
                new Span(SpanKind.SAME, " of hosting refugees."));
    }

    @Test
    void shouldTellAnEditedWordFromItsPunctuationAndReadAccentsAndArabicAsWords() {
        assertThat(changes.paragraphs("Dr Renée Müller, Amman.", "Dr Renée Müller, عمّان.").get(0).spans())
                .containsExactly(new Span(SpanKind.SAME, "Dr Renée Müller, "), new Span(SpanKind.DELETED, "Amman"),
                        new Span(SpanKind.INSERTED, "عمّان"), new Span(SpanKind.SAME, "."));
        assertThat(changes.paragraphs("Sharing burden.", "Sharing burden!").get(0).spans())
                .containsExactly(new Span(SpanKind.SAME, "Sharing burden"), new Span(SpanKind.DELETED, "."),
                        new Span(SpanKind.INSERTED, "!"));
    }

    @Test
    void shouldShowAParagraphInsertedBeforeAnEditedOneAsInsertedNotAsARewrite() {
        List<Paragraph> paragraphs = changes.paragraphs("Objectives of the meeting are three.",
                "A new opening paragraph about something else entirely.\n\nObjectives of the meeting are four.");

        assertThat(paragraphs).extracting(Paragraph::change).containsExactly(Change.INSERTED, Change.CHANGED);
        assertThat(paragraphs.get(1).spans()).contains(new Span(SpanKind.DELETED, "three"),
                new Span(SpanKind.INSERTED, "four"));
    }

    @Test
    void shouldShowARewrittenParagraphAsDeletedAndInserted() {
        List<Paragraph> paragraphs = changes.paragraphs("Old text about the venue.",
                "Entirely different words here now.");

        assertThat(paragraphs).extracting(Paragraph::change).containsExactly(Change.DELETED, Change.INSERTED);
    }

    @Test
    void shouldNotCountWhitespaceAloneAsAChange() {
        List<Paragraph> paragraphs = changes.paragraphs("One line\nwrapped here.\r\n\r\nSecond.",
                "One line wrapped   here.\n\n\n\nSecond.\n");

        assertThat(paragraphs).extracting(Paragraph::change).containsExactly(Change.UNCHANGED, Change.UNCHANGED);
        assertThat(VersionChanges.changed(paragraphs)).isFalse();
    }

    @Test
    void shouldReadNullAsEmpty() {
        assertThat(changes.paragraphs(null, null)).isEmpty();
        assertThat(changes.paragraphs(null, "First.\n\nSecond.")).extracting(Paragraph::change)
                .containsExactly(Change.INSERTED, Change.INSERTED);
        assertThat(changes.paragraphs("Gone.", "")).extracting(Paragraph::change).containsExactly(Change.DELETED);
    }

    @Test
    void shouldKeepRawHtmlAsTheTextItIs() {
        List<Paragraph> paragraphs = changes.paragraphs("Plain text for the reviewers of the paper.",
                "Plain text for the <b>reviewers</b> of the paper.");

        assertThat(paragraphs.get(0).spans()).containsExactly(new Span(SpanKind.SAME, "Plain text for the "),
                new Span(SpanKind.INSERTED, "<b>"), new Span(SpanKind.SAME, "reviewers"),
                new Span(SpanKind.INSERTED, "</b>"), new Span(SpanKind.SAME, " of the paper."));
    }
}
