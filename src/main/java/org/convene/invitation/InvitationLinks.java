package org.convene.invitation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.convene.identity.SignedLinks;
import org.convene.meeting.MeetingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signed links of an invitee's mails, as whole addresses under {@code convene.public-url}:
 * the reply link ({@link InvitationReplyLink}) and the link to the concept note and agenda
 * ({@link MeetingDocumentsLink}, valid until a week after the meeting ends). Each call signs a new
 * token; a retried job's mail keeps the links it was first written with (the outbox writes a key once).
 */
@Component
class InvitationLinks {

    private final SignedLinks links;
    private final MeetingCalendar calendar;
    private final String publicUrl;

    InvitationLinks(SignedLinks links, MeetingCalendar calendar,
                    @Value("${convene.public-url:http://localhost:8080}") String publicUrl) {
        this.links = links;
        this.calendar = calendar;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * The reply page's address (without {@code ?reply=}), valid until the meeting begins: a reply
     * after the reply deadline is still recorded, as late.
     */
    String reply(String meetingCode, long participantId) {
        return reply(meetingCode, participantId, calendar.beforeMeeting(meetingCode, "P0D").toInstant());
    }

    /** The reply page's address (without {@code ?reply=}), valid until {@code validUntil}. */
    String reply(String meetingCode, long participantId, Instant validUntil) {
        return publicUrl + "/links/" + links.issue(InvitationReplyLink.ACTION, meetingCode, String.valueOf(participantId),
                validUntil);
    }

    /** The address of the concept note and agenda page for this invitee, valid until a week after the meeting. */
    String documents(String meetingCode, long participantId) {
        Instant until = calendar.span(meetingCode).end().toInstant().plus(7, ChronoUnit.DAYS);
        return publicUrl + "/links/" + links.issue(MeetingDocumentsLink.ACTION, meetingCode, String.valueOf(participantId),
                until);
    }
}
