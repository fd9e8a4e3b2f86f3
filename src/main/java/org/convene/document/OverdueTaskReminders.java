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
import org.convene.identity.ConveneGroups;
import org.convene.identity.UserDirectory;
import org.convene.mail.MailAddress;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one writer of the mails about an overdue user task, whoever notices it (a BPMN timer on the
 * task, the periodic check of every meeting's tasks, the report module's late reports). The
 * reminder goes to the task's assignee when someone has claimed it, else to every member of the
 * task's candidate groups; the escalation, past a grace period, to every member of managers. Each
 * is plain text with the link to the task in Tasklist and the due date (in the venue's time zone
 * and UTC), written to the mail module's {@link Outbox} under a key of task, person and due date
 * ({@code overdue-<taskId>-<user>-<due, yyyyMMddHHmm UTC>}, {@code overdue-escalated-…}): once per
 * person, task and deadline, whoever writes it and however often; a moved deadline is a new one. A
 * user without an address is logged and skipped.
 */
@Component
public class OverdueTaskReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueTaskReminders.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter VENUE_DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    /**
     * The overdue task.
     *
     * @param meetingCode     the meeting whose process it belongs to
     * @param about           what it is about, said after its name ("Background paper",
     *                        "Working Group 1"); null for nothing
     * @param taskId          the task's id
     * @param taskName        its name, "Circulate documentation pack"
     * @param assignee        who has it; null while it is offered
     * @param candidateGroups the groups it is offered to
     * @param due             its due date
     * @param venueTimeZone   the venue's time zone id to name the due date in; null: UTC only
     */
    public record Overdue(String meetingCode, String about, String taskId, String taskName, String assignee,
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
     * Mails the reminder of an overdue task to its assignee, else to its candidate groups' members.
     *
     * @return the user ids a reminder was written for now (not those reminded before for this
     *         deadline, nor those without an address), in the order of the groups' members
     */
    public List<String> remind(Overdue task) {
        Set<String> recipients = new LinkedHashSet<>();
        if (task.assignee() != null) {
            recipients.add(task.assignee());
        } else {
            task.candidateGroups().forEach(group -> directory.members(group).forEach(p -> recipients.add(p.id())));
        }
        String state = task.assignee() == null
                ? "Nobody has claimed it: whoever takes it on, please claim it in Tasklist.\n\n"
                : "It is assigned to you.\n\n";
        return recipients.stream().filter(user -> write(task, user, "overdue-", "Overdue: ",
                state + "You are reminded once for this due date.")).toList();
    }

    /**
     * Mails the escalation of a task still overdue past the grace period to every member of managers.
     *
     * @return the user ids an escalation was written for now
     */
    public List<String> escalate(Overdue task) {
        String holder = task.assignee() == null ? "Nobody has claimed it; " + String.join(", ", task.candidateGroups())
                + " were reminded at the due date." : "It is assigned to " + task.assignee() + ", who was reminded at the due date.";
        return directory.members(ConveneGroups.MANAGERS).stream().map(UserDirectory.Person::id).sorted()
                .filter(user -> write(task, user, "overdue-escalated-", "Still overdue: ",
                        holder + "\nYou are told as a manager, once for this due date.")).toList();
    }

    /** {@code Monday 25 January 2027, 09:00 (Asia/Amman time; 06:00 UTC)}, or the UTC time alone. */
    private static String due(Overdue task) {
        if (task.venueTimeZone() == null) {
            return DUE.format(task.due());
        }
        ZoneId zone = ZoneId.of(task.venueTimeZone());
        return VENUE_DUE.withZone(zone).format(task.due()) + " (" + zone.getId() + " time; " + UTC_TIME.format(task.due()) + ")";
    }

    private boolean write(Overdue task, String user, String keyPrefix, String subjectPrefix, String closing) {
        MailAddress to = users.to(user).orElse(null);
        if (to == null) {
            log.warn("Overdue task '{}' of {}: {} has no e-mail address and is not told", task.taskName(),
                    task.meetingCode(), user);
            return false;
        }
        String text = "Dear " + to.displayName() + ",\n\n"
                + "\"" + task.taskName() + "\"" + (task.about() == null ? "" : " (" + task.about() + ")")
                + " of the meeting " + task.meetingCode() + " was due on " + due(task) + " and is not done yet.\n\n"
                + closing + "\n\nOpen it in Tasklist:\n" + users.taskUrl(task.taskId()) + "\n\nConvene\n";
        return outbox.enqueue(OutgoingMail.plain(keyPrefix + task.taskId() + "-" + user + "-" + KEY.format(task.due()),
                task.meetingCode(), to, subjectPrefix + task.taskName() + " (" + task.meetingCode() + ")", text));
    }
}
