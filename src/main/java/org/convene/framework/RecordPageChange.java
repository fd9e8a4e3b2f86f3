package org.convene.framework;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One change made on the recommendations or framework page (add, save or remove one record): the
 * records as stored, changed, saved whole. Stored: back to the page with a notice. Refused: the page
 * again (422) with the form as typed and each message by its field within the record
 * ({@code findings}, not {@code recommendations[2].findings}). Locked: back with why.
 */
final class RecordPageChange {

    private RecordPageChange() {
    }

    /**
     * @param stored  the records as stored, as drafts
     * @param edit    the change to make to them
     * @param save    saves the whole list (throws {@link ChangeRefused} or {@link ConflictException})
     * @param list    the API's name of the list, e.g. {@code recommendations}
     * @param form    the form the change came from ({@code new} or the record's id), shown open on a refusal
     * @param back    the redirect to the page
     * @param page    renders the page again
     */
    static <D> String apply(List<D> stored, UnaryOperator<List<D>> edit, Consumer<List<D>> save, String list, String notice,
                            String form, String back, Model model, RedirectAttributes redirect,
                            HttpServletResponse response, Supplier<String> page) {
        try {
            save.accept(edit.apply(new ArrayList<>(stored)));
        } catch (ChangeRefused refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.fieldErrors().forEach((field, message) -> errors.put(field.replaceFirst("^" + list + "\\[\\d+]\\.?", ""),
                    message));
            model.addAttribute("errorForm", form);
            model.addAttribute("errors", errors);
            model.addAttribute("problem", "Nothing was saved: correct what is marked below.");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page.get();
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("problem", conflict.getMessage());
            return back;
        }
        redirect.addFlashAttribute("notice", notice);
        return back + "#" + (form.equals("new") ? list : form);
    }
}
