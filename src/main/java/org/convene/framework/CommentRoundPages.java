package org.convene.framework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.identity.SignedLinkRefusal;
import org.convene.meeting.Meetings;
import org.convene.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The comment page of a participant's signed link, {@code /links/comments/{token}} (no login): the
 * draft summary conclusions the round opened on, rendered paragraph by paragraph by the document
 * module's Markdown rendering, each with a comment field, one for the whole draft, the deadline in the
 * venue's time, and that silence means no objection. GET changes nothing (mail scanners open links);
 * once the participant's comments were received it shows them and when. POST stores the comments
 * ({@link CommentRoundSubmissions}). A changed or forged link (400), a round closed (410), comments
 * already received (409) or a form that cannot be taken (400) get a plain page saying so, and
 * nothing is stored.
 */
@Controller
class CommentRoundPages {

    private final CommentRoundLinks links;
    private final CommentRoundSubmissions submissions;
    private final Meetings meetings;

    CommentRoundPages(CommentRoundLinks links, CommentRoundSubmissions submissions, Meetings meetings) {
        this.links = links;
        this.submissions = submissions;
        this.meetings = meetings;
    }

    @GetMapping(CommentRoundLinks.PATH + "{token}")
    ModelAndView show(@PathVariable String token, CsrfToken csrf) {
        CommentRoundLinks.Checked link = links.check(token);
        CommentRoundSubmissions.Opened opened = submissions.open(link);
        List<CommentRoundSubmissions.Received> received = submissions.received(link.roundId(), link.participantId());
        if (!received.isEmpty()) {
            return received(opened, received);
        }
        submissions.requireOpen(link, opened);
        csrf.getToken(); // the session holds the form's token before the page is written
        Map<String, Object> model = model(opened);
        model.put("token", token);
        model.put("paragraphs", ConclusionsParagraphs.of(opened.draft()));
        model.put("maxLength", CommentRoundSubmissions.MAX_LENGTH);
        model.put("openedAt", CommentRound.timeLabel(opened.round().openedAt(), opened.round().zone()));
        return new ModelAndView("conclusions/comment", model, HttpStatus.OK);
    }

    @PostMapping(CommentRoundLinks.PATH + "{token}")
    ModelAndView submit(@PathVariable String token, @RequestParam Map<String, String> form) {
        List<CommentRoundSubmissions.Received> stored = submissions.submit(token, form);
        return received(submissions.open(links.check(token)), stored);
    }

    @ExceptionHandler(SignedLinkRefusal.class)
    ModelAndView refused(SignedLinkRefusal refusal) {
        return new ModelAndView("links/refused", Map.of("title", refusal.title(), "message", refusal.getMessage()),
                HttpStatus.valueOf(refusal.status()));
    }

    private ModelAndView received(CommentRoundSubmissions.Opened opened, List<CommentRoundSubmissions.Received> received) {
        Map<String, Object> model = model(opened);
        model.put("received", received);
        model.put("receivedAt", CommentRound.timeLabel(received.get(0).receivedAt(), opened.round().zone()));
        return new ModelAndView("conclusions/commented", model, HttpStatus.OK);
    }

    private Map<String, Object> model(CommentRoundSubmissions.Opened opened) {
        Map<String, Object> model = new HashMap<>();
        model.put("meeting", meetings.get(opened.round().meetingCode()));
        model.put("participant", opened.participant().fullName());
        model.put("meetingCode", opened.round().meetingCode());
        model.put("deadline", opened.round().deadlineLabel());
        model.put("open", opened.round().openAt(EngineClock.instant()));
        return model;
    }
}
