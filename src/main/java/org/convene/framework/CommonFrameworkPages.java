package org.convene.framework;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.identity.SignedInUser;
import org.convene.meeting.MeetingNotFoundException;
import org.convene.report.DisplacementPhase;
import org.convene.report.FormOfSupport;
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
 * The Common Framework page ({@code /meetings/{code}/framework}, linked from "Draft Common
 * Framework", the recommendations page and the meeting's page): the set of understandings and the
 * operational toolbox, each element with the recommendations (and their findings) it rests on, the
 * PDF and DOCX; staff add, change and remove one element at a time, each change saved through
 * {@link CommonFramework#replace} with the others as stored. A stored change redirects back with a
 * notice; a refused one shows the page again with the form as typed and why (422). Everyone who
 * reads meetings reads it; changes are for staff and administrators.
 */
@Controller
@RequestMapping("/meetings/{code}/framework")
class CommonFrameworkPages {

    static final String VIEW = "framework/framework";
    static final String BACK = "redirect:/meetings/{code}/framework";

    /** An element as its form posts it; {@code recommendations} are the ticked recommendation ids. */
    record Form(String kind, String title, String text, String formOfSupport, String phase, String arrangement,
                Boolean illustrative, List<String> recommendations) {

        static Form blank() {
            return new Form("", "", "", "", "", "", false, List.of());
        }

        static Form of(FrameworkElement e) {
            return new Form(e.kind().name(), e.title(), e.text(), e.formOfSupport() == null ? "" : e.formOfSupport().name(),
                    e.phase() == null ? "" : e.phase().name(), e.arrangement() == null ? "" : e.arrangement().id(),
                    e.illustrative(), e.recommendations().stream().map(Recommendation::id).toList());
        }

        FrameworkElementDraft draft(String id) {
            return new FrameworkElementDraft(id, kind, title, text, formOfSupport, phase, arrangement,
                    Boolean.TRUE.equals(illustrative), recommendations);
        }
    }

    private final CommonFramework framework;
    private final Recommendations recommendations;
    private final Documents documents;
    private final SignedInUser user;

    CommonFrameworkPages(CommonFramework framework, Recommendations recommendations, Documents documents,
                         SignedInUser user) {
        this.framework = framework;
        this.recommendations = recommendations;
        this.documents = documents;
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
        }, "Element added.", "new", model, redirect, response);
    }

    @PostMapping("/{id}")
    String save(@PathVariable String code, @PathVariable String id, Form form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        model.addAttribute("editForm", form);
        return change(code, list -> {
            list.replaceAll(e -> id.equals(e.id()) ? form.draft(id) : e);
            return list;
        }, "Element " + id + " saved.", id, model, redirect, response);
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String code, @PathVariable String id, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return change(code, list -> {
            list.removeIf(e -> id.equals(e.id()));
            return list;
        }, "Element " + id + " removed.", id, model, redirect, response);
    }

    @ExceptionHandler(MeetingNotFoundException.class)
    ModelAndView notFound(MeetingNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    private String change(String code, UnaryOperator<List<FrameworkElementDraft>> edit, String notice, String form,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<FrameworkElementDraft> stored = framework.elements(code).stream().map(e -> Form.of(e).draft(e.id())).toList();
        return RecordPageChange.apply(stored, edit, drafts -> framework.replace(code, drafts, user.id()),
                CommonFramework.FIELD, notice, form, BACK, model, redirect, response, () -> page(code, model));
    }

    private String page(String code, Model model) {
        List<FrameworkElement> elements = framework.elements(code);
        model.addAttribute("meetingCode", code);
        model.addAttribute("understandings", elements.stream().filter(e -> !e.kind().toolbox()).toList());
        model.addAttribute("toolbox", elements.stream().filter(e -> e.kind().toolbox()).toList());
        model.addAttribute("elements", elements);
        model.addAttribute("editable", user.canEdit() && framework.editable(code));
        model.addAttribute("locked", !framework.editable(code));
        model.addAttribute("document", documents.find(code, DocumentKind.COMMON_FRAMEWORK, "").orElse(null));
        model.addAttribute("recommendations", recommendations.list(code));
        model.addAttribute("arrangements", framework.arrangements(code).values());
        model.addAttribute("kinds", FrameworkElementKind.values());
        model.addAttribute("forms", FormOfSupport.values());
        model.addAttribute("phases", DisplacementPhase.values());
        model.addAttribute("saved", framework.lastSaved(code).orElse(null));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("errorForm", "");
        model.asMap().putIfAbsent("newForm", Form.blank());
        Map<String, Form> forms = new LinkedHashMap<>();
        elements.forEach(e -> forms.put(e.id(), e.id().equals(model.getAttribute("errorForm")) && model.getAttribute("editForm") != null
                ? (Form) model.getAttribute("editForm") : Form.of(e)));
        model.addAttribute("elementForms", forms);
        return VIEW;
    }
}
