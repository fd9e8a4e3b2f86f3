package org.convene.invitation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's participants by category, counted against the concept note's target, and the
 * reserve list. Staff add participants, move them between the list and the reserve and remove
 * those not yet invited; {@link Participants} checks every change. A stored change redirects
 * back with a notice (Post/Redirect/Get); a refused one shows the page again with why (422).
 */
@Controller
@RequestMapping("/meetings/{code}/participants")
class ParticipantPages {

    static final String VIEW = "participants/list";
    static final String BACK = "redirect:/meetings/{code}/participants";

    /** One category: who is on the list, who is in reserve, and whether the concept note asks for it. */
    record Category(ParticipantCategory category, boolean suggested, List<Participants.Participant> listed,
                    List<Participants.Participant> reserve) {
    }

    private final Meetings meetings;
    private final Participants participants;
    private final ConceptNotes conceptNotes;

    ParticipantPages(Meetings meetings, Participants participants, ConceptNotes conceptNotes) {
        this.meetings = meetings;
        this.participants = participants;
        this.conceptNotes = conceptNotes;
    }

    @GetMapping
    String show(@PathVariable String code, Model model) {
        model.addAttribute("newParticipant", new Participants.NewParticipant("", "", "", "", "", "", "", "", false));
        return page(code, model);
    }

    @PostMapping
    String add(@PathVariable String code, @ModelAttribute("newParticipant") Participants.NewParticipant person,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        long id;
        try {
            id = participants.add(code, person);
        } catch (ChangeRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", refused.fieldErrors());
            model.addAttribute("problem", "Nothing was saved: correct what is marked below.");
            return page(code, model);
        }
        redirect.addFlashAttribute("notice", person.name().strip() + " added to the "
                + (Boolean.TRUE.equals(person.reserve()) ? "reserve list." : "participant list."));
        redirect.addFlashAttribute("highlight", id);
        return BACK + "#participant-" + id;
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable String code, @PathVariable long id, @RequestParam boolean reserve,
                RedirectAttributes redirect) {
        try {
            String name = participants.moveTo(code, id, reserve).name();
            redirect.addFlashAttribute("notice", name + " moved to the "
                    + (reserve ? "reserve list." : "participant list."));
            redirect.addFlashAttribute("highlight", id);
            return BACK + "#participant-" + id;
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", String.join(" ", refused.fieldErrors().values()));
            return BACK;
        }
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        try {
            String name = participants.remove(code, id).name();
            redirect.addFlashAttribute("notice", name + " removed.");
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", String.join(" ", refused.fieldErrors().values()));
        }
        return BACK;
    }

    private String page(String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        List<Participants.Participant> all = participants.list(code);
        List<ParticipantCategory> suggested = conceptNotes.latest(code).map(ConceptNotes.ConceptNote::participantCategories)
                .orElse(List.of());
        model.addAttribute("categories", Arrays.stream(ParticipantCategory.values())
                .map(c -> new Category(c, suggested.contains(c),
                        all.stream().filter(p -> p.category() == c && !p.reserve()).toList(),
                        all.stream().filter(p -> p.category() == c && p.reserve()).toList()))
                .toList());
        model.addAttribute("listedCount", all.stream().filter(p -> !p.reserve()).count());
        model.addAttribute("reserve", all.stream().filter(Participants.Participant::reserve).toList());
        model.addAttribute("target", conceptNotes.participantsTarget(code));
        model.addAttribute("allCategories", ParticipantCategory.values());
        model.asMap().putIfAbsent("errors", Map.of());
        return VIEW;
    }
}
