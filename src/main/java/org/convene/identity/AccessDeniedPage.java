package org.convene.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 403 page of the app's pages. Spring Security forwards here (any method: a refused POST
 * arrives as a POST) with the status already set, while the user is still known to the request.
 */
@Controller
class AccessDeniedPage {

    static final String PATH = "/access-denied";

    @RequestMapping(PATH)
    String show(HttpServletRequest request, Model model) {
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("message", cause instanceof CsrfException
                ? "The form had expired or came from another page. Reload the page and try again."
                : "Your account may not do this. Managers and reviewers can read meetings, agendas and "
                        + "participant lists; only convener staff can change them.");
        return "error/403";
    }
}
