package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Holds a process's constants class (one per BPMN, named after the process id) to its BPMN file:
 * {@code ID} is the process id; a constant named after an element kind ({@code TASK_},
 * {@code GATEWAY_}, {@code END_EVENT_}, ...) is the id of a flow element of the process; a
 * {@code MESSAGE_} constant is the name of a message of the file; every other constant (a
 * variable name) occurs in the file or in one of the forms beside it. A renamed element or
 * variable fails here, not in a running meeting.
 */
public final class ProcessConstants {

    private static final List<String> ELEMENT_KINDS = List.of("START_EVENT_", "END_EVENT_", "TASK_", "SERVICE_TASK_",
            "GATEWAY_", "CALL_ACTIVITY_", "SUB_PROCESS_", "TIMER_EVENT_", "MESSAGE_EVENT_", "BOUNDARY_EVENT_",
            "SEQUENCE_FLOW_");

    private ProcessConstants() {
    }

    /** Checks the class against {@code bpmn/<module>/<ID>.bpmn}; fails with every mismatch. */
    public static void assertAgreesWithItsBpmn(Class<?> constants, String module) throws IOException {
        Path folder = Path.of("bpmn", module);
        String id = (String) value(constants, "ID");
        Path file = folder.resolve(id + ".bpmn");
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).contains(id);
        Set<String> elements = model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId)
                .collect(Collectors.toSet());
        Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                .collect(Collectors.toSet());
        String text = Files.readString(file) + forms(folder);
        List<String> mismatches = new ArrayList<>();
        for (Field field : constants.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class || field.getName().equals("ID")) {
                continue;
            }
            String value = (String) value(constants, field.getName());
            String name = field.getName();
            if (ELEMENT_KINDS.stream().anyMatch(name::startsWith)) {
                if (!elements.contains(value)) {
                    mismatches.add(name + " = " + value + ": no such element in " + file);
                }
            } else if (name.startsWith("MESSAGE_")) {
                if (!messages.contains(value)) {
                    mismatches.add(name + " = " + value + ": no such message in " + file);
                }
            } else if (!text.contains("\"" + value + "\"") && !text.contains("'" + value + "'")
                    && !text.contains(value + "}") && !text.contains("{" + value)
                    && !text.contains(value + " ") && !text.contains(" " + value)) {
                mismatches.add(name + " = " + value + ": neither " + file + " nor its forms use it");
            }
        }
        assertThat(mismatches).as("constants of %s", constants.getSimpleName()).isEmpty();
    }

    private static String forms(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                all.append(Files.readString(form));
            }
            return all.toString();
        }
    }

    private static Object value(Class<?> constants, String name) {
        try {
            return constants.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(constants.getSimpleName() + " has no public constant " + name, e);
        }
    }
}
