package org.convene.invitation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's participants by category, counted against the concept note's targets (per category
 * and in all), and the reserve list. Staff add participants, move them between the list and the
 * reserve and remove those not yet invited; {@link Participants} checks every change. A stored
 * change redirects back with a notice (Post/Redirect/Get); a refused one shows the page again with
 * why (422).
 *
 * <p>Staff also import the secretariat's spreadsheet ({@link ParticipantImport}): the upload shows
 * a preview (rows to be added, rows refused with their row number and why) and stores nothing;
 * the preview's confirm form carries the file back (Base64 in a hidden field), so the rows are
 * checked again against the list as it is then, and a confirm sent twice refuses the second
 * time's rows as duplicates. Everyone who reads the page can export the list as CSV
 * ({@link ParticipantCsv}).
 */
@Controller
@RequestMapping("/meetings/{code}/participants")
class ParticipantPages {

    static final String VIEW = "participants/list";
    static final String BACK = "redirect:/meetings/{code}/participants";

    /** One category: who is on the list, who is in reserve, and whether the concept note asks for it. */
    record Category(Participants.Counts.Category counts, List<Participants.Participant> listed,
                    List<Participants.Participant> reserve) {

        public ParticipantCategory category() {
            return counts.category();
        }
    }

    static final String IMPORT_VIEW = "participants/import";
    /**
     * 1 MB, some five thousand rows: the preview's confirm form carries the file back in Base64 (a
     * third larger), which must stay within the servlet container's limit on a form's size (2 MB).
     */
    static final int MAX_UPLOAD = 1024 * 1024;

    private final Meetings meetings;
    private final Participants participants;
    private final ParticipantImport participantImport;

    ParticipantPages(Meetings meetings, Participants participants, ParticipantImport participantImport) {
        this.meetings = meetings;
        this.participants = participants;
        this.participantImport = participantImport;
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
        redirect.addFlashAttribute("notice", ParticipantInput.strip(person.name()) + " added to the "
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

    /** The upload: a preview of what the file would add and what it refuses; nothing is stored. */
    @PostMapping("/import")
    String preview(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
                   Model model, HttpServletResponse response) throws IOException {
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String fileName = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return previewPage(code, bytes, fileName, model, response);
    }

    /** The preview's confirm: adds the rows that pass the checks now; the notice says what was added and refused. */
    @PostMapping("/import/confirm")
    String confirm(@PathVariable String code, @RequestParam(name = "file", defaultValue = "") String file,
                   @RequestParam(name = "fileName", defaultValue = "") String fileName, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(file.strip());
        } catch (IllegalArgumentException garbled) {
            bytes = new byte[0];
        }
        ParticipantImport.Result result;
        try {
            result = participantImport.add(code, bytes);
        } catch (ChangeRefused refused) {
            return previewPage(code, bytes, fileName, model, response);
        }
        redirect.addFlashAttribute("notice", importNotice(result, fileName));
        redirect.addFlashAttribute("importRefused", result.refused());
        return BACK + "#import";
    }

    private String previewPage(String code, byte[] bytes, String fileName, Model model, HttpServletResponse response) {
        model.addAttribute("meeting", meetings.get(code));
        model.addAttribute("fileName", fileName);
        if (bytes.length > MAX_UPLOAD) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("problem", "The file is larger than 1 MB; a meeting's participant list is far smaller. "
                    + "Upload one meeting's list, saved as CSV.");
            return IMPORT_VIEW;
        }
        try {
            model.addAttribute("result", participantImport.preview(code, bytes));
            model.addAttribute("file", Base64.getEncoder().encodeToString(bytes));
        } catch (ChangeRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("problem", String.join(" ", refused.fieldErrors().values()));
        }
        return IMPORT_VIEW;
    }

    static String importNotice(ParticipantImport.Result result, String fileName) {
        String from = fileName.isBlank() ? "From the spreadsheet" : "From " + fileName;
        if (result.added().isEmpty()) {
            return from + ": nobody was added; " + rows(result.refused().size()) + " refused (see below).";
        }
        return from + ": " + result.listed() + " added to the participant list and " + result.reserved()
                + " to the reserve list" + (result.refused().isEmpty() ? "." : "; " + rows(result.refused().size())
                + " refused (see below).");
    }

    private static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }

    private String page(String code, Model model) {
        model.addAttribute("meeting", meetings.get(code));
        List<Participants.Participant> all = participants.list(code);
        Participants.Counts counts = participants.counts(code);
        model.addAttribute("categories", counts.categories().stream()
                .map(c -> new Category(c,
                        all.stream().filter(p -> p.category() == c.category() && !p.reserve()).toList(),
                        all.stream().filter(p -> p.category() == c.category() && p.reserve()).toList()))
                .toList());
        model.addAttribute("counts", counts);
        model.addAttribute("listedCount", counts.listed());
        model.addAttribute("reserve", all.stream().filter(Participants.Participant::reserve).toList());
        model.addAttribute("target", counts.target());
        model.addAttribute("allCategories", ParticipantCategory.values());
        model.addAttribute("titles", ParticipantTitle.values());
        model.addAttribute("roles", MeetingRole.values());
        model.asMap().putIfAbsent("errors", Map.of());
        return VIEW;
    }
}
