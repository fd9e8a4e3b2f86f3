package org.convene.framework;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convene.document.DocumentExports;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentVersions;
import org.convene.document.Documents;
import org.convene.document.PrintedDocument;
import org.convene.document.PrintedDocument.Heading;
import org.convene.document.PrintedDocument.Paragraph;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.report.MeetingFindings;
import org.springframework.stereotype.Component;

/**
 * The Common Framework as it prints, PDF and DOCX through the document module's exports: the
 * title; the meeting, the version and where it stands (published on …); the set of understandings;
 * the operational toolbox kind by kind, each element with its text and the recommendations it rests
 * on; and the annex "Traceability": for every element a table of the recommendations, findings,
 * working groups and questions it rests on (one row per finding of each recommendation, the
 * recommendation's text on its first row). Elements
 * marked illustrative say so. Printed from the records as they stand, which cannot change once the
 * framework went to sign-off, so the published file is the text the manager approved.
 */
@Component
public class CommonFrameworkPrints {

    static final List<String> ANNEX_HEADER = List.of("Recommendation", "Finding", "Working group", "Question");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final CommonFramework framework;
    private final Meetings meetings;
    private final Documents documents;
    private final DocumentVersions statuses;
    private final DocumentExports exports;

    CommonFrameworkPrints(CommonFramework framework, Meetings meetings, Documents documents, DocumentVersions statuses,
                          DocumentExports exports) {
        this.framework = framework;
        this.meetings = meetings;
        this.documents = documents;
        this.statuses = statuses;
        this.exports = exports;
    }

    /** The PDF's bytes. @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting */
    public byte[] pdf(String meetingCode) {
        return exports.pdf(printed(meetingCode));
    }

    /** The DOCX's bytes. @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting */
    public byte[] docx(String meetingCode) {
        return exports.docx(printed(meetingCode));
    }

    /** The file's name without extension: {@code EM-2011-AMMAN-common-framework}. */
    public static String fileName(String meetingCode) {
        return meetingCode + "-common-framework";
    }

    PrintedDocument printed(String meetingCode) {
        Meeting meeting = meetings.get(meetingCode);
        List<FrameworkElement> elements = framework.elements(meetingCode);
        String title = DocumentKind.COMMON_FRAMEWORK.title("");
        List<String> subtitle = new ArrayList<>();
        subtitle.add(meeting.title());
        subtitle.add(meeting.place() + " · " + meeting.datesLabel());
        subtitle.add(standing(meetingCode));
        List<PrintedDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Set of understandings"));
        blocks.add(new Paragraph("Parameters and benchmarks for future cooperative arrangements.", false, true, null));
        elements.stream().filter(e -> !e.kind().toolbox()).forEach(e -> element(blocks, e));
        blocks.add(new Heading(1, "Operational toolbox"));
        FrameworkElementKind current = null;
        for (FrameworkElement e : elements.stream().filter(e -> e.kind().toolbox()).toList()) {
            if (e.kind() != current) {
                blocks.add(new Heading(2, CommonFrameworkText.plural(e.kind())));
                current = e.kind();
            }
            element(blocks, e);
        }
        blocks.add(new Heading(1, "Annex: traceability"));
        blocks.add(new Paragraph("For every element of the framework, the recommendations it rests on and, for each, the "
                + "findings of the working groups' reports it cites, with their working group and question."));
        for (FrameworkElement e : elements) {
            blocks.add(new Heading(3, e.id() + " · " + e.title()));
            List<List<String>> rows = new ArrayList<>();
            for (Recommendation r : e.recommendations()) {
                for (MeetingFindings.Listed f : r.findings()) {
                    rows.add(List.of(f == r.findings().get(0) ? r.id() + ": " + r.text() : r.id() + " (continued)",
                            f.id() + ": " + f.text(), group(f), question(f)));
                }
                if (r.findings().isEmpty()) {
                    rows.add(List.of(r.id() + ": " + r.text(), "—", "—", "—"));
                }
            }
            blocks.add(new PrintedDocument.Table(ANNEX_HEADER, rows));
        }
        return new PrintedDocument(title, subtitle, blocks, meetingCode + " · Common Framework · " + standing(meetingCode));
    }

    private static void element(List<PrintedDocument.Block> blocks, FrameworkElement e) {
        blocks.add(new Paragraph(e.id() + " · " + e.title() + (e.illustrative() ? " (illustrative)" : ""), true, false, null));
        String detail = CommonFrameworkText.detail(e);
        if (!detail.isEmpty()) {
            blocks.add(new Paragraph(detail, false, true, null));
        }
        if (e.text() != null) {
            blocks.add(new Paragraph(e.text()));
        }
        blocks.add(new Paragraph("Rests on recommendations " + e.recommendations().stream().map(Recommendation::id)
                .collect(Collectors.joining(", ")) + ".", false, true, null));
    }

    private String standing(String meetingCode) {
        Documents.Document document = documents.find(meetingCode, DocumentKind.COMMON_FRAMEWORK, "").orElse(null);
        Documents.Version latest = documents.latest(meetingCode, DocumentKind.COMMON_FRAMEWORK, "").orElse(null);
        if (latest == null) {
            return "Draft, not yet submitted";
        }
        String version = "Version " + latest.version();
        if (document != null && document.publishedAt() != null) {
            return version + " · published on " + document.publishedAt().withOffsetSameInstant(ZoneOffset.UTC).format(DAY);
        }
        return version + " · " + statuses.status(latest).label();
    }

    private static String group(MeetingFindings.Listed f) {
        return f.workingGroupTitle() == null || f.workingGroupTitle().isBlank() ? f.workingGroupCode()
                : f.workingGroupTitle().replaceFirst("^Report of ", "");
    }

    private static String question(MeetingFindings.Listed f) {
        return f.question() > 0 ? "Q" + f.question() + ": " + f.questionText() : "—";
    }
}
