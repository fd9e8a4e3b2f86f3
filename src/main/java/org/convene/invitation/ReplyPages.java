package org.convene.invitation;

import org.convene.identity.SignedInUser;
import org.convene.workflow.ChangeRefused;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participants page's forms for the invitations (fragment {@code participants/replies}): staff
 * record a reply received by phone, letter, e-mail or in person, correct a reply, withdraw an
 * invitation, and set the reminder schedule. Each POST (CSRF token of the page; staff and
 * administrators only, as every POST under /meetings) redirects back to the participant's row
 * with a notice, or with why nothing was done (Post/Redirect/Get).
 */
@Controller
@RequestMapping("/meetings/{code}")
class ReplyPages {

    private final InvitationReplies replies;
    private final Invitations invitations;
    private final InvitationSettings settings;
    private final Participants participants;
    private final SignedInUser user;

    ReplyPages(InvitationReplies replies, Invitations invitations, InvitationSettings settings, Participants participants,
               SignedInUser user) {
        this.replies = replies;
        this.invitations = invitations;
        this.settings = settings;
        this.participants = participants;
        this.user = user;
    }

    /** The form of a reply as staff fill it in (also a correction's). */
    record ReplyForm(String reply, String channel, String note, Boolean travelSupport, Boolean visaLetter,
                     String dietary, String accessibility) {

        ReplyNeeds needs() {
            return new ReplyNeeds(Boolean.TRUE.equals(travelSupport), Boolean.TRUE.equals(visaLetter), dietary, accessibility);
        }
    }

    @PostMapping("/participants/{id}/reply")
    String reply(@PathVariable String code, @PathVariable long id, ReplyForm form, RedirectAttributes redirect) {
        return act(code, id, redirect, name -> {
            InvitationReplies.Outcome outcome = replies.receive(code, id, answer(form), channel(form), form.note(),
                    form.needs(), user.id());
            return switch (outcome) {
                case RECORDED -> name + "'s reply is recorded.";
                case LATE_SEAT_KEPT -> name + "'s reply is recorded, after the deadline: the seat is kept for them "
                        + "and the replacement task is closed.";
                case LATE_SEAT_GONE -> name + "'s acceptance is recorded, after the deadline: their seat has "
                        + "already been given away or left empty. Tell them so.";
                case LATE_DECLINE -> name + "'s decline is recorded, after the deadline.";
            };
        });
    }

    @PostMapping("/participants/{id}/correction")
    String correct(@PathVariable String code, @PathVariable long id, ReplyForm form, RedirectAttributes redirect) {
        return act(code, id, redirect, name -> {
            InvitationReply to = answer(form);
            replies.correct(code, id, to, channel(form), form.note(), form.needs(), user.id());
            return name + "'s reply is corrected to " + to.status().label().toLowerCase() + (to == InvitationReply.DECLINE
                    ? ": choose a replacement in Tasklist (\"Invite replacement\")." : ": the seat is theirs.");
        });
    }

    @PostMapping("/participants/{id}/withdrawal")
    String withdraw(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return act(code, id, redirect, name -> {
            invitations.withdraw(code, id, reason, user.id());
            return name + "'s invitation is withdrawn.";
        });
    }

    @PostMapping("/invitation-settings")
    String reminders(@PathVariable String code, @RequestParam(defaultValue = "") String reminderDays,
                     RedirectAttributes redirect) {
        try {
            var days = settings.changeReminderDays(code, reminderDays, user.id());
            redirect.addFlashAttribute("notice", days.isEmpty() ? "No reminders will go out."
                    : "Reminders go out " + String.join(" and ", days.stream().map(String::valueOf).toList())
                            + " days before the reply deadline, to those who have not replied.");
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", "The reminders were not changed: "
                    + String.join(" ", refused.fieldErrors().values()));
        }
        return ParticipantPages.BACK + "#invitation-reminders";
    }

    private interface Action {
        String run(String name);
    }

    private String act(String code, long id, RedirectAttributes redirect, Action action) {
        String name = participants.list(code).stream().filter(p -> p.id() == id).map(Participants.Participant::name)
                .findFirst().orElse("Participant " + id);
        try {
            redirect.addFlashAttribute("notice", action.run(name));
            redirect.addFlashAttribute("highlight", id);
        } catch (ChangeRefused refused) {
            redirect.addFlashAttribute("problem", "Nothing was recorded: " + String.join(" ", refused.fieldErrors().values()));
        }
        return ParticipantPages.BACK + "#participant-" + id;
    }

    private static InvitationReply answer(ReplyForm form) {
        return InvitationReply.ofFormValue(form.reply())
                .orElseThrow(() -> new ChangeRefused("reply", "Choose the reply: accepted or declined."));
    }

    /** Staff record what came by phone, letter, e-mail or in person; never "by signed link". */
    static ReplyChannel channel(ReplyForm form) {
        return ReplyChannel.ofFormValue(form.channel()).filter(c -> c != ReplyChannel.LINK)
                .orElseThrow(() -> new ChangeRefused("channel", "Say how the reply came: by phone, by e-mail, by "
                        + "letter or in person."));
    }
}
