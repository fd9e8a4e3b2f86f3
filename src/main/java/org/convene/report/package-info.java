/**
 * The working groups' reports: each working group's answers to its questions as records —
 * cooperative arrangements with their elements (actors and roles, framework used, forms of
 * support, scale, temporal scope, phases of the displacement cycle) and findings, each with an id
 * that stays the same across the report's versions, so that recommendations can cite them.
 * Staff enter a report for the rapporteur on its page ({@code /meetings/{code}/working-groups/{wg}/report},
 * linked from "Draft working group report") or through
 * {@code PUT /api/meetings/{code}/working-groups/{wg}/report}; the chair validates it through the
 * document module's SignOffProcess; the plenary adds its findings; the report is presented as a page,
 * PDF and DOCX. A report is due at the end of its working group's day ({@link org.convene.report.LateReports}):
 * a late one reminds the staff member who supports the rapporteur, then goes to the chair and a
 * manager, by mail through the mail module's outbox. The meeting's MeetingProcess calls this module's WorkingGroupReportProcess
 * (bpmn/report, {@link org.convene.report.WorkingGroupReportProcess}) once per working group.
 *
 * <p>Public API: {@link org.convene.report.WorkingGroupReports} (bean {@code workingGroupReports}),
 * the records {@link org.convene.report.WorkingGroupReport} and {@link org.convene.report.ReportDraft},
 * the value lists {@link org.convene.report.FormOfSupport} (shared with the framework's operational
 * toolbox), {@link org.convene.report.Scale}, {@link org.convene.report.TemporalScope},
 * {@link org.convene.report.DisplacementPhase}, and the events
 * {@link org.convene.report.WorkingGroupReportSubmitted} and
 * {@link org.convene.report.WorkingGroupReportPresented}.
 */
@ApplicationModule(allowedDependencies = {"meeting", "document", "identity", "workflow", "mail"})
package org.convene.report;

import org.springframework.modulith.ApplicationModule;
