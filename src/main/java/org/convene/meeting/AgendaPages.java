package org.convene.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.workflow.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's agenda by day, and its working groups. Staff add, edit and remove sessions and change
 * each group's theme, chair, rapporteur and questions; {@link Agendas} checks every change. The page
 * warns while a working group has no rapporteur (the agenda cannot be submitted then). A change that was
 * stored redirects back with a notice (Post/Redirect/Get); a refused one shows the page again
 * with what was typed and why it was refused (422).
 */
@Controller
@RequestMapping("/meetings/{code}/agenda")
class AgendaPages {

    static final String VIEW = "meetings/agenda";
    static final String BACK = "redirect:/meetings/{code}/agenda";

    record Day(int number, String label, String shortLabel, List<Agendas.Session> sessions) {
    }

    /** A working group's form: questions one a line. */
    record GroupForm(String title, String chairName, String chairUserId, String rapporteurName, String questions) {

        Agendas.WorkingGroupChange change() {
            return new Agendas.WorkingGroupChange(title, chairName, chairUserId, rapporteurName,
                    questions == null ? null : AgendaInput.lines(questions));
        }
    }

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Meetings meetings;
    private final Agendas agendas;
    private final MeetingCalendar calendar;

    AgendaPages(Meetings meetings, Agendas agendas, MeetingCalendar calendar) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.calendar = calendar;
    }

    @GetMapping
    String show(@PathVariable String code, Model model) {
        model.addAttribute("newSession", blankSession());
        return page(code, model);
    }

    @PostMapping("/sessions")
    String addSession(@PathVariable String code, @ModelAttribute("newSession") Agendas.NewSession session, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        long id;
        try {
            id = agendas.addSession(code, session);
        } catch (ChangeRefused refused) {
            model.addAttribute("sessionErrors", refused.fieldErrors());
            return refusedPage(code, model, response);
        }
        redirect.addFlashAttribute("notice", "Session added: " + session.title().strip() + ".");
        redirect.addFlashAttribute("highlight", id);
        return BACK + "#day-" + Integer.parseInt(session.day().strip());
    }

    @PostMapping("/sessions/{id}")
    String changeSession(@PathVariable String code, @PathVariable long id,
                         @ModelAttribute("editSession") Agendas.NewSession session, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        try {
            agendas.changeSession(code, id, session);
        } catch (ChangeRefused refused) {
            model.addAttribute("editedSession", id);
            model.addAttribute("editErrors", refused.fieldErrors());
            model.addAttribute("newSession", blankSession());
            return refusedPage(code, model, response);
        }
        redirect.addFlashAttribute("notice", "Session saved: " + session.title().strip() + ".");
        redirect.addFlashAttribute("highlight", id);
        return BACK + "#session-" + id;
    }

    @PostMapping("/sessions/{id}/remove")
    String removeSession(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Agendas.Session removed = agendas.removeSession(code, id);
            redirect.addFlashAttribute("notice", "Session removed: " + removed.startsAt() + "–" + removed.endsAt() + " "
                    + removed.title() + ".");
            return BACK + "#day-" + removed.day();
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", String.join(" ", refused.fieldErrors().values()));
            return BACK;
        }
    }

    @PostMapping("/working-groups/{group}")
    String changeWorkingGroup(@PathVariable String code, @PathVariable String group,
                              @ModelAttribute("groupForm") GroupForm form, Model model,
                              RedirectAttributes redirect, HttpServletResponse response) {
        try {
            agendas.changeWorkingGroup(code, group, form.change());
        } catch (ChangeRefused refused) {
            model.addAttribute("editedGroup", group);
            model.addAttribute("groupErrors", refused.fieldErrors());
            model.addAttribute("newSession", blankSession());
            return refusedPage(code, model, response);
        }
        redirect.addFlashAttribute("notice", "Working group " + group + " saved.");
        return BACK + "#" + group;
    }

    private static Agendas.NewSession blankSession() {
        return new Agendas.NewSession("1", "", "", SessionKind.PLENARY.name(), "", "", "");
    }

    private String refusedPage(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("problem", "Nothing was saved: correct what is marked below.");
        return page(code, model);
    }

    private String page(String code, Model model) {
        Meeting meeting = meetings.get(code);
        List<Agendas.Session> sessions = agendas.sessions(code);
        model.addAttribute("meeting", meeting);
        model.addAttribute("days", calendar.days(code).stream()
                .map(day -> new Day(day, calendar.dayLabel(code, day),
                        "Day " + day + " — " + SHORT_DAY.format(meeting.firstDay().plusDays(day - 1L)),
                        sessions.stream().filter(s -> s.day() == day).toList()))
                .toList());
        model.addAttribute("workingGroups", agendas.workingGroups(code));
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("chairAccounts", agendas.chairAccounts());
        model.addAttribute("rooms", agendas.rooms(code));
        model.addAttribute("missingRapporteurs", agendas.missingRapporteurs(code));
        model.asMap().putIfAbsent("sessionErrors", Map.of());
        model.asMap().putIfAbsent("editErrors", Map.of());
        model.addAttribute("noErrors", Map.of());
        model.asMap().putIfAbsent("groupErrors", Map.of());
        return VIEW;
    }
}
