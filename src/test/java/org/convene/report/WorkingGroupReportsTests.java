package org.convene.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.report.ReportSamples.cirefca;
import static org.convene.report.ReportSamples.cpa;
import static org.convene.report.ReportSamples.finding;

import java.util.List;
import java.util.Map;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.WorkingGroupReport.Actor;
import org.convene.report.WorkingGroupReport.Finding;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A working group's report saved, versioned and read back on PostgreSQL: arrangements and findings
 * keep their ids across saves and versions; bad input is refused naming the field, nothing stored.
 */
@ConveneIntegrationTest
class WorkingGroupReportsTests {

    @Autowired WorkingGroupReports reports;
    @Autowired ProcessDriver driver;
    @Autowired Documents documents;
    @Autowired AnnouncedEvents events;
    @Autowired org.convene.meeting.Agendas agendas;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("WGR");
        driver.registerMeeting(code);
    }

    @Test
    void shouldSaveAReportWithArrangementsAndFindingsAndReadItBack() {
        WorkingGroupReport saved = reports.save(code, "WG3", ReportSamples.first(), "lena");

        assertThat(saved.stage()).isEqualTo(ReportStage.DRAFTING);
        assertThat(saved.questions()).hasSize(5).first().asString().contains("other examples of cooperative arrangements");
        assertThat(saved.arrangements()).extracting(WorkingGroupReport.Arrangement::id, WorkingGroupReport.Arrangement::name)
                .containsExactly(tuple("WG3-A1", "CIREFCA"), tuple("WG3-A2", "Comprehensive Plan of Action"));
        WorkingGroupReport.Arrangement cirefca = saved.arrangement("WG3-A1");
        assertThat(cirefca.actors()).containsExactly(new Actor("host State", "integrated refugees in development plans"),
                new Actor("UNDP", "co-led"));
        assertThat(cirefca.formsOfSupport()).containsExactly(FormOfSupport.FINANCIAL, FormOfSupport.TECHNICAL,
                FormOfSupport.POLITICAL);
        assertThat(cirefca.scale()).isEqualTo(Scale.COMPREHENSIVE);
        assertThat(cirefca.temporalScope()).isEqualTo(TemporalScope.TIME_BOUND);
        assertThat(cirefca.phases()).containsExactly(DisplacementPhase.PROTRACTED, DisplacementPhase.SOLUTIONS);
        assertThat(saved.arrangement("WG3-A2").formsOfSupport()).containsExactly(FormOfSupport.PHYSICAL);
        assertThat(saved.findings()).extracting(Finding::id, Finding::question, Finding::arrangements).containsExactly(
                tuple("WG3-F1", 3, List.of("WG3-A1")), tuple("WG3-F2", 4, List.of("WG3-A2")), tuple("WG3-F3", 5, List.of()));
        assertThat(reports.get(code, "WG3")).isEqualTo(saved);
        assertThat(saved.updatedBy()).isEqualTo("lena");
    }

    @Test
    void shouldKeepTheIdsOfArrangementsAndFindingsAcrossSavesAndVersions() {
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        WorkingGroupReports.Version first = reports.submit(code, "WG1", "lena", null);
        reports.reopen(code, "WG1");

        // the first arrangement and finding go, the others change, one of each is added
        WorkingGroupReport second = reports.save(code, "WG1", new ReportDraft(null,
                List.of(cpa("WG1-A2"), cirefca(null)),
                List.of(finding("WG1-F2", 4, "Screening of arrivals was contested.", "WG1-A2"),
                        finding("WG1-F3", 5, "Agree triggers in advance."),
                        finding(null, 3, "Development funding followed.", "CIREFCA"))), "omar");
        WorkingGroupReports.Version secondVersion = reports.submit(code, "WG1", "omar", null);

        assertThat(second.arrangements()).extracting(WorkingGroupReport.Arrangement::id).containsExactly("WG1-A2", "WG1-A3");
        assertThat(second.findings()).extracting(Finding::id, Finding::text, Finding::arrangements).containsExactly(
                tuple("WG1-F2", "Screening of arrivals was contested.", List.of("WG1-A2")),
                tuple("WG1-F3", "Agree triggers in advance.", List.of()),
                tuple("WG1-F4", "Development funding followed.", List.of("WG1-A3")));
        assertThat(reports.versions(code, "WG1")).extracting(WorkingGroupReports.Version::version,
                WorkingGroupReports.Version::stage, WorkingGroupReports.Version::savedBy).containsExactly(
                tuple(1, ReportStage.SUBMITTED, "lena"), tuple(2, ReportStage.SUBMITTED, "omar"));
        WorkingGroupReport kept = reports.versions(code, "WG1").get(0).report();
        assertThat(kept.findings()).as("version 1 as it was").extracting(Finding::id, Finding::text).containsExactly(
                tuple("WG1-F1", "Linking refugee aid to development brought solutions."),
                tuple("WG1-F2", "Screening was contested."), tuple("WG1-F3", "Agree triggers in advance."));
        assertThat(kept.version()).isEqualTo(1);
        assertThat(first.report()).isEqualTo(kept);
        assertThat(secondVersion.report().findings()).isEqualTo(second.findings());
        // each version is the next version of the WG_REPORT document, as Markdown
        assertThat(documents.versions(code, DocumentKind.WG_REPORT, "WG1")).extracting(Documents.Version::id)
                .containsExactly(first.documentVersionId(), secondVersion.documentVersionId());
        assertThat(documents.latestText(code, DocumentKind.WG_REPORT, "WG1"))
                .contains("### WG1-A3 · CIREFCA", "- **Forms of support:** financial, technical, political",
                        "- **WG1-F4** Development funding followed. (refers to WG1-A3)")
                .doesNotContain("WG1-F1");
        assertThat(events.of(WorkingGroupReportSubmitted.class, code)).extracting(WorkingGroupReportSubmitted::version,
                WorkingGroupReportSubmitted::arrangements, WorkingGroupReportSubmitted::findings,
                WorkingGroupReportSubmitted::actor).containsExactly(tuple(1, 2, 3, "lena"), tuple(2, 2, 3, "omar"));
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing() {
        reports.save(code, "WG1", ReportSamples.first(), "lena");
        reports.save(code, "WG2", new ReportDraft(null, List.of(cpa(null)), List.of()), "lena");
        WorkingGroupReport before = reports.get(code, "WG1");
        ArrangementDraft noActors = new ArrangementDraft(null, "RASRO", null, null, List.of(), null,
                List.of("financial", "military"), "targeted", "for ever", List.of("emergency"), false);

        assertThatThrownBy(() -> reports.save(code, "WG1", new ReportDraft(null, List.of(cirefca("WG1-A1"), noActors),
                List.of(finding("WG1-F1", 3, "  "), finding(null, 4, "Cites another group's arrangement.", "WG2-A1"),
                        finding(null, 9, "No such question."), finding(null, 5, "Cites nothing known.", "ICARA"))), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors()).containsExactly(
                        Map.entry("arrangements[1].actors", "An arrangement needs at least one actor, with its role."),
                        Map.entry("arrangements[1].formsOfSupport[1]", "'military' is no form of support: financial, "
                                + "material, technical, physical (resettlement), political."),
                        Map.entry("arrangements[1].temporalScope", "'for ever' is no temporal scope: ad hoc, time-bound, standing."),
                        Map.entry("findings[0].text", "A finding needs its text."),
                        Map.entry("findings[1].arrangements[0]", "WG2-A1 is an arrangement of Working Group 2; a finding "
                                + "cites the arrangements of its own working group's report."),
                        Map.entry("findings[2].question", "The question a finding answers is a number from 1 to 5, not 9."),
                        Map.entry("findings[3].arrangements[0]", "This report has no arrangement 'ICARA'.")));

        assertThat(reports.get(code, "WG1")).isEqualTo(before);
    }

    @Test
    void shouldKeepTheSubmittedReportFixedAndAfterValidationTakeOnlyThePlenarysFindings() {
        reports.save(code, "WG2", ReportSamples.first(), "lena");
        reports.submit(code, "WG2", "lena", null);

        assertThatThrownBy(() -> reports.save(code, "WG2", ReportSamples.first(), "lena"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The report of WG2 is with the chair for validation (version 1) and cannot change unless "
                        + "the chair returns it.");

        reports.validate(code, "WG2");
        ReportDraft asValidated = ReportForms.draftOf(reports.get(code, "WG2"));
        List<ReportDraft.FindingDraft> changed = new java.util.ArrayList<>(asValidated.findings());
        changed.set(0, finding("WG2-F1", 3, "Rewritten after validation.", "WG2-A1"));
        assertThatThrownBy(() -> reports.save(code, "WG2", new ReportDraft(null, asValidated.arrangements(), changed), "lena"))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("findings"));

        List<ReportDraft.FindingDraft> added = new java.util.ArrayList<>(asValidated.findings());
        added.add(finding(null, 5, "The plenary asked for a standby arrangement.", "WG2-A1"));
        WorkingGroupReport withPlenary = reports.save(code, "WG2", new ReportDraft(null, asValidated.arrangements(), added), "omar");
        assertThat(withPlenary.findings()).extracting(Finding::id, Finding::fromPlenary).containsExactly(
                tuple("WG2-F1", false), tuple("WG2-F2", false), tuple("WG2-F3", false), tuple("WG2-F4", true));

        WorkingGroupReports.Version presented = reports.present(code, "WG2", "omar", null);
        assertThat(presented.version()).isEqualTo(2);
        assertThat(presented.report().findings()).hasSize(4);
        assertThat(reports.validatedVersion(code, "WG2")).get().extracting(v -> v.report().findings().size()).isEqualTo(3);
        assertThat(reports.get(code, "WG2").stage()).isEqualTo(ReportStage.PRESENTED);
        assertThatThrownBy(() -> reports.save(code, "WG2", new ReportDraft(null, asValidated.arrangements(), added), "omar"))
                .isInstanceOf(ConflictException.class);
        assertThat(ReportText.markdown(presented.report())).contains(
                "- **WG2-F4** The plenary asked for a standby arrangement. (refers to WG2-A1) *(added in plenary)*");
    }

    @Test
    void shouldRefuseToSubmitAnEmptyReport() {
        assertThatThrownBy(() -> reports.submit(code, "WG1", "lena", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no arrangement and no finding yet");
        assertThat(reports.versions(code, "WG1")).isEmpty();
    }

    @Test
    void shouldNameTheChairsAccountAsValidatorElseAManagerAndNeverTheAuthor() {
        agendas.assignWorkingGroup(code, "WG1", "Ravi Menon", "ravi", "M. Ortega");
        agendas.assignWorkingGroup(code, "WG2", "Amina Yusuf", null, "J. Lindqvist");
        assertThat(reports.validator(code, "WG1")).isEqualTo("ravi");
        assertThat(reports.validator(code, "WG2")).isEqualTo("grace");

        reports.save(code, "WG1", ReportSamples.first(), "ravi");
        reports.submit(code, "WG1", "ravi", null);
        assertThat(reports.validator(code, "WG1")).as("the chair submitted it").isEqualTo("grace");
    }
}
