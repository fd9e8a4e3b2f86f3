package org.convene.identity;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
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
    /** A meeting's audit trail: its page, CSV and anything under it. */
    private static final Pattern AUDIT_PATH = Pattern.compile("^/meetings/[^/]+/audit(\\.csv|/|$)");
    /** A meeting's mails and anything under them. */
    private static final Pattern MAIL_PATH = Pattern.compile("^/meetings/[^/]+/mails(/|$)");
    /** A document's versions (page, PDF, DOCX, changes) and a meeting's list of documents. */
    private static final Pattern DOCUMENT_PATH = Pattern.compile("^(/documents/|/meetings/[^/]+/documents$)");

    @RequestMapping(PATH)
    String show(HttpServletRequest request, Model model) {
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        Object refused = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        model.addAttribute("message", cause instanceof CsrfException
                ? "The form had expired or came from another page. Reload the page and try again."
                : refused instanceof String path && AUDIT_PATH.matcher(path).find()
                        ? "A meeting's audit trail is open to managers and administrators only."
                        : refused instanceof String path && MAIL_PATH.matcher(path).find()
                        ? "A meeting's mails carry the invitees' signed links: they are open to convener staff and "
                                + "administrators only."
                        : refused instanceof String path && DOCUMENT_PATH.matcher(path).find()
                        ? "A document's versions are open to convener staff, managers, administrators and the "
                                + "reviewers asked to sign it off."
                        : "Your account may not do this. Managers and reviewers can read meetings, agendas and "
                                + "participant lists; only convener staff can change them.");
        return "error/403";
    }
}
