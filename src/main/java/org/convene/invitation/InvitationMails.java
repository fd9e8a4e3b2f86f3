package org.convene.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.convene.meeting.Meeting;

/** The texts of the invitation and reminder mails. */
final class InvitationMails {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private InvitationMails() {
    }

    /** {@code Monday 3 May 2027, 09:00 (Asia/Amman time)}: a deadline in the venue's time zone. */
    static String deadlineLabel(Instant deadline, ZoneId zone) {
        return DEADLINE.format(deadline.atZone(zone)) + " (" + zone.getId() + " time)";
    }

    static String invitationSubject(Meeting meeting) {
        return "Invitation: " + meeting.title();
    }

    /** The invitation with the invitee's signed links ({@code link?reply=accept}, {@code link?reply=decline}). */
    static String invitationBody(Meeting meeting, String inviteeName, Instant deadline, String link) {
        return "Dear " + inviteeName + ",\n\nYou are invited to the " + meeting.title() + ", " + meeting.place() + ", "
                + meeting.datesLabel() + ".\n\nPlease let us know by " + deadlineLabel(deadline, meeting.timeZone())
                + " whether you will attend:\n\n"
                + "I will attend:\n" + link + "?reply=" + InvitationReply.ACCEPT.formValue() + "\n\n"
                + "I cannot attend:\n" + link + "?reply=" + InvitationReply.DECLINE.formValue() + "\n\n"
                + "Each link opens a page where you confirm your answer and may add a note; nothing is "
                + "recorded until you send it there. You may also answer the secretariat by e-mail, phone "
                + "or letter.\n";
    }

    static String reminderSubject(Meeting meeting) {
        return "Reminder: " + meeting.title();
    }

    static String reminderBody(Meeting meeting, String inviteeName) {
        return "Dear " + inviteeName + ",\n\nWe have not yet heard whether you will attend the " + meeting.title()
                + ", " + meeting.datesLabel() + ".\n";
    }
}
