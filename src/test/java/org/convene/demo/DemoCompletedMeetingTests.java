package org.convene.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.Mailbox;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.framework.CommonFramework;
import org.convene.framework.FrameworkElement;
import org.convene.framework.FrameworkElementKind;
import org.convene.framework.Recommendation;
import org.convene.framework.Recommendations;
import org.convene.invitation.Participants;
import org.convene.meeting.Agendas;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.Meetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's completed meeting, seeded as the embedded default seeds it (in the shared PostgreSQL
 * context, under a code of its own): ten weeks ago in Geneva, worked by its demo users through every
 * phase to its end, its Common Framework drawn from the sample data published and mailed; the
 * meeting's page links what it published; the PDF is kept in target/framework to look at.
 */
@ConveneIntegrationTest
class DemoCompletedMeetingTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ConceptNotes conceptNotes;
    @Autowired Agendas agendas;
    @Autowired Participants participants;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired DemoProgress progress;
    @Autowired Recommendations recommendations;
    @Autowired CommonFramework framework;
    @Autowired Documents documents;
    @Autowired Mailbox mailbox;

    @Test
    void shouldSeedAMeetingThatEndedWithItsFrameworkPublished() throws Exception {
        String code = TestMeetings.newCode("DEMO-GENEVA");
        LocalDate firstDay = LocalDate.now(ZoneId.of("Europe/Zurich")).minusWeeks(10)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        new DemoMeeting(meetings, conceptNotes, agendas, participants, runtimeService, progress).startCompleted(code, firstDay);

        HistoricProcessInstance meeting = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ExpertMeetingProcess.ID).processInstanceBusinessKey(code).singleResult();
        assertThat(meeting.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(meeting.getEndActivityId()).isEqualTo(ExpertMeetingProcess.END_EVENT_FRAMEWORK_PUBLISHED);
        assertThat(documents.find(code, DocumentKind.COMMON_FRAMEWORK, "").orElseThrow().publishedAt()).isNotNull();

        List<Recommendation> recs = recommendations.list(code);
        assertThat(recs).extracting(Recommendation::id).containsExactly("R1", "R2", "R3", "R4", "R5", "R6");
        assertThat(recs.get(0).findingIds()).containsExactly("WG1-F1", "WG1-F4", "WG1-F5");
        assertThat(recs).allSatisfy(r -> assertThat(r.findings()).allSatisfy(f -> assertThat(f.text())
                .isNotEqualTo("(no longer in its report)")));
        List<FrameworkElement> elements = framework.elements(code);
        assertThat(elements).extracting(FrameworkElement::kind).contains(FrameworkElementKind.values());
        assertThat(elements).filteredOn(e -> e.kind() == FrameworkElementKind.TRIGGER).extracting(FrameworkElement::title)
                .contains("Mass influx", "Rescue at sea incident with disagreement on disembarkation");
        assertThat(elements).filteredOn(e -> e.kind() == FrameworkElementKind.EXAMPLE_ARRANGEMENT)
                .extracting(FrameworkElement::title, FrameworkElement::illustrative)
                .contains(org.assertj.core.groups.Tuple.tuple("Kosovo Humanitarian Evacuation Programme 1999", true),
                        org.assertj.core.groups.Tuple.tuple("DISERO scheme (1979)", false));

        BrowserSession grace = BrowserSession.signedIn(port, "grace");
        String page = grace.get("/meetings/" + code).body();
        assertThat(page).contains("Finished", "/meetings/" + code + "/framework.pdf", "/meetings/" + code + "/framework.docx",
                "/meetings/" + code + "/recommendations");
        byte[] pdf = grace.download("/meetings/" + code + "/framework.pdf").body();
        Files.createDirectories(Path.of("target/framework"));
        Files.write(Path.of("target/framework/demo-common-framework.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("published on", "Humanitarian evacuation", "Annex: traceability",
                    "WG2-F4:", "(illustrative)");
        }
        assertThat(Map.of("mails", mailbox.received(code).size())).isNotNull();
    }
}
