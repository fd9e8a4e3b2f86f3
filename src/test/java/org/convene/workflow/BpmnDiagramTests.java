package org.convene.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every BPMN file opens in Modeler and renders in Cockpit: each flow element has its shape or edge. */
class BpmnDiagramTests {

    static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void shouldDrawEveryFlowElement(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

        List<String> missing = model.getModelElementsByType(FlowElement.class).stream()
                .filter(e -> e instanceof FlowNode || e instanceof SequenceFlow)
                .filter(e -> e instanceof SequenceFlow ? !edges.contains(e.getId()) : !shapes.contains(e.getId()))
                .map(BaseElement::getId)
                .toList();
        assertThat(missing).as("flow elements of %s without a diagram shape or edge", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void shouldNameAndVersionEveryProcessAndTheFileAfterIt(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
            assertThat(process.getName()).isNotBlank();
            assertThat(process.getCamundaVersionTag()).as("versionTag of %s", process.getId()).isNotBlank();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId()).isNotBlank();
        }
        List<String> defaultIds = model.getModelElementsByType(FlowElement.class).stream()
                .map(BaseElement::getId).filter(id -> id.matches("(Activity|Event|Gateway|Flow|Task)_[0-9a-z]{7}")).toList();
        assertThat(defaultIds).as("modeller default ids in %s", file).isEmpty();
    }
}
