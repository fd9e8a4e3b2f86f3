package org.convene.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.Downloads;
import org.convene.workflow.MeetingHeadings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's mails, for staff and administrators (the page chain refuses everyone else: the
 * mails carry the invitees' signed links): the list with recipient, subject, status and time, and
 * one mail with its text (links clickable), its HTML (shown in a sandboxed frame: no script runs,
 * links open in a new tab), its calendar entry and attachments to download, and for a mail whose
 * delivery is uncertain the two decisions, "Resend" and "Mark as sent" ({@link MailDelivery}).
 */
@Controller
@RequestMapping("/meetings/{code}/mails")
class MailPages {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** A stretch of plain text, or a link in it. */
    record TextPiece(String text, boolean link) {
    }

    private final MeetingHeadings meetings;
    private final Mails mails;
    private final MailDelivery delivery;
    private final SignedInUser user;

    MailPages(MeetingHeadings meetings, Mails mails, MailDelivery delivery, SignedInUser user) {
        this.meetings = meetings;
        this.mails = mails;
        this.delivery = delivery;
        this.user = user;
    }

    @GetMapping
    String list(@PathVariable String code, Model model) {
        model.addAttribute("meeting", meeting(code));
        List<StoredMail> all = mails.of(code);
        model.addAttribute("mails", all);
        model.addAttribute("uncertain", all.stream().filter(m -> m.status() == MailStatus.UNCERTAIN).count());
        return "mails/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String code, @PathVariable long id, Model model) {
        model.addAttribute("meeting", meeting(code));
        StoredMail mail = mail(code, id);
        model.addAttribute("mail", mail);
        model.addAttribute("text", pieces(mail.text()));
        model.addAttribute("decisions", mails.decisions(id));
        // links leave the sandboxed frame in a new tab
        model.addAttribute("htmlDocument", mail.html() == null ? null : "<base target=\"_blank\">" + mail.html());
        return "mails/show";
    }

    @GetMapping("/{id}/attachments/{partNo}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id, @PathVariable int partNo) {
        meeting(code);
        mail(code, id);
        Attachment attachment = mails.attachment(id, partNo)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "The mail has no attachment " + partNo));
        return Downloads.attachment(attachment.fileName(), MediaType.parseMediaType(attachment.contentType()), attachment.content());
    }

    @GetMapping("/{id}/" + MailMessages.CALENDAR_FILE_NAME)
    ResponseEntity<byte[]> calendar(@PathVariable String code, @PathVariable long id) {
        meeting(code);
        StoredMail mail = mail(code, id);
        if (mail.calendar() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The mail has no calendar entry");
        }
        return Downloads.attachment(MailMessages.CALENDAR_FILE_NAME,
                MediaType.parseMediaType("text/calendar; charset=UTF-8; method=" + mail.calendar().method()),
                mail.calendar().ics().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        return decide(code, id, redirect, () -> delivery.resend(code, id, user.id()),
                "Sent again: the mail is back in the outbox and goes out under the same Message-ID.");
    }

    @PostMapping("/{id}/mark-sent")
    String markSent(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        return decide(code, id, redirect, () -> delivery.markSent(code, id, user.id()),
                "Marked as sent: it will not be sent again.");
    }

    private String decide(String code, long id, RedirectAttributes redirect, Runnable decision, String notice) {
        meeting(code);
        mail(code, id);
        try {
            decision.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", String.join(" ", refused.fieldErrors().values()));
        }
        return "redirect:/meetings/{code}/mails/{id}";
    }

    /** @throws ResponseStatusException 404 for a code no meeting has */
    private MeetingHeadings.Heading meeting(String code) {
        return meetings.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, MeetingHeadings.notFound(code)));
    }

    private StoredMail mail(String code, long id) {
        return mails.find(code, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Meeting " + code + " has no mail " + id));
    }

    /** The text cut into plain stretches and links, for the page to show links as links (all escaped). */
    static List<TextPiece> pieces(String text) {
        List<TextPiece> pieces = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        int at = 0;
        while (link.find()) {
            pieces.add(new TextPiece(text.substring(at, link.start()), false));
            pieces.add(new TextPiece(link.group(), true));
            at = link.end();
        }
        pieces.add(new TextPiece(text.substring(at), false));
        return pieces;
    }
}
