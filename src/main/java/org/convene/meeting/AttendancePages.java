package org.convene.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * A meeting day's attendance register ({@code /meetings/{code}/attendance/{day}}, linked from
 * "Record attendance"): the confirmed participants, each ticked present (unticked: absent), and the
 * walk-ins. Staff and administrators change it; the others read it. A stored change redirects back
 * with a notice; a refused one shows the page again with why (422).
 */
@Controller
@RequestMapping("/meetings/{code}/attendance/{day}")
class AttendancePages {

    static final String BACK = "redirect:/meetings/{code}/attendance/{day}";

    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final AttendanceRegister register;
    private final SignedInUser user;

    AttendancePages(Meetings meetings, MeetingCalendar calendar, AttendanceRegister register, SignedInUser user) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.register = register;
        this.user = user;
    }

    @GetMapping
    String show(@PathVariable String code, @PathVariable int day, Model model, HttpServletResponse response) {
        return page(code, day, model, response);
    }

    @PostMapping
    String mark(@PathVariable String code, @PathVariable int day,
                @RequestParam(name = "present", required = false) List<Long> present, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        try {
            register.mark(code, day, present == null ? List.of() : present, user.id());
        } catch (ChangeRefused refused) {
            return refusedPage(code, day, refused, model, response);
        }
        AttendanceRegister.Count count = register.count(code, day);
        redirect.addFlashAttribute("notice", "Attendance saved: " + count.present() + " present, " + count.absent()
                + " absent.");
        return BACK;
    }

    @PostMapping("/walk-ins")
    String addWalkIn(@PathVariable String code, @PathVariable int day, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String organisation, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        try {
            register.addWalkIn(code, day, name, organisation, user.id());
        } catch (ChangeRefused refused) {
            model.addAttribute("walkInName", name);
            model.addAttribute("walkInOrganisation", organisation);
            return refusedPage(code, day, refused, model, response);
        }
        redirect.addFlashAttribute("notice", "Walk-in added: " + name.strip() + ".");
        return BACK + "#walk-ins";
    }

    @PostMapping("/walk-ins/remove")
    String removeWalkIn(@PathVariable String code, @PathVariable int day, @RequestParam String name,
                        RedirectAttributes redirect) {
        register.removeWalkIn(code, day, name, user.id());
        redirect.addFlashAttribute("notice", "Walk-in removed: " + name + ".");
        return BACK + "#walk-ins";
    }

    private String refusedPage(String code, int day, ChangeRefused refused, Model model, HttpServletResponse response) {
        model.addAttribute("problem", "Nothing was saved: " + String.join(" ", refused.fieldErrors().values()));
        String view = page(code, day, model, response);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return view;
    }

    private String page(String code, int day, Model model, HttpServletResponse response) {
        Meeting meeting = meetings.get(code);
        List<AttendanceRegister.Line> lines;
        try {
            lines = register.day(code, day);
        } catch (ChangeRefused refused) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", String.join(" ", refused.fieldErrors().values()));
            return "error/404";
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("day", day);
        model.addAttribute("dayLabel", calendar.dayLabel(code, day));
        model.addAttribute("lines", lines);
        model.addAttribute("count", register.count(code, day));
        model.addAttribute("days", calendar.days(code));
        return "meetings/attendance";
    }
}
