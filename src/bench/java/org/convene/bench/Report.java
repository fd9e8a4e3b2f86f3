package org.convene.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's figures, each with its unit, its ratio to its anchor when it has one (measured in
 * the same run) and the load average when it was taken; printed at the end and written to
 * {@code <bench.output>/results.md}.
 */
final class Report {

    private record Line(String part, String figure, String value, String ratio, String load) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Records a figure (and prints it at once, so that a long run shows progress). */
    void figure(String part, String figure, String value, String ratio) {
        Line line = new Line(part, figure, value, ratio == null ? "" : ratio, Load.average());
        lines.add(line);
        System.out.printf("[bench] %s | %s | %s | %s | load %s%n", part, figure, value, line.ratio(), line.load());
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[bench] " + note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("Convene benchmark, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                + "| part | figure | value | ratio | load average (1 5 15 min) |\n|---|---|---|---|---|\n");
        lines.forEach(l -> out.append("| ").append(l.part()).append(" | ").append(l.figure()).append(" | ")
                .append(l.value()).append(" | ").append(l.ratio()).append(" | ").append(l.load()).append(" |\n"));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown());
    }
}
