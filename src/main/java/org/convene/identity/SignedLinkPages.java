package org.convene.identity;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of signed links, for invitees without a login. GET shows what the link is for and a
 * form, or what was already recorded for it and when, and changes nothing (mail scanners open
 * links); a form sent again records nothing and shows what was recorded. POST verifies, consumes and performs in
 * one transaction. A tampered (400), expired (410) or used (409) token, or an action that
 * refuses, gets a plain page saying so, and nothing changes. The form carries the anonymous
 * session's CSRF token.
 */
@Controller
class SignedLinkPages {

    /** Where a refused CSRF check forwards (a token has a dot, so no token takes this path). */
    static final String FORM_EXPIRED = "/links/form-expired";

    private final SignedLinkActions actions;

    SignedLinkPages(SignedLinkActions actions) {
        this.actions = actions;
    }

    @GetMapping("/links/{token}")
    ModelAndView show(@PathVariable String token, @RequestParam Map<String, String> query, CsrfToken csrf) {
        SignedLinkActions.Shown shown = actions.show(token);
        if (shown.page() == null) {
            return new ModelAndView("links/done", Map.of("result", shown.recorded()), HttpStatus.OK);
        }
        csrf.getToken(); // the session holds the form's token before the page is written
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("page", shown.page());
        model.put("selected", query.get(shown.page().choiceName()));
        return new ModelAndView("links/form", model, HttpStatus.OK);
    }

    @PostMapping("/links/{token}")
    ModelAndView submit(@PathVariable String token, @RequestParam Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.remove("_csrf");
        LinkResult result = actions.submit(token, fields);
        return new ModelAndView("links/done", Map.of("result", result), HttpStatus.OK);
    }

    @RequestMapping(FORM_EXPIRED)
    ModelAndView formExpired() {
        return page(403, "This form has expired", "The page was open too long, or cookies are blocked, so "
                + "your answer could not be accepted and nothing was recorded. Please open the link from the "
                + "e-mail again and send your answer.");
    }

    @ExceptionHandler(SignedLinkRefusal.class)
    ModelAndView refused(SignedLinkRefusal refusal) {
        return page(refusal.status(), refusal.title(), refusal.getMessage());
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ModelAndView crossed() {
        return page(409, "Please try again", "Your answer crossed another change made at the same moment, and "
                + "nothing was recorded. Please open the link from the e-mail again.");
    }

    private static ModelAndView page(int status, String title, String message) {
        return new ModelAndView("links/refused", Map.of("title", title, "message", message), HttpStatus.valueOf(status));
    }
}
