package org.convene.framework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.document.DocumentKind;
import org.convene.document.DocumentPrints;
import org.convene.document.Documents;
import org.convene.meeting.Meetings;
import org.convene.workflow.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The summary conclusions' pages for the secretariat. {@code /meetings/{code}/conclusions/comments}
 * (staff, managers, administrators: it names participants): the latest comment round's draft, each
 * paragraph beside the comments on it, then the comments on the whole draft, who was asked and who
 * answered; "Revise summary conclusions" links to it. {@code /meetings/{code}/summary-conclusions.pdf}
 * (everyone who reads meetings): the published conclusions as PDF (the document module's print of the
 * published version). A meeting with no round, or no published conclusions, answers 404 saying so.
 */
@Controller
class ConclusionsPages {

    /** One paragraph of the draft with the comments on it (none for a heading). */
    record Row(ConclusionsParagraphs.Paragraph paragraph, List<Comment> comments) {
    }

    record Comment(String participant, int paragraph, String text, OffsetDateTime receivedAt) {
    }

    private final CommentRound rounds;
    private final Meetings meetings;
    private final Documents documents;
    private final DocumentPrints prints;
    private final JdbcClient jdbc;

    ConclusionsPages(CommentRound rounds, Meetings meetings, Documents documents, DocumentPrints prints, JdbcClient jdbc) {
        this.rounds = rounds;
        this.meetings = meetings;
        this.documents = documents;
        this.prints = prints;
        this.jdbc = jdbc;
    }

    @GetMapping("/meetings/{code}/conclusions/comments")
    String comments(@PathVariable String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        CommentRound.Round round = rounds.latest(code).orElseThrow(() -> new NotFound(
                "The summary conclusions of " + code + " have not gone to the participants for comment yet."));
        List<Comment> comments = jdbc.sql("""
                        select participant_name, paragraph, comments, received_at from cv_participant_comment
                        where comment_round_id = ? order by paragraph, id""")
                .param(round.id())
                .query((rs, n) -> new Comment(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
        Map<Integer, List<Comment>> byParagraph = comments.stream().collect(Collectors.groupingBy(Comment::paragraph));
        String draft = round.versionId() == null ? "" : documents.version(round.versionId()).body();
        model.addAttribute("round", round);
        model.addAttribute("openedAt", CommentRound.timeLabel(round.openedAt(), round.zone()));
        model.addAttribute("version", round.versionId() == null ? null : documents.version(round.versionId()).version());
        model.addAttribute("rows", ConclusionsParagraphs.of(draft).stream()
                .map(p -> new Row(p, p.commentable() ? byParagraph.getOrDefault(p.number(), List.of()) : List.of()))
                .toList());
        model.addAttribute("overall", byParagraph.getOrDefault(0, List.of()));
        model.addAttribute("commenters", comments.stream().map(Comment::participant).distinct().toList());
        model.addAttribute("asked", rounds.asked(round.id()));
        model.addAttribute("open", round.openAt(org.convene.workflow.EngineClock.instant()));
        return "conclusions/comments";
    }

    @GetMapping("/meetings/{code}/summary-conclusions.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        meetings.get(code);
        Documents.Document document = documents.find(code, DocumentKind.SUMMARY_CONCLUSIONS, "")
                .filter(d -> d.publishedAt() != null)
                .orElseThrow(() -> new NotFound("The summary conclusions of " + code + " are not published yet."));
        Documents.Version version = documents.latest(code, DocumentKind.SUMMARY_CONCLUSIONS, "").orElseThrow();
        DocumentPrints.PrintedFile file = prints.pdf(version.id());
        return Downloads.attachment(file.fileName(), MediaType.APPLICATION_PDF, file.content());
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    /** Nothing there yet, with the page's message. */
    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
