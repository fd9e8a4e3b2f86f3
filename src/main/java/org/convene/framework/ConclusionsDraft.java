package org.convene.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.report.MeetingFindings;
import org.convene.report.ReportStage;
import org.springframework.stereotype.Component;

/**
 * The text "Draft summary conclusions" opens with (bean {@code conclusionsDraft}): the latest version
 * once there is one (a draft the chair returned); before that, a first draft for the general rapporteur
 * made from the working groups' findings (the report module's {@link MeetingFindings}) whose reports
 * the chairs validated or the plenary heard, grouped by working group and question, each finding
 * with its id so the conclusions can be traced back to it.
 */
@Component("conclusionsDraft")
public class ConclusionsDraft {

    private final Documents documents;
    private final MeetingFindings findings;
    private final Meetings meetings;

    ConclusionsDraft(Documents documents, MeetingFindings findings, Meetings meetings) {
        this.documents = documents;
        this.findings = findings;
        this.meetings = meetings;
    }

    /**
     * The draft's Markdown: the latest version's text, or the first draft made from the findings.
     *
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    public String text(String meetingCode) {
        return documents.latest(meetingCode, DocumentKind.SUMMARY_CONCLUSIONS, "").map(Documents.Version::body)
                .orElseGet(() -> fromFindings(meetingCode));
    }

    /** The first draft: an opening paragraph, then per working group and question the validated findings. */
    String fromFindings(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        List<MeetingFindings.Listed> validated = findings.list(meetingCode, MeetingFindings.Filter.none()).stream()
                .filter(f -> f.reportStage() == ReportStage.VALIDATED || f.reportStage() == ReportStage.PRESENTED)
                .toList();
        StringBuilder text = new StringBuilder("The ").append(meeting.title()).append(" met in ").append(meeting.place())
                .append(" on ").append(meeting.datesLabel()).append(". These conclusions draw together the findings of "
                        + "its working groups and the plenary's discussion of them.\n");
        if (validated.isEmpty()) {
            return text.append("\nNo working group report has been validated yet: write the conclusions here, or "
                    + "return to this task once the chairs have validated the reports.\n").toString();
        }
        Map<String, List<MeetingFindings.Listed>> byGroup = validated.stream().collect(Collectors.groupingBy(
                MeetingFindings.Listed::workingGroupCode, LinkedHashMap::new, Collectors.toList()));
        for (List<MeetingFindings.Listed> group : byGroup.values()) {
            text.append("\n## ").append(group.get(0).workingGroupTitle().replaceFirst("^Report of ", "")).append('\n');
            Map<Integer, List<MeetingFindings.Listed>> byQuestion = group.stream().collect(Collectors.groupingBy(
                    MeetingFindings.Listed::question, LinkedHashMap::new, Collectors.toList()));
            for (List<MeetingFindings.Listed> question : byQuestion.values()) {
                MeetingFindings.Listed first = question.get(0);
                text.append("\n### Question ").append(first.question())
                        .append(first.questionText().isBlank() ? "" : ": " + first.questionText()).append("\n\n");
                question.forEach(f -> text.append("- ").append(f.text().strip().replaceAll("\\s*\\n\\s*", " "))
                        .append(" (").append(f.id()).append(")\n"));
            }
        }
        return text.toString();
    }
}
