package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Module boundaries that include the BPMN: a bean named in a process's expression is a dependency
 * as real as an import. Every expression of every {@code bpmn/<module>/*.bpmn} — delegate
 * expressions, task and execution listeners, service task expressions, input and output
 * parameters, assignees, collections, due dates, conditions and timers, whatever attribute or
 * text holds a {@code ${…}} or {@code #{…}} — is parsed with Camunda's own JUEL parser; each
 * identifier that names a Spring bean of the application (as Camunda's Spring expression manager
 * resolves it) is looked up in Spring Modulith's modules, and the file's module must be allowed
 * to use it: the bean's module is the file's own, or is among its {@code allowedDependencies}
 * and the bean's type is part of that module's API (a public type of its base package or of the
 * named interface allowed). Identifiers that are no bean (process variables, {@code execution},
 * {@code task}) are not dependencies.
 *
 * <p>A call activity names a process, not a bean: the calling process passes variables in and
 * out and uses none of the called module's code (the way every phase calls document's
 * SignOffProcess), so {@code calledElement} is not held to the declarations. Camunda Forms hold
 * no JUEL: their FEEL ({@code "hide": "=…"}) runs in the browser on the form's own fields.
 */
@ConveneIntegrationTest
class BpmnBoundaryTests {

    static final ApplicationModules MODULES = ModularityTests.MODULES;

    /**
     * Uses of another module's bean that break the declarations, known and being removed, each
     * with the change that removes it (issue 6). A violation not listed fails the test; so does an
     * entry that no longer occurs, so the list only shrinks. Keys: "module/File.bpmn → bean".
     */
    static final Map<String, String> KNOWN_VIOLATIONS = new LinkedHashMap<>();

    @Autowired ApplicationContext context;

    record BeanUse(String file, ApplicationModule user, String bean, Class<?> type, String expression) {
    }

    @Test
    void shouldUseOnlyBeansOfModulesThatTheFilesModuleMayUse() throws IOException {
        Map<String, String> violations = new LinkedHashMap<>();
        for (BeanUse use : beanUses(Path.of("bpmn"))) {
            violation(use).ifPresent(reason -> violations.putIfAbsent(use.file() + " → " + use.bean(), reason));
        }
        violations.forEach((use, reason) -> System.out.println("BPMN boundary: " + use + ": " + reason));

        Map<String, String> unknown = new LinkedHashMap<>(violations);
        unknown.keySet().removeAll(KNOWN_VIOLATIONS.keySet());
        assertThat(unknown).as("BPMN expressions naming a bean of a module that the file's module may not use").isEmpty();
        assertThat(KNOWN_VIOLATIONS.keySet()).as("known violations that no longer occur: remove them from the list")
                .allSatisfy(known -> assertThat(violations).containsKey(known));
    }

    /** The reading is not vacuous: it finds beans in each kind of place, across modules and within one. */
    @Test
    void shouldFindTheBeansThatTheProcessesCallWhereverTheExpressionStands() throws IOException {
        Set<String> uses = beanUses(Path.of("bpmn")).stream()
                .map(u -> u.file() + " → " + u.bean() + " (" + MODULES.getModuleByType(u.type()).orElseThrow().getName() + ")")
                .collect(Collectors.toSet());

        assertThat(uses).contains(
                // delegate expression of a service task
                "invitation/InvitationProcess.bpmn → sendInvitation (invitation)",
                // task listener, input parameters of another module's bean, a multi-instance collection
                "meeting/ConceptNoteApprovalProcess.bpmn → conceptNotes (meeting)",
                "meeting/MeetingProcess.bpmn → documents (document)",
                "meeting/MeetingProcess.bpmn → meetingCalendar (meeting)",
                "document/SignOffProcess.bpmn → signOff (document)",
                // a listener by delegate expression across modules
                "framework/SummaryConclusionsProcess.bpmn → documentDraftSaved (document)");
        // process variables are no beans
        assertThat(uses).noneMatch(u -> u.contains("→ meetingCode ") || u.contains("→ decision ") || u.contains("→ execution "));
    }

    /** The check fails where it should: a document process calling invitation's and meeting's beans. */
    @Test
    void shouldRefuseABeanOfAModuleThatTheFilesModuleMayNotUseOrThatIsNotItsApi(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("document").resolve("StrayProcess.bpmn");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Stray">
                  <bpmn:process id="StrayProcess" isExecutable="true">
                    <bpmn:userTask id="Task_Stray" camunda:assignee="${reviewer}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="summary">${participants.summary(meetingCode)}</camunda:inputParameter>
                        </camunda:inputOutput>
                        <camunda:taskListener delegateExpression="${recordAttendance}" event="create" />
                        <camunda:taskListener expression="#{documents.recordReview(task, 'WG_REPORT', '')}" event="complete" />
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        Map<String, Optional<String>> checked = beanUses(dir).stream()
                .collect(Collectors.toMap(BeanUse::bean, this::violation, (a, b) -> a, LinkedHashMap::new));

        assertThat(checked.keySet()).containsExactlyInAnyOrder("participants", "recordAttendance", "documents");
        assertThat(checked.get("participants")).get().asString().contains("invitation is not among document's allowed dependencies");
        assertThat(checked.get("recordAttendance")).get().asString().contains("meeting is not among document's allowed dependencies");
        assertThat(checked.get("documents")).isEmpty();
    }

    @Test
    void shouldKeepJuelOutOfTheForms() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).toList();
            assertThat(forms).isNotEmpty().allSatisfy(form ->
                    assertThat(Files.readString(form)).as("%s", form).doesNotContain("${").doesNotContain("#{"));
        }
    }

    /** Why the file's module may not use the bean, or empty when it may. */
    Optional<String> violation(BeanUse use) {
        Optional<ApplicationModule> owner = MODULES.getModuleByType(use.type());
        if (owner.isEmpty() || owner.get().equals(use.user())) {
            return Optional.empty();
        }
        ApplicationModule target = owner.get();
        var allowed = use.user().getAllowedDependencies(MODULES).stream()
                .filter(d -> d.getTargetModule().equals(target)).toList();
        String which = use.bean() + " (" + use.type().getName() + ", module " + target.getName() + ") in " + use.expression();
        if (allowed.isEmpty()) {
            return Optional.of(which + ": " + target.getName() + " is not among " + use.user().getName()
                    + "'s allowed dependencies (" + use.user().getAllowedDependencies(MODULES) + ")");
        }
        boolean exposed = allowed.stream().anyMatch(d -> d.getTargetNamedInterface() == null
                ? target.contains(use.type()) : d.getTargetNamedInterface().contains(use.type()));
        return exposed ? Optional.empty()
                : Optional.of(which + ": not part of " + target.getName() + "'s API that " + use.user().getName() + " may use");
    }

    /** Every identifier of every expression in {@code <root>/<module>/*.bpmn} that names a bean of the application. */
    List<BeanUse> beanUses(Path root) throws IOException {
        List<BeanUse> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                Path relative = root.relativize(file);
                String moduleName = relative.getName(0).toString();
                ApplicationModule module = MODULES.getModuleByName(moduleName)
                        .orElseThrow(() -> new AssertionError(file + " lies in bpmn/" + moduleName + "/, which names no module"));
                String name = relative.toString().replace('\\', '/');
                for (String expression : expressions(file)) {
                    for (String identifier : identifiers(expression)) {
                        if (context.containsBean(identifier)) {
                            uses.add(new BeanUse(name, module, identifier,
                                    ClassUtils.getUserClass(context.getType(identifier)), expression));
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** Every attribute value and text of the file that holds a JUEL expression, as written. */
    static Set<String> expressions(Path file) throws IOException {
        Set<String> expressions = new LinkedHashSet<>();
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            collect(factory.newDocumentBuilder().parse(in).getDocumentElement(), expressions);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(file + " is not well-formed XML", e);
        }
        return expressions;
    }

    private static void collect(Node node, Set<String> expressions) {
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                add(((Attr) attributes.item(i)).getValue(), expressions);
            }
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            add(node.getNodeValue(), expressions);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, expressions);
        }
    }

    private static void add(String value, Set<String> expressions) {
        if (value != null && (value.contains("${") || value.contains("#{"))) {
            expressions.add(value.strip());
        }
    }

    /** The identifiers of an expression (beans, variables, {@code execution}), as Camunda's JUEL parses it. */
    static Set<String> identifiers(String expression) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (IdentifierNode node : new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
                .build(expression).getIdentifierNodes()) {
            identifiers.add(node.getName());
        }
        return identifiers;
    }
}
