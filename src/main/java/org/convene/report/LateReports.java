package org.convene.report;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convene.identity.ConveneGroups;
import org.convene.identity.UserDirectory;
import org.convene.mail.MailAddress;
import org.convene.mail.OutgoingMail;
import org.convene.mail.Outbox;
import org.convene.meeting.Agendas;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a working group's report is due and what happens when it is late. It is due at the end of
 * its working group's day: the end of that day's last session on the agenda (18:00 when the day has
 * none), in the venue's time zone. At the due date the staff member who supports the rapporteur
 * (the drafting task's assignee; every member of convener-staff while nobody has taken it) gets a
 * reminder; {@link #ESCALATION_DELAY} later the chair (when the chair has an account) and a manager
 * are told. The mails go through the mail module's outbox, one key per task and person, so a
 * retried job sends nothing twice; a person without an e-mail address is logged and skipped.
 * WorkingGroupReportProcess reads the dates as {@code workingGroupReports}' {@code dueAt} and
 * {@code escalationAt}.
 */
@Component
public class LateReports {

    /** How long after the due date a late report goes to the chair and a manager. */
    public static final Duration ESCALATION_DELAY = Duration.ofHours(12);

    private static final Logger log = LoggerFactory.getLogger(LateReports.class);
    private static final LocalTime DEFAULT_END = LocalTime.of(18, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (zzz)", Locale.ENGLISH);

    private final Meetings meetings;
    private final Agendas agendas;
    private final UserDirectory users;
    private final Outbox outbox;
    private final String publicUrl;

    LateReports(Meetings meetings, Agendas agendas, UserDirectory users, Outbox outbox,
                @Value("${convene.public-url:http://localhost:8080}") String publicUrl) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.users = users;
        this.outbox = outbox;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * The end of the working group's day in the venue's time zone.
     *
     * @throws ReportNotFoundException for an unknown meeting or working group
     */
    public ZonedDateTime due(String meetingCode, String workingGroupCode) {
        Meeting meeting = meetings.find(meetingCode).orElseThrow(() -> new ReportNotFoundException(meetingCode));
        int day = agendas.workingGroups(meetingCode).stream().filter(g -> g.code().equals(workingGroupCode)).findFirst()
                .orElseThrow(() -> new ReportNotFoundException(meetingCode, workingGroupCode)).day();
        LocalTime end = agendas.sessions(meetingCode).stream().filter(s -> s.day() == day).map(Agendas.Session::endsAt)
                .max(LocalTime::compareTo).orElse(DEFAULT_END);
        return meeting.firstDay().plusDays(day - 1L).atTime(end).atZone(meeting.timeZone());
    }

    /** {@link #due} as the engine's due date and timer take it. */
    public Date dueAt(String meetingCode, String workingGroupCode) {
        return Date.from(due(meetingCode, workingGroupCode).toInstant());
    }

    /** {@link #ESCALATION_DELAY} after {@link #due}. */
    public Date escalationAt(String meetingCode, String workingGroupCode) {
        return Date.from(due(meetingCode, workingGroupCode).plus(ESCALATION_DELAY).toInstant());
    }

    /**
     * The reminder: to the task's assignee, else to every member of convener-staff.
     *
     * @param assignee the drafting task's assignee; null while nobody has taken it
     * @return the users a reminder was written for now
     */
    public List<String> remind(String meetingCode, String workingGroupCode, String assignee, String taskId) {
        List<String> to = assignee != null ? List.of(assignee)
                : users.members(ConveneGroups.STAFF).stream().map(UserDirectory.Person::id).sorted().toList();
        return send("wg-report-overdue", meetingCode, workingGroupCode, to, taskId,
                "Overdue: the report of " + workingGroupCode,
                "The report of " + groupName(workingGroupCode) + " was due at the end of its day, "
                        + WHEN.format(due(meetingCode, workingGroupCode)) + ", and has not gone to the chair yet.\n"
                        + "Please complete it on its page and send it to the chair with \"Draft working group report\".");
    }

    /**
     * The escalation: to the chair's account (when the chair has one) and a manager (the first by user id).
     *
     * @return the users an escalation was written for now
     */
    public List<String> escalate(String meetingCode, String workingGroupCode, String taskId) {
        Set<String> to = new LinkedHashSet<>();
        agendas.chairAccount(meetingCode, workingGroupCode).ifPresent(to::add);
        users.members(ConveneGroups.MANAGERS).stream().map(UserDirectory.Person::id).sorted().findFirst().ifPresent(to::add);
        return send("wg-report-escalated", meetingCode, workingGroupCode, new ArrayList<>(to), taskId,
                "Late report: " + groupName(workingGroupCode) + " has not reported",
                "The report of " + groupName(workingGroupCode) + " was due "
                        + WHEN.format(due(meetingCode, workingGroupCode)) + " and is still not with its chair; "
                        + "the staff member supporting the rapporteur was reminded at the due date.\n"
                        + "Please follow it up with them.");
    }

    private List<String> send(String kind, String meetingCode, String workingGroupCode, List<String> to, String taskId,
                              String subject, String body) {
        String page = publicUrl + "/meetings/" + meetingCode + "/working-groups/" + workingGroupCode + "/report";
        String task = publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
        List<String> sent = new ArrayList<>();
        for (String user : to) {
            String address = users.email(user).orElse(null);
            if (address == null) {
                log.warn("{} of {} {} not sent: {} has no e-mail address", kind, meetingCode, workingGroupCode, user);
                continue;
            }
            String name = users.find(user).map(UserDirectory.Person::name).orElse(user);
            String text = "Dear " + name + ",\n\n" + body + "\n\nThe report: " + page + "\nThe task: " + task + "\n\nConvene\n";
            if (outbox.enqueue(OutgoingMail.plain(kind + "-" + workingGroupCode + "-" + taskId + "-" + user, meetingCode,
                    new MailAddress(address, name), subject + " (" + meetingCode + ")", text))) {
                sent.add(user);
            }
        }
        return sent;
    }

    private static String groupName(String code) {
        return code.replace("WG", "Working Group ");
    }
}
