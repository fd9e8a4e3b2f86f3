package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.convene.workflow.MeetingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to the dependencies each declares in its {@code package-info.java}
 * ({@code @ApplicationModule(allowedDependencies = …)}), have no cycles and use only each other's
 * API (Spring Modulith's check of the Java code; {@code BpmnBoundaryTests} holds the BPMN
 * expressions to the same declarations); and the module diagram in {@code docs/modules/} is
 * drawn from the code as it is.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ConveneApplication.class);

    /** Where {@link Documenter} writes the diagrams and canvases (emptied first) and the drawn diagram goes. */
    static final Path DOCS = Path.of("docs", "modules");

    /**
     * Violations of the declared dependencies that are known and being removed, each with the change
     * that removes it (issue 6). A violation not listed fails the test; so does an entry that no
     * longer occurs, so the list only shrinks: take an entry out with the change that fixes it.
     * Each key is the start of Spring Modulith's message.
     */
    static final Map<String, String> KNOWN_VIOLATIONS = new LinkedHashMap<>();

    @Test
    void shouldKeepEachModuleInItsRoom() {
        List<String> violations = MODULES.detectViolations().getMessages();

        assertThat(violations).as("violations of the modules' declared dependencies (package-info.java)")
                .filteredOn(v -> KNOWN_VIOLATIONS.keySet().stream().noneMatch(v::startsWith))
                .isEmpty();
        assertThat(KNOWN_VIOLATIONS.keySet()).as("known violations that no longer occur: remove them from the list")
                .allSatisfy(known -> assertThat(violations).anyMatch(v -> v.startsWith(known)));
    }

    @Test
    void shouldDeclareWhichModulesEachModuleMayUse() {
        MODULES.forEach(module -> {
            ApplicationModule declared = module.getBasePackage().getAnnotation(ApplicationModule.class)
                    .orElseThrow(() -> new AssertionError(module.getName() + " has no @ApplicationModule in its package-info.java"));
            assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getName())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    /**
     * A module's events are its named interface {@code events} ({@code @NamedInterface("events")} on
     * each record), so that a module may be allowed to hear another's events without using its
     * services ({@code "invitation :: events"}); an event left out of it would be unreachable.
     */
    @Test
    void shouldPutEveryEventIntoItsModulesEventsInterface() {
        List<String> outside = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackagesOf(ConveneApplication.class).stream()
                .filter(type -> type.isAssignableTo(MeetingEvent.class) && !type.isInterface())
                .filter(event -> MODULES.getModuleByType(event.getName()).flatMap(module -> module.getNamedInterfaces().getByName("events"))
                        .map(events -> !events.contains(event.reflect())).orElse(true))
                .map(JavaClass::getName)
                .toList();
        assertThat(outside).as("events without @NamedInterface(\"events\")").isEmpty();
        assertThat(MODULES.getModuleByName("meeting").orElseThrow().getNamedInterfaces().getByName("events")).isPresent();
    }

    /**
     * Spring Modulith's Documenter writes the PlantUML of all modules ({@code components.puml}), one
     * per module and the module canvases (AsciiDoc); the diagram of all modules is drawn to
     * {@code components.png} for README, laid out by PlantUML's own Smetana (no Graphviz needed).
     */
    @Test
    void shouldDrawTheModuleDiagramIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation(Documenter.DiagramOptions.defaults()
                                .withStyle(Documenter.DiagramOptions.DiagramStyle.UML)
                                .withElementsWithoutRelationships(Documenter.DiagramOptions.ElementsWithoutRelationships.VISIBLE),
                        Documenter.CanvasOptions.defaults());

        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.writeString(file, relationshipsSorted(Files.readString(file)));
            }
        }
        Path puml = DOCS.resolve("components.puml");
        String source = Files.readString(puml).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (OutputStream png = Files.newOutputStream(DOCS.resolve("components.png"))) {
            new SourceStringReader(source).outputImage(png, new FileFormatOption(FileFormat.PNG));
        }
        assertThat(DOCS.resolve("components.png")).isNotEmptyFile();
        String written = Files.readString(puml);
        MODULES.forEach(module -> assertThat(written).contains(module.getDisplayName()));
    }

    /**
     * The Documenter writes the arrows in the order of a hash set, a new order at each run; sorted,
     * the files and the picture change only when the modules do.
     */
    static String relationshipsSorted(String puml) {
        List<String> lines = puml.lines().toList();
        List<String> arrows = lines.stream().filter(l -> l.contains("].> ")).sorted().toList();
        List<String> sorted = new ArrayList<>(lines.stream().filter(l -> !l.contains("].> ")).toList());
        sorted.addAll(sorted.indexOf("@enduml"), arrows);
        return String.join("\n", sorted) + "\n";
    }
}
