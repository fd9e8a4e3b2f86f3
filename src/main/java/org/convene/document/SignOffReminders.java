package org.convene.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.mail.MailAddress;
import org.convene.mail.OutgoingMail;
import org.convene.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The reminder mails of a sign-off ("Remind reviewers"): one to each reviewer who has not decided,
 * text and HTML, with the links to their task in Tasklist and to the version's page, and the due
 * date (UTC). Written to the mail module's {@link Outbox} under the key
 * {@code sign-off-reminder-<versionId>-<reviewer>-<round>}: a retried job writes nothing twice.
 * The addresses come from the identity service ({@link UserMail}); a reviewer without one is logged and skipped.
 */
@Component
class SignOffReminders {

    private static final Logger log = LoggerFactory.getLogger(SignOffReminders.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Outbox outbox;
    private final UserMail users;

    SignOffReminders(Outbox outbox, UserMail users) {
        this.outbox = outbox;
        this.users = users;
    }

    /** What a reminder is about: the version's document, its number and page, and when the sign-off is due. */
    record About(long versionId, String meetingCode, String title, int version, String versionPath, Instant dueAt,
                 boolean atDueDate) {
    }

    /**
     * Mails each reviewer of {@code openTasks} (reviewer → their open task's id) a reminder.
     *
     * @param round the reminder's number within the sign-off (1, 2, ...): part of each mail's key
     * @return the reviewers a reminder was written for now (not those written before, nor those without an address)
     */
    List<String> remind(About about, int round, Map<String, String> openTasks) {
        return openTasks.entrySet().stream()
                .filter(open -> remind(about, round, open.getKey(), open.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private boolean remind(About about, int round, String reviewer, String taskId) {
        MailAddress to = users.to(reviewer).orElse(null);
        if (to == null) {
            log.warn("Sign-off reminder for {} (version {}) not sent: {} has no e-mail address", about.title(),
                    about.version(), reviewer);
            return false;
        }
        String name = to.displayName();
        String task = users.taskUrl(taskId);
        String page = users.url(about.versionPath());
        String due = DUE.format(about.dueAt());
        String what = about.title() + " (version " + about.version() + ")";
        String subject = (about.atDueDate() ? "Due today: sign off " : "Reminder: sign off ") + what;
        String text = "Dear " + name + ",\n\n"
                + (about.atDueDate() ? "Your sign-off of " + what + " is due today, " + due + ".\n"
                        : "Your sign-off of " + what + " is due on " + due + ".\n")
                + "Please sign it off, or reject it with your comments.\n\n"
                + "Your task in Tasklist: " + task + "\n"
                + "The version: " + page + "\n\n"
                + "Without a decision by the due date, a manager decides how the sign-off goes on.\n\n"
                + "Convene\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>Dear " + esc(name) + ",</p>"
                + "<p>Your sign-off of <strong>" + esc(what) + "</strong> is due "
                + (about.atDueDate() ? "today, " : "on ") + "<strong>" + esc(due) + "</strong>.</p>"
                + "<p>Please sign it off, or reject it with your comments.</p>"
                + "<p><a href=\"" + esc(task) + "\">Open your task in Tasklist</a> · "
                + "<a href=\"" + esc(page) + "\">Read the version</a></p>"
                + "<p>Without a decision by the due date, a manager decides how the sign-off goes on.</p>"
                + "<p>Convene</p></body></html>";
        String key = "sign-off-reminder-" + about.versionId() + "-" + reviewer + "-" + round;
        return outbox.enqueue(new OutgoingMail(key, about.meetingCode(), to, subject, text, html,
                null, List.of()));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
