package org.convene.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.convene.report.ReportDraft;
import org.convene.report.WorkingGroupReport;
import org.convene.report.WorkingGroupReports;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo meetings' working-group reports ({@code demo/working-group-reports.yaml}, drawn from the
 * domain's sample data, illustrative where it says so), entered as staff would on the report's page
 * before they send a report to its chair.
 */
@Component
class DemoReports {

    private final WorkingGroupReports reports;
    private final Map<String, Map<String, Object>> byGroup;

    DemoReports(WorkingGroupReports reports) {
        this.reports = reports;
        this.byGroup = load();
    }

    /** Enters the group's report, unless it already holds something; a group not in the file gets one finding. */
    @SuppressWarnings("unchecked")
    void enter(String meetingCode, String workingGroupCode, String user) {
        if (!reports.get(meetingCode, workingGroupCode).isEmpty()) {
            return;
        }
        Map<String, Object> report = byGroup.get(workingGroupCode);
        if (report == null) {
            reports.save(meetingCode, workingGroupCode, new ReportDraft(null, null, List.of(new ReportDraft.FindingDraft(
                    null, 3, "Broad ownership by the States of the region.", null, true))), user);
            return;
        }
        List<ReportDraft.ArrangementDraft> arrangements = ((List<Map<String, Object>>) report.get("arrangements")).stream()
                .map(a -> new ReportDraft.ArrangementDraft(null, (String) a.get("name"), (String) a.get("period"),
                        (String) a.get("region"), ((List<Map<String, String>>) a.get("actors")).stream()
                                .map(actor -> new WorkingGroupReport.Actor(actor.get("actor"), actor.get("role"))).toList(),
                        (String) a.get("framework"), (List<String>) a.get("formsOfSupport"), (String) a.get("scale"),
                        (String) a.get("temporalScope"), (List<String>) a.get("phases"),
                        Boolean.TRUE.equals(a.get("illustrative"))))
                .toList();
        List<ReportDraft.FindingDraft> findings = ((List<Map<String, Object>>) report.get("findings")).stream()
                .map(f -> new ReportDraft.FindingDraft(null, (Integer) f.get("question"), (String) f.get("text"),
                        (List<String>) f.get("arrangements"), true))
                .toList();
        reports.save(meetingCode, workingGroupCode, new ReportDraft(null, arrangements, findings), user);
    }

    /** The plenary's finding on the group's validated report (illustrative), once. */
    void addPlenaryFinding(String meetingCode, String workingGroupCode, String user) {
        WorkingGroupReport report = reports.get(meetingCode, workingGroupCode);
        if (report.findings().stream().anyMatch(WorkingGroupReport.Finding::fromPlenary)) {
            return;
        }
        ReportDraft draft = ReportDraft.of(report);
        List<ReportDraft.FindingDraft> findings = new java.util.ArrayList<>(draft.findings());
        findings.add(new ReportDraft.FindingDraft(null, 5, "The plenary asked that the Common Framework name who "
                + "convenes the response once a trigger is met.", null, true));
        reports.save(meetingCode, workingGroupCode, new ReportDraft(draft.questions(), draft.arrangements(), findings), user);
    }

    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = new ClassPathResource("demo/working-group-reports.yaml").getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
