package org.convene.document;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What changed between two versions of a Markdown text, as a reviewer reads it: paragraph by
 * paragraph (blocks separated by a blank line), and inside a changed paragraph word by word, so a
 * one-word edit reads as that word deleted and its replacement inserted. Both diffs are
 * java-diff-utils' ({@link DiffUtils}, Myers); this class only cuts the texts into units and pairs
 * the paragraphs of a changed run. Differences of whitespace alone (a paragraph re-wrapped, a
 * Windows line end) are not changes. The texts stay Markdown source: a page escapes them.
 *
 * <p>Pairing: in a run of paragraphs the paragraph diff calls changed, an old paragraph is paired,
 * in order, with the first new one that keeps at least half of its words ({@link #SIMILAR}); what
 * finds no partner is deleted or inserted. So a paragraph inserted before an edited one shows as
 * inserted, and the edited one as changed, not as one long rewrite.
 */
@Component
public class VersionChanges {

    /** The share of words two paragraphs must have in common (2·common / (words before + words after)) to be one changed paragraph. */
    static final double SIMILAR = 0.5;

    /** Words (letters, marks and digits of any script), runs of whitespace, and any other character on its own. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|[^\\p{L}\\p{M}\\p{N}\\s]");
    /** A blank line, the paragraph separator of Markdown. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What happened to a paragraph from the earlier version to the later one. */
    public enum Change { UNCHANGED, INSERTED, DELETED, CHANGED }

    /** A stretch of a paragraph: kept, inserted by the later version, or deleted from the earlier one. */
    public enum SpanKind { SAME, INSERTED, DELETED }

    /** A stretch of text (Markdown source, never null or empty) and what happened to it. */
    public record Span(SpanKind kind, String text) {
    }

    /**
     * One paragraph of the comparison.
     *
     * @param change what happened to it
     * @param before its text in the earlier version; null when inserted
     * @param after  its text in the later version; null when deleted
     * @param spans  the paragraph as a reader follows it: for CHANGED the kept, deleted and inserted
     *               words in reading order; otherwise one span with the whole text (SAME, INSERTED or DELETED)
     */
    public record Paragraph(Change change, String before, String after, List<Span> spans) {

        static Paragraph unchanged(String text) {
            return new Paragraph(Change.UNCHANGED, text, text, List.of(new Span(SpanKind.SAME, text)));
        }

        static Paragraph inserted(String text) {
            return new Paragraph(Change.INSERTED, null, text, List.of(new Span(SpanKind.INSERTED, text)));
        }

        static Paragraph deleted(String text) {
            return new Paragraph(Change.DELETED, text, null, List.of(new Span(SpanKind.DELETED, text)));
        }
    }

    /**
     * The paragraphs of both versions in reading order: unchanged, inserted, deleted (where it
     * stood) and changed with its word spans.
     *
     * @param before the earlier version's Markdown; null is read as empty
     * @param after  the later version's Markdown; null is read as empty
     * @return every paragraph of either text; empty when both are blank
     */
    public List<Paragraph> paragraphs(String before, String after) {
        List<String> old = split(before);
        List<String> now = split(after);
        List<Paragraph> result = new ArrayList<>();
        BiPredicate<String, String> sameText = (a, b) -> normalized(a).equals(normalized(b));
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now, new MyersDiff<>(sameText), null, true).getDeltas()) {
            List<String> source = delta.getSource().getLines();
            List<String> target = delta.getTarget().getLines();
            switch (delta.getType()) {
                case EQUAL -> target.forEach(text -> result.add(Paragraph.unchanged(text)));
                case DELETE -> source.forEach(text -> result.add(Paragraph.deleted(text)));
                case INSERT -> target.forEach(text -> result.add(Paragraph.inserted(text)));
                case CHANGE -> result.addAll(paired(source, target));
            }
        }
        return result;
    }

    /** Consecutive paragraphs that were all left unchanged, or all touched: a page folds the unchanged runs away. */
    public record Run(boolean unchanged, List<Paragraph> paragraphs) {
    }

    /** The paragraphs cut into runs of unchanged ones and runs of touched ones, in order. */
    public static List<Run> runs(List<Paragraph> paragraphs) {
        List<Run> runs = new ArrayList<>();
        List<Paragraph> current = new ArrayList<>();
        boolean unchanged = true;
        for (Paragraph paragraph : paragraphs) {
            boolean same = paragraph.change() == Change.UNCHANGED;
            if (!current.isEmpty() && same != unchanged) {
                runs.add(new Run(unchanged, List.copyOf(current)));
                current.clear();
            }
            unchanged = same;
            current.add(paragraph);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(unchanged, List.copyOf(current)));
        }
        return runs;
    }

    /** Whether any paragraph was inserted, deleted or changed. */
    public static boolean changed(List<Paragraph> paragraphs) {
        return paragraphs.stream().anyMatch(p -> p.change() != Change.UNCHANGED);
    }

    /**
     * The word spans of one paragraph's change, in reading order: kept words (with the later
     * version's spacing), then for each edit the deleted words before the inserted ones; adjacent
     * spans of one kind are joined.
     */
    List<Span> words(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        BiPredicate<String, String> sameToken = (a, b) -> a.equals(b) || (a.isBlank() && b.isBlank());
        List<Span> spans = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now, new MyersDiff<>(sameToken), null, true).getDeltas()) {
            String source = String.join("", delta.getSource().getLines());
            String target = String.join("", delta.getTarget().getLines());
            switch (delta.getType()) {
                case EQUAL -> add(spans, SpanKind.SAME, target);
                case DELETE -> add(spans, SpanKind.DELETED, source);
                case INSERT -> add(spans, SpanKind.INSERTED, target);
                case CHANGE -> {
                    add(spans, SpanKind.DELETED, source);
                    add(spans, SpanKind.INSERTED, target);
                }
            }
        }
        return spans;
    }

    /** 2·(words kept) / (words before + words after): 1 for the same words, 0 for none in common. */
    double similarity(String before, String after) {
        List<String> old = words(tokens(before));
        List<String> now = words(tokens(after));
        if (old.isEmpty() && now.isEmpty()) {
            return 1;
        }
        int kept = DiffUtils.diff(old, now, true).getDeltas().stream()
                .filter(delta -> delta.getType() == DeltaType.EQUAL).mapToInt(delta -> delta.getSource().size()).sum();
        return 2.0 * kept / (old.size() + now.size());
    }

    private List<Paragraph> paired(List<String> source, List<String> target) {
        List<Paragraph> result = new ArrayList<>();
        int next = 0; // the first new paragraph not yet placed
        for (String old : source) {
            int partner = -1;
            for (int j = next; j < target.size() && partner < 0; j++) {
                if (similarity(old, target.get(j)) >= SIMILAR) {
                    partner = j;
                }
            }
            if (partner < 0) {
                result.add(Paragraph.deleted(old));
                continue;
            }
            for (int j = next; j < partner; j++) {
                result.add(Paragraph.inserted(target.get(j)));
            }
            String now = target.get(partner);
            result.add(new Paragraph(Change.CHANGED, old, now, words(old, now)));
            next = partner + 1;
        }
        for (int j = next; j < target.size(); j++) {
            result.add(Paragraph.inserted(target.get(j)));
        }
        return result;
    }

    private static void add(List<Span> spans, SpanKind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!spans.isEmpty() && spans.get(spans.size() - 1).kind() == kind) {
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(kind, last.text() + text));
        } else {
            spans.add(new Span(kind, text));
        }
    }

    /** The paragraphs of a Markdown text: blocks between blank lines, stripped; line ends normalised to \n. */
    static List<String> split(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n').strip();
        return BLANK_LINE.splitAsStream(text).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The tokens that are words (letters or digits); punctuation and spacing do not make two paragraphs alike. */
    private static List<String> words(List<String> tokens) {
        return tokens.stream().filter(token -> Character.isLetterOrDigit(token.codePointAt(0))).toList();
    }

    private static String normalized(String paragraph) {
        return WHITESPACE.matcher(paragraph).replaceAll(" ");
    }
}
