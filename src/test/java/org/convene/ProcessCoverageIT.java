package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate: after the tests (surefire) have run, every process in bpmn/ must have had
 * each of its flow nodes and sequence flows passed by some test. Prints the figures.
 */
class ProcessCoverageIT {

    static final Path REPORTS = Path.of("target/process-test-coverage");

    @Test
    void shouldHaveEveryElementOfEveryProcessPassedBySomeTest() throws IOException {
        assertThat(REPORTS).as("coverage reports of the surefire run").isDirectory();
        Map<String, Integer> totals = new HashMap<>();
        Map<String, Set<String>> passed = new HashMap<>();
        try (Stream<Path> reports = Files.walk(REPORTS)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                JsonNode json = new ObjectMapper().readTree(report.toFile());
                json.path("models").forEach(m -> totals.put(m.path("key").asText(), m.path("totalElementCount").asInt()));
                for (JsonNode suite : json.path("suites")) {
                    for (JsonNode run : suite.path("runs")) {
                        run.path("events").forEach(e -> passed.computeIfAbsent(e.path("modelKey").asText(),
                                k -> new HashSet<>()).add(e.path("definitionKey").asText()));
                    }
                }
            }
        }
        Map<String, String> figures = new TreeMap<>();
        for (String process : processesInBpmnFolder()) {
            int total = totals.getOrDefault(process, 0);
            int covered = passed.getOrDefault(process, Set.of()).size();
            figures.put(process, covered + "/" + total);
            System.out.printf("process coverage %-28s %3d/%3d  %5.1f %%%n", process, covered, total,
                    total == 0 ? 0.0 : 100.0 * covered / total);
        }
        figures.forEach((process, figure) -> {
            String[] parts = figure.split("/");
            assertThat(Integer.parseInt(parts[1])).as("%s was run by some test", process).isPositive();
            assertThat(parts[0]).as("elements of %s passed by the tests", process).isEqualTo(parts[1]);
        });
    }

    private static List<String> processesInBpmnFolder() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn"))
                    .flatMap(f -> Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(Process.class).stream())
                    .map(Process::getId).toList();
        }
    }
}
