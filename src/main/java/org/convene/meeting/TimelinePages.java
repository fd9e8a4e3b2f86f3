package org.convene.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's timeline ({@code /meetings/{code}/timeline}, linked from the meeting's page): each
 * milestone with its days before the meeting, its date in the venue's time zone and what it sets.
 * Staff and administrators move milestones (one form, each milestone a number of days, field
 * {@code days.<MILESTONE>}); everyone who reads meetings reads it. A stored change redirects back
 * saying how many open tasks and timers moved; a refused one shows the page again as typed, with
 * why (422).
 */
@Controller
@RequestMapping("/meetings/{code}/timeline")
class TimelinePages {

    private final Meetings meetings;
    private final MeetingTimeline timeline;
    private final SignedInUser user;

    TimelinePages(Meetings meetings, MeetingTimeline timeline, SignedInUser user) {
        this.meetings = meetings;
        this.timeline = timeline;
        this.user = user;
    }

    @GetMapping
    String show(@PathVariable String code, Model model) {
        return page(code, model);
    }

    @PostMapping
    String move(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        meetings.get(code);
        Map<String, Integer> days = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith("days.")) {
                String milestone = field.substring("days.".length());
                typed.put(milestone, value);
                try {
                    days.put(milestone, Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    errors.put(milestone, "Give a whole number of days, not " + value + ".");
                }
            }
        });
        try {
            if (!errors.isEmpty()) {
                throw new ChangeRefused(errors);
            }
            timeline.move(code, days, user.id());
        } catch (ChangeRefused refused) {
            model.addAttribute("typed", typed);
            model.addAttribute("errors", refused.fieldErrors());
            model.addAttribute("problem", "Nothing was saved: correct what is marked below.");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(code, model);
        }
        redirect.addFlashAttribute("notice", "Timeline saved; the due dates of the meeting's open tasks and timers "
                + "follow it.");
        return "redirect:/meetings/{code}/timeline";
    }

    private String page(String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        model.addAttribute("entries", timeline.of(code));
        model.asMap().putIfAbsent("typed", Map.of());
        model.asMap().putIfAbsent("errors", Map.of());
        return "meetings/timeline";
    }
}
