package org.convene.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of meetings and a meeting's page: its concept note and the managers' reviews of it,
 * its cancellation if cancelled, its end if it finished or its process was deleted by hand; staff move it (new first day, venue or time zone) and staff or a
 * manager cancel it there ({@link MeetingSchedules} checks both). A stored change redirects back with
 * a notice; a refused one shows the page again with what was typed and why (422).
 */
@Controller
class MeetingPages {

    private final Meetings meetings;
    private final ConceptNotes conceptNotes;
    private final MeetingSchedules schedules;
    private final SignedInUser user;
    private final MeetingLifecycle lifecycle;

    MeetingPages(Meetings meetings, ConceptNotes conceptNotes, MeetingSchedules schedules, SignedInUser user,
                 MeetingLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
        this.schedules = schedules;
        this.user = user;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.all());
        model.addAttribute("standings", lifecycle.standings());
        return "meetings/list";
    }

    @GetMapping("/meetings/{code}")
    String show(@PathVariable String code, Model model) {
        Meeting meeting = meetings.get(code);
        model.addAttribute("schedule", new MeetingSchedules.NewSchedule(meeting.firstDay().toString(), meeting.place(),
                meeting.timeZone().getId(), ""));
        return page(code, model);
    }

    @PostMapping("/meetings/{code}/schedule")
    String reschedule(@PathVariable String code, @ModelAttribute("schedule") MeetingSchedules.NewSchedule schedule,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Meeting moved;
        try {
            moved = schedules.reschedule(code, schedule, user.id());
        } catch (ChangeRefused refused) {
            model.addAttribute("scheduleErrors", refused.fieldErrors());
            return refusedPage(code, model, response);
        }
        redirect.addFlashAttribute("notice", "Meeting moved: " + moved.place() + ", " + moved.datesLabel()
                + ". Invitees who have not declined are sent the updated calendar entry.");
        return "redirect:/meetings/{code}";
    }

    @PostMapping("/meetings/{code}/cancel")
    String cancel(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            schedules.cancel(code, reason, user.id());
        } catch (ChangeRefused refused) {
            Meeting meeting = meetings.get(code);
            model.addAttribute("schedule", new MeetingSchedules.NewSchedule(meeting.firstDay().toString(),
                    meeting.place(), meeting.timeZone().getId(), ""));
            model.addAttribute("cancelErrors", refused.fieldErrors());
            model.addAttribute("cancelReason", reason);
            return refusedPage(code, model, response);
        }
        redirect.addFlashAttribute("notice", "Meeting cancelled. Its processes have ended; invitees who have not "
                + "declined are sent the cancellation.");
        return "redirect:/meetings/{code}";
    }

    private String refusedPage(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("problem", "Nothing was changed: correct what is marked below.");
        return page(code, model);
    }

    private String page(String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        model.addAttribute("cancellation", schedules.cancellation(code).orElse(null));
        model.addAttribute("standing", lifecycle.standing(code).orElse(null));
        model.addAttribute("conceptNote", conceptNotes.latest(code).orElse(null));
        model.addAttribute("reviews", conceptNotes.reviewHistory(code));
        model.asMap().putIfAbsent("scheduleErrors", Map.of());
        model.asMap().putIfAbsent("cancelErrors", Map.of());
        model.asMap().putIfAbsent("cancelReason", "");
        return "meetings/show";
    }
}
