package org.convene.report;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.convene.document.OverdueTaskReminders;
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
 * reminder; {@link #ESCALATION_DELAY} later the chair (when the chair has an account) and the
 * managers are told. The reminder and the managers' mail are the document module's overdue-task
 * mails (so the periodic check of overdue work never writes them a second time); all go through the
 * mail module's outbox, one key per task and person, so a retried job sends nothing twice; a person
 * without an e-mail address is logged and skipped.
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
    private final OverdueTaskReminders reminders;
    private final String publicUrl;

    LateReports(Meetings meetings, Agendas agendas, UserDirectory users, Outbox outbox, OverdueTaskReminders reminders,
                @Value("${convene.public-url:http://localhost:8080}") String publicUrl) {
        this.reminders = reminders;
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
     * The reminder, at the due date: to the drafting task's assignee, else to every member of
     * convener-staff, through the document module's {@link OverdueTaskReminders} (the same mail, once,
     * as the periodic check of overdue work would write).
     *
     * @param assignee the drafting task's assignee; null while nobody has taken it
     * @return the users a reminder was written for now
     */
    public List<String> remind(String meetingCode, String workingGroupCode, String taskId, String taskName,
                               String assignee) {
        return reminders.remind(overdue(meetingCode, workingGroupCode, taskId, taskName, assignee));
    }

    /**
     * The escalation, {@link #ESCALATION_DELAY} after the due date: to the chair's account (when the
     * chair has one), and to the managers through {@link OverdueTaskReminders#escalate} (once, as the
     * periodic check would write it after its grace period).
     *
     * @return the users an escalation was written for now
     */
    public List<String> escalate(String meetingCode, String workingGroupCode, String taskId, String taskName,
                                 String assignee) {
        List<String> sent = new ArrayList<>();
        agendas.chairAccount(meetingCode, workingGroupCode).ifPresent(chair -> {
            String address = users.email(chair).orElse(null);
            if (address == null) {
                log.warn("Late report of {} {} not told to its chair: {} has no e-mail address", meetingCode,
                        workingGroupCode, chair);
                return;
            }
            String name = users.find(chair).map(UserDirectory.Person::name).orElse(chair);
            String page = publicUrl + "/meetings/" + meetingCode + "/working-groups/" + workingGroupCode + "/report";
            String text = "Dear " + name + ",\n\nThe report of " + groupName(workingGroupCode) + " was due "
                    + WHEN.format(due(meetingCode, workingGroupCode)) + " and is still not with you as its chair; "
                    + "the staff member supporting the rapporteur was reminded at the due date.\n"
                    + "Please follow it up with them.\n\nThe report: " + page + "\n\nConvene\n";
            if (outbox.enqueue(OutgoingMail.plain("wg-report-escalated-" + workingGroupCode + "-" + taskId + "-" + chair,
                    meetingCode, new MailAddress(address, name), "Late report: " + groupName(workingGroupCode)
                            + " has not reported (" + meetingCode + ")", text))) {
                sent.add(chair);
            }
        });
        sent.addAll(reminders.escalate(overdue(meetingCode, workingGroupCode, taskId, taskName, assignee)));
        return sent;
    }

    private OverdueTaskReminders.Overdue overdue(String meetingCode, String workingGroupCode, String taskId,
                                                 String taskName, String assignee) {
        ZonedDateTime due = due(meetingCode, workingGroupCode);
        return new OverdueTaskReminders.Overdue(meetingCode, "Report of " + groupName(workingGroupCode), taskId,
                taskName, assignee, List.of(ConveneGroups.STAFF), due.toInstant(), due.getZone().getId());
    }

    private static String groupName(String code) {
        return code.replace("WG", "Working Group ");
    }
}
