package org.convene.framework;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.convene.identity.SignedInUser;
import org.convene.meeting.MeetingNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recommendations page ({@code /meetings/{code}/recommendations}, linked from "Draft
 * recommendations" and the meeting's page): each recommendation with the objective it serves and
 * the findings it rests on; staff add, change and remove one at a time (the findings ticked from the
 * meeting's findings), each change saved through {@link Recommendations#replace} with the others as
 * stored. A stored change redirects back with a notice; a refused one shows the page again with the
 * form as typed and why (422). Everyone who reads meetings reads it; changes are for staff and
 * administrators (the pages' filter chain refuses the others' POSTs).
 */
@Controller
@RequestMapping("/meetings/{code}/recommendations")
class RecommendationPages {

    static final String VIEW = "framework/recommendations";
    static final String BACK = "redirect:/meetings/{code}/recommendations";

    /** A recommendation as its form posts it; {@code findings} are the ticked finding ids. */
    record Form(String text, Integer objective, String proposes, List<String> findings) {

        static Form blank() {
            return new Form("", null, "", List.of());
        }

        static Form of(Recommendation r) {
            return new Form(r.text(), r.objective().number(), r.proposes() == null ? "" : r.proposes().name(), r.findingIds());
        }

        RecommendationDraft draft(String id) {
            return new RecommendationDraft(id, text, objective, proposes, findings);
        }
    }

    private final Recommendations recommendations;
    private final SignedInUser user;

    RecommendationPages(Recommendations recommendations, SignedInUser user) {
        this.recommendations = recommendations;
        this.user = user;
    }

    @GetMapping
    String show(@PathVariable String code, Model model) {
        return page(code, model);
    }

    @PostMapping
    String add(@PathVariable String code, Form form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("newForm", form);
        return change(code, list -> {
            list.add(form.draft(null));
            return list;
        }, "Recommendation added.", "new", model, redirect, response);
    }

    @PostMapping("/{id}")
    String save(@PathVariable String code, @PathVariable String id, Form form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        model.addAttribute("editForm", form);
        return change(code, list -> {
            list.replaceAll(r -> id.equals(r.id()) ? form.draft(id) : r);
            return list;
        }, "Recommendation " + id + " saved.", id, model, redirect, response);
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String code, @PathVariable String id, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return change(code, list -> {
            list.removeIf(r -> id.equals(r.id()));
            return list;
        }, "Recommendation " + id + " removed.", id, model, redirect, response);
    }

    @ExceptionHandler(MeetingNotFoundException.class)
    ModelAndView notFound(MeetingNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    private String change(String code, UnaryOperator<List<RecommendationDraft>> edit, String notice, String form,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<RecommendationDraft> stored = recommendations.list(code).stream().map(r -> Form.of(r).draft(r.id())).toList();
        return RecordPageChange.apply(stored, edit, drafts -> recommendations.replace(code, drafts, user.id()),
                Recommendations.FIELD, notice, form, BACK, model, redirect, response, () -> page(code, model));
    }

    private String page(String code, Model model) {
        List<Recommendation> all = recommendations.list(code);
        model.addAttribute("meetingCode", code);
        model.addAttribute("recommendations", all);
        model.addAttribute("markdown", recommendations.markdown(code));
        model.addAttribute("editable", user.canEdit() && recommendations.editable(code));
        model.addAttribute("locked", !recommendations.editable(code));
        model.addAttribute("objectives", recommendations.objectives(code));
        model.addAttribute("findings", recommendations.citable(code));
        model.addAttribute("kinds", FrameworkElementKind.values());
        model.addAttribute("saved", recommendations.lastSaved(code).orElse(null));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("errorForm", "");
        model.asMap().putIfAbsent("newForm", Form.blank());
        Map<String, Form> forms = new LinkedHashMap<>();
        all.forEach(r -> forms.put(r.id(), r.id().equals(model.getAttribute("errorForm")) && model.getAttribute("editForm") != null
                ? (Form) model.getAttribute("editForm") : Form.of(r)));
        model.addAttribute("forms", forms);
        return VIEW;
    }
}
