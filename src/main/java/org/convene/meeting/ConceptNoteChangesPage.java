package org.convene.meeting;

import org.convene.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /meetings/{code}/concept-note/changes[?from=m]}: what changed in the concept note from
 * version m to the latest, section by section ({@link ConceptNoteChanges}); without {@code from},
 * from the version the signed-in manager last reviewed, else the one before the latest. Staff,
 * managers and administrators read it (SecurityConfiguration); "Review concept note" links to it.
 * An unknown meeting, a meeting with no concept note yet, or a {@code from} that is no version of
 * it: 404; a {@code from} that is not a whole number: 400 (PageInputErrors).
 */
@Controller
class ConceptNoteChangesPage {

    private final Meetings meetings;
    private final ConceptNotes conceptNotes;
    private final ConceptNoteChanges changes;
    private final SignedInUser user;

    ConceptNoteChangesPage(Meetings meetings, ConceptNotes conceptNotes, ConceptNoteChanges changes, SignedInUser user) {
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
        this.changes = changes;
        this.user = user;
    }

    @GetMapping("/meetings/{code}/concept-note/changes")
    ModelAndView show(@PathVariable String code, @RequestParam(required = false) Integer from) {
        Meeting meeting = meetings.get(code);
        ConceptNotes.ConceptNote latest = conceptNotes.latest(code).orElse(null);
        if (latest == null) {
            return notFound("The meeting " + code + " has no concept note yet.");
        }
        int to = latest.version();
        int since = from != null ? from : changes.defaultFrom(code, to, user.id());
        if (from != null && (from < 1 || from > to)) {
            return notFound("The concept note of " + code + " has versions 1 to " + to + "; there is no version " + from + ".");
        }
        ModelAndView page = new ModelAndView("meetings/concept-note-changes");
        page.addObject("meeting", meeting);
        page.addObject("latest", latest);
        page.addObject("comparison", since < 1 ? null : changes.compare(code, since, to));
        page.addObject("chosenByDefault", from == null);
        return page;
    }

    private static ModelAndView notFound(String message) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("message", message);
        return page;
    }
}
