package org.convene.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.identity.LinkClaims;
import org.convene.identity.LinkPage;
import org.convene.identity.LinkResult;
import org.convene.identity.SignedLinkAction;
import org.convene.identity.SignedLinkRefusal;
import org.convene.meeting.Agendas;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.Meeting;
import org.convene.meeting.MeetingCalendar;
import org.convene.meeting.Meetings;
import org.springframework.stereotype.Component;

/**
 * The concept note and the agenda for an invitee, who has no login: a signed link in the invitation
 * mail (subject = participant id, meeting = meeting code, valid until a week after the meeting)
 * opens a read-only page with the meeting's facts, the latest concept note's sections and the agenda
 * by day, as they stand when the page is opened. Opening it changes nothing and uses nothing up; the
 * page has no form, and a POST to it is refused. The documents issue will attach them as PDF.
 */
@Component
class MeetingDocumentsLink implements SignedLinkAction {

    /** The signed links' action. */
    static final String ACTION = "meeting-documents";

    private final Meetings meetings;
    private final MeetingCalendar calendar;
    private final ConceptNotes conceptNotes;
    private final Agendas agendas;

    MeetingDocumentsLink(Meetings meetings, MeetingCalendar calendar, ConceptNotes conceptNotes, Agendas agendas) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.conceptNotes = conceptNotes;
        this.agendas = agendas;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public LinkPage describe(LinkClaims claims) {
        Meeting meeting = meetings.find(claims.meetingCode()).orElseThrow(() -> new SignedLinkRefusal(404,
                "No meeting for this link", "We hold no meeting for this link. Please write to the secretariat."));
        List<LinkPage.Detail> details = new ArrayList<>();
        details.add(new LinkPage.Detail("Meeting", meeting.title()));
        details.add(new LinkPage.Detail("Venue", meeting.place()));
        details.add(new LinkPage.Detail("Dates", meeting.datesLabel() + " (times in " + meeting.timeZone().getId() + " time)"));
        conceptNotes.latest(meeting.code()).ifPresent(note -> {
            details.add(new LinkPage.Detail("Background", note.background()));
            details.add(new LinkPage.Detail("Objectives", note.objectives()));
            details.add(new LinkPage.Detail("Convener", note.convener()));
            if (note.documentation() != null && !note.documentation().isBlank()) {
                details.add(new LinkPage.Detail("Documentation", note.documentation()));
            }
        });
        for (int day : calendar.days(meeting.code())) {
            StringBuilder sessions = new StringBuilder();
            agendas.sessions(meeting.code()).stream().filter(s -> s.day() == day).forEach(s -> sessions
                    .append(s.startsAt()).append("–").append(s.endsAt()).append("  ").append(s.title()).append('\n'));
            details.add(new LinkPage.Detail(calendar.dayLabel(meeting.code(), day),
                    sessions.isEmpty() ? "To be announced." : sessions.toString().strip()));
        }
        return new LinkPage("Concept note and agenda: " + meeting.title(), "The meeting as it is planned today.",
                details, "none", List.of(), null, null);
    }

    @Override
    public LinkResult perform(LinkClaims claims, Map<String, String> form) {
        throw new SignedLinkRefusal(405, "Nothing to send", "This page only shows the concept note and the agenda; "
                + "answer the invitation through the buttons of the invitation mail.");
    }
}
