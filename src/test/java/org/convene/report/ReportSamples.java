package org.convene.report;

import java.util.List;
import org.convene.report.ReportDraft.ArrangementDraft;
import org.convene.report.ReportDraft.FindingDraft;
import org.convene.report.WorkingGroupReport.Actor;

/** Reports as staff would enter them for the tests: arrangements with their elements and findings. */
final class ReportSamples {

    private ReportSamples() {
    }

    static ArrangementDraft cirefca(String id) {
        return new ArrangementDraft(id, "CIREFCA", "1987-1994", "Central America",
                List.of(new Actor("host State", "integrated refugees in development plans"), new Actor("UNDP", "co-led")),
                "International Conference on Central American Refugees", List.of("financial", "technical", "political"),
                "comprehensive", "time-bound", List.of("protracted", "solutions"), false);
    }

    static ArrangementDraft cpa(String id) {
        return new ArrangementDraft(id, "Comprehensive Plan of Action", "1988-1996", "South-East Asia",
                List.of(new Actor("resettlement State", "resettled refugees")), null, List.of("physical/resettlement"),
                "COMPREHENSIVE", "TIME_BOUND", List.of("SOLUTIONS"), false);
    }

    static FindingDraft finding(String id, int question, String text, String... arrangements) {
        return new FindingDraft(id, question, text, List.of(arrangements), false);
    }

    /** Two arrangements and three findings, the first citing an arrangement by name, the second by name too. */
    static ReportDraft first() {
        return new ReportDraft(null, List.of(cirefca(null), cpa(null)), List.of(
                finding(null, 3, "Linking refugee aid to development brought solutions.", "CIREFCA"),
                finding(null, 4, "Screening was contested.", "Comprehensive Plan of Action"),
                finding(null, 5, "Agree triggers in advance.")));
    }
}
