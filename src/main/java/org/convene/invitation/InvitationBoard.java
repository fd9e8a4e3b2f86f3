package org.convene.invitation;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the participants page shows of the invitations besides the list (the page's fragment
 * {@code participants/replies}): each invitee's last reply, who is confirmed (with their needs),
 * and the reminder schedule. Added to the model of {@link ParticipantPages} as {@code invitationBoard}.
 *
 * @param latest       the last reply on record per participant id
 * @param confirmed    those whose invitation is accepted, by category and name
 * @param reminderDays the schedule as typed on the page, e.g. {@code "14, 7"}
 */
record InvitationBoard(Map<Long, InvitationReplies.Reply> latest, List<InvitationReplies.Confirmed> confirmed,
                       String reminderDays) {

    /** The channels staff record a reply by (all but the signed link). */
    public List<ReplyChannel> staffChannels() {
        return List.of(ReplyChannel.PHONE, ReplyChannel.EMAIL, ReplyChannel.LETTER, ReplyChannel.IN_PERSON);
    }

    /** The last reply of the participant, or null. */
    public InvitationReplies.Reply of(long participantId) {
        return latest.get(participantId);
    }

    @ControllerAdvice(assignableTypes = ParticipantPages.class)
    static class Model {

        private final InvitationReplies replies;
        private final InvitationSettings settings;

        Model(InvitationReplies replies, InvitationSettings settings) {
            this.replies = replies;
            this.settings = settings;
        }

        @ModelAttribute("invitationBoard")
        InvitationBoard board(@PathVariable("code") String code) {
            return new InvitationBoard(replies.latest(code), replies.confirmed(code), settings.typed(code));
        }
    }
}
