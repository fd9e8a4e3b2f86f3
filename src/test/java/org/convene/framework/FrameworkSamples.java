package org.convene.framework;

import java.util.List;
import org.convene.report.ReportDraft;
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.ReportDraft.FindingDraft;
import org.convene.report.WorkingGroupReport.Actor;
import org.convene.report.WorkingGroupReports;

/**
 * Working-group reports, recommendations and framework elements as staff would enter them for the
 * tests: WG1 with ICARA and four findings (WG1-A1, WG1-F1 … WG1-F4), WG2 with DISERO and two (WG2-A1,
 * WG2-F1, WG2-F2).
 */
final class FrameworkSamples {

    private FrameworkSamples() {
    }

    static void reports(WorkingGroupReports reports, String code) {
        reports.save(code, "WG1", new ReportDraft(null, List.of(new ArrangementDraft(null, "ICARA I and ICARA II",
                "1981, 1984", "Africa", List.of(new Actor("host State", "hosted refugees"), new Actor("donor State", "funded")),
                "International conferences", List.of("financial", "political"), "comprehensive", "ad hoc",
                List.of("protracted", "solutions"), false)), List.of(
                new FindingDraft(null, 3, "Pledging conferences raised funds for host States.", List.of("ICARA I and ICARA II"), false),
                new FindingDraft(null, 4, "Pledges did not reach development.", List.of(), false),
                new FindingDraft(null, 5, "Agree triggers for a collective response in advance.", List.of(), false),
                new FindingDraft(null, 5, "Name who convenes the response.", List.of(), true))), "lena");
        reports.save(code, "WG2", new ReportDraft(null, List.of(new ArrangementDraft(null, "DISERO", "1979",
                "South China Sea", List.of(new Actor("flag State", "guaranteed resettlement")), null,
                List.of("physical/resettlement"), "targeted", "standing", List.of("emergency"), false)), List.of(
                new FindingDraft(null, 3, "Resettlement guarantees made ships stop for boats in distress.", List.of("DISERO"), false),
                new FindingDraft(null, 5, "Disembarkation needs agreed places.", List.of(), false))), "omar");
    }

    static RecommendationDraft recommendation(String text, int objective, String proposes, String... findings) {
        return new RecommendationDraft(null, text, objective, proposes, List.of(findings));
    }

    /** Three recommendations citing WG1 and WG2 findings. */
    static List<RecommendationDraft> recommendations() {
        return List.of(
                recommendation("Agree in advance the triggers for a collective response.", 3, "TRIGGER", "WG1-F3", "WG1-F4"),
                recommendation("Back pledges with development financing.", 2, "FORM_OF_SUPPORT", "WG1-F1", "WG1-F2"),
                recommendation("Guarantee resettlement places for people rescued at sea.", 1, "SCENARIO", "WG2-F1", "WG2-F2"));
    }
}
