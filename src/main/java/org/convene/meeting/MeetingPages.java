package org.convene.meeting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of meetings and a meeting's page: its concept note and the managers' reviews of it. */
@Controller
class MeetingPages {

    private final Meetings meetings;
    private final ConceptNotes conceptNotes;

    MeetingPages(Meetings meetings, ConceptNotes conceptNotes) {
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.all());
        return "meetings/list";
    }

    @GetMapping("/meetings/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        model.addAttribute("conceptNote", conceptNotes.latest(code).orElse(null));
        model.addAttribute("reviews", conceptNotes.reviewHistory(code));
        return "meetings/show";
    }
}
