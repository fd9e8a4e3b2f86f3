package org.convene.report;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.convene.identity.SignedInUser;
import org.convene.report.ReportForms.ArrangementForm;
import org.convene.report.ReportForms.FindingForm;
import org.convene.report.ReportForms.QuestionsForm;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A working group's report page ({@code /meetings/{code}/working-groups/{wg}/report}, linked from
 * "Draft working group report" and "Record plenary discussion"): the questions, the cooperative
 * arrangements with their elements, the findings under each question, the versions kept. Staff add,
 * change and remove one arrangement or finding at a time while the report is drafted, and the
 * plenary's findings once the chair validated it; each change is saved through
 * {@link WorkingGroupReports#save} with the rest of the report as stored. A stored change redirects
 * back with a notice; a refused one shows the page again with the form as typed and why (422).
 * Everyone who reads meetings reads it; changes are for staff and administrators (the pages' filter
 * chain refuses the others' POSTs).
 */
@Controller
@RequestMapping("/meetings/{code}/working-groups/{wg}/report")
class ReportPages {

    static final String VIEW = "reports/report";
    static final String BACK = "redirect:/meetings/{code}/working-groups/{wg}/report";

    private final WorkingGroupReports reports;
    private final SignedInUser user;

    ReportPages(WorkingGroupReports reports, SignedInUser user) {
        this.reports = reports;
        this.user = user;
    }

    @GetMapping
    String show(@PathVariable String code, @PathVariable String wg, Model model) {
        return page(reports.get(code, wg), model);
    }

    @PostMapping("/arrangements")
    String addArrangement(@PathVariable String code, @PathVariable String wg,
                          @ModelAttribute("newArrangement") ArrangementForm form, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        return change(code, wg, draft -> withArrangements(draft, list -> list.add(form.draft(null))),
                "Arrangement added: " + strip(form.name()) + ".", "#arrangements", "new-arrangement", model, redirect,
                response);
    }

    @PostMapping("/arrangements/{id}")
    String changeArrangement(@PathVariable String code, @PathVariable String wg, @PathVariable String id,
                             @ModelAttribute("editArrangement") ArrangementForm form, Model model,
                             RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("edited", id);
        return change(code, wg, draft -> withArrangements(draft, list -> list.replaceAll(a ->
                        id.equals(a.id()) ? form.draft(id) : a)),
                "Arrangement " + id + " saved.", "#" + id, id, model, redirect, response);
    }

    @PostMapping("/arrangements/{id}/remove")
    String removeArrangement(@PathVariable String code, @PathVariable String wg, @PathVariable String id, Model model,
                             RedirectAttributes redirect, HttpServletResponse response) {
        return change(code, wg, draft -> withArrangements(draft, list -> list.removeIf(a -> id.equals(a.id()))),
                "Arrangement " + id + " removed.", "#arrangements", id, model, redirect, response);
    }

    @PostMapping("/findings")
    String addFinding(@PathVariable String code, @PathVariable String wg, @ModelAttribute("newFinding") FindingForm form,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(code, wg, draft -> withFindings(draft, list -> list.add(form.draft(null))), "Finding added.",
                "#question-" + form.question(), "new-finding-" + form.question(), model, redirect, response);
    }

    @PostMapping("/findings/{id}")
    String changeFinding(@PathVariable String code, @PathVariable String wg, @PathVariable String id,
                         @ModelAttribute("editFinding") FindingForm form, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        model.addAttribute("edited", id);
        return change(code, wg, draft -> withFindings(draft, list -> list.replaceAll(f ->
                        id.equals(f.id()) ? form.draft(id) : f)),
                "Finding " + id + " saved.", "#" + id, id, model, redirect, response);
    }

    @PostMapping("/findings/{id}/remove")
    String removeFinding(@PathVariable String code, @PathVariable String wg, @PathVariable String id, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        return change(code, wg, draft -> withFindings(draft, list -> list.removeIf(f -> id.equals(f.id()))),
                "Finding " + id + " removed.", "#findings", id, model, redirect, response);
    }

    @PostMapping("/questions")
    String changeQuestions(@PathVariable String code, @PathVariable String wg,
                           @ModelAttribute("questionsForm") QuestionsForm form, Model model, RedirectAttributes redirect,
                           HttpServletResponse response) {
        return change(code, wg, draft -> new ReportDraft(form.list(), draft.arrangements(), draft.findings()),
                "Questions saved.", "#questions", "questions", model, redirect, response);
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ModelAndView notFound(ReportNotFoundException e) {
        return new ModelAndView("error/404", Map.of("message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    private String change(String code, String wg, UnaryOperator<ReportDraft> change, String notice, String anchor,
                          String form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        WorkingGroupReport current = reports.get(code, wg);
        try {
            reports.save(code, wg, change.apply(ReportForms.draftOf(current)), user.id());
        } catch (ChangeRefused refused) {
            model.addAttribute("errorForm", form);
            model.addAttribute("errors", refused.fieldErrors());
            model.addAttribute("problem", "Nothing was saved: correct what is marked below.");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(current, model);
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("problem", conflict.getMessage());
            return BACK;
        }
        redirect.addFlashAttribute("notice", notice);
        return BACK + anchor;
    }

    private static ReportDraft withArrangements(ReportDraft draft, java.util.function.Consumer<List<ReportDraft.ArrangementDraft>> edit) {
        List<ReportDraft.ArrangementDraft> list = new ArrayList<>(draft.arrangements());
        edit.accept(list);
        return new ReportDraft(draft.questions(), list, draft.findings());
    }

    private static ReportDraft withFindings(ReportDraft draft, java.util.function.Consumer<List<ReportDraft.FindingDraft>> edit) {
        List<ReportDraft.FindingDraft> list = new ArrayList<>(draft.findings());
        edit.accept(list);
        return new ReportDraft(draft.questions(), draft.arrangements(), list);
    }

    private String page(WorkingGroupReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("versions", reports.versions(report.meetingCode(), report.workingGroupCode()));
        model.addAttribute("editable", user.canEdit() && report.stage().editable());
        model.addAttribute("plenary", user.canEdit() && report.stage() == ReportStage.VALIDATED);
        model.addAttribute("forms", FormOfSupport.values());
        model.addAttribute("scales", Scale.values());
        model.addAttribute("scopes", TemporalScope.values());
        model.addAttribute("phases", DisplacementPhase.values());
        model.asMap().putIfAbsent("newArrangement", ArrangementForm.blank());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("errorForm", "");
        model.addAttribute("markdown", reports.markdown(report));
        Map<String, ArrangementForm> arrangementForms = new LinkedHashMap<>();
        report.arrangements().forEach(a -> arrangementForms.put(a.id(), a.id().equals(model.getAttribute("edited"))
                && model.getAttribute("editArrangement") != null
                ? (ArrangementForm) model.getAttribute("editArrangement") : ArrangementForm.of(a)));
        model.addAttribute("arrangementForms", arrangementForms);
        Map<String, FindingForm> findingForms = new LinkedHashMap<>();
        report.findings().forEach(f -> findingForms.put(f.id(), f.id().equals(model.getAttribute("edited"))
                && model.getAttribute("editFinding") != null
                ? (FindingForm) model.getAttribute("editFinding") : FindingForm.of(f)));
        model.addAttribute("findingForms", findingForms);
        Map<Integer, FindingForm> blank = new LinkedHashMap<>();
        for (int q = 1; q <= report.questions().size(); q++) {
            blank.put(q, FindingForm.blank(q));
        }
        model.addAttribute("blankFindings", blank);
        return VIEW;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
