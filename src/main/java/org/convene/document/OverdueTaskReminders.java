package org.convene.document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convene.identity.UserDirectory;
import org.convene.mail.MailAddress;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminds staff that a document's task has passed its due date (the documentation pack not yet
 * circulated): a plain-text mail to the task's assignee when someone has claimed it, else to every
 * member of the task's candidate groups (the task is offered to them, so they are told), with the
 * link to the task in Tasklist and the due date (in the venue's time zone and UTC). Written to
 * the mail module's {@link Outbox} under the key {@code overdue-<taskId>-<user>-<due, yyyyMMddHHmm
 * UTC>}: once per person, task and deadline, whatever is retried; a moved deadline is a new one. A
 * user without an address is logged and skipped.
 */
@Component
class OverdueTaskReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueTaskReminders.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter VENUE_DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    /**
     * The overdue task: its id and name, who has it (null while offered), the groups it is offered
     * to, its due date, and the venue's time zone id to name it in (null: UTC only).
     */
    record Overdue(String meetingCode, DocumentKind kind, String taskId, String taskName, String assignee,
                   Collection<String> candidateGroups, Instant due, String venueTimeZone) {
    }

    private final Outbox outbox;
    private final UserDirectory directory;
    private final UserMail users;

    OverdueTaskReminders(Outbox outbox, UserDirectory directory, UserMail users) {
        this.outbox = outbox;
        this.directory = directory;
        this.users = users;
    }

    /**
     * Mails the reminder of an overdue task.
     *
     * @return the user ids a reminder was written for now (not those reminded before for this
     *         deadline, nor those without an address), in the order of the groups' members
     */
    List<String> remind(Overdue task) {
        Set<String> recipients = new LinkedHashSet<>();
        if (task.assignee() != null) {
            recipients.add(task.assignee());
        } else {
            task.candidateGroups().forEach(group -> directory.members(group).forEach(p -> recipients.add(p.id())));
        }
        return recipients.stream().filter(user -> remindOne(task, user)).toList();
    }

    /** {@code Monday 25 January 2027, 09:00 (Asia/Amman time; 06:00 UTC)}, or the UTC time alone. */
    private static String due(Overdue task) {
        if (task.venueTimeZone() == null) {
            return DUE.format(task.due());
        }
        ZoneId zone = ZoneId.of(task.venueTimeZone());
        return VENUE_DUE.withZone(zone).format(task.due()) + " (" + zone.getId() + " time; " + UTC_TIME.format(task.due()) + ")";
    }

    private boolean remindOne(Overdue task, String user) {
        MailAddress to = users.to(user).orElse(null);
        if (to == null) {
            log.warn("Overdue task '{}' of {}: {} has no e-mail address and is not reminded", task.taskName(),
                    task.meetingCode(), user);
            return false;
        }
        String text = "Dear " + to.displayName() + ",\n\n"
                + "\"" + task.taskName() + "\" (" + task.kind().title("") + ") of the meeting " + task.meetingCode()
                + " was due on " + due(task) + " and is not done yet.\n\n"
                + (task.assignee() == null ? "Nobody has claimed it: whoever takes it on, please claim it in Tasklist.\n\n"
                        : "It is assigned to you.\n\n")
                + "Open it in Tasklist:\n" + users.taskUrl(task.taskId()) + "\n\n"
                + "You are reminded once for this due date.\n\nConvene\n";
        return outbox.enqueue(OutgoingMail.plain("overdue-" + task.taskId() + "-" + user + "-" + KEY.format(task.due()),
                task.meetingCode(), to, "Overdue: " + task.taskName() + " (" + task.meetingCode() + ")", text));
    }
}
