/**
 * Participants (the list by category and the reserve list), the participant list's approval and
 * the invitations one per seat (bpmn/invitation: {@link org.convene.invitation.ParticipantListProcess},
 * called by the meeting's preparation, and {@link org.convene.invitation.InvitationProcess}, each with
 * its constants class): a seat waits for its reply, reminders and deadline without a staff task;
 * replies by link, or by phone, letter or e-mail as staff record them on the participants page or
 * through the API ({@link org.convene.invitation.InvitationReplies}), corrections, withdrawals, the
 * reminder schedule ({@link org.convene.invitation.InvitationSettings}); the mails go through the mail module's
 * {@link org.convene.mail.Outbox}. Uses the meeting module ({@link org.convene.meeting.Meetings},
 * {@link org.convene.meeting.MeetingCalendar}, the concept note's targets); the meeting's BPMN names
 * none of this module's beans. Mails are text and HTML with the invitation's calendar entry
 * ({@link org.convene.invitation.InvitationMails}, {@link org.convene.invitation.InvitationCalendar});
 * {@link org.convene.invitation.InvitationUpdates} hears the meeting's {@code MeetingRescheduled} and
 * {@code MeetingCancelled} and sends the invitees updates and cancellations;
 * {@link org.convene.invitation.BackgroundPaperMails} hears the document module's {@code DocumentCirculated}
 * and mails the background paper with its PDF ({@link org.convene.document.DocumentPrints}) to those
 * who accepted, and to each who accepts later. Announces {@link org.convene.invitation.ParticipantListApproved},
 * {@link org.convene.invitation.ParticipantListReturned}, {@link org.convene.invitation.InvitationSent},
 * {@link org.convene.invitation.ReminderSent}, {@link org.convene.invitation.InvitationAccepted},
 * {@link org.convene.invitation.InvitationDeclined}, {@link org.convene.invitation.InvitationLapsed},
 * {@link org.convene.invitation.InvitationRepliedLate}, {@link org.convene.invitation.InvitationReplyCorrected},
 * {@link org.convene.invitation.InvitationWithdrawn} (the calendar's cancellation listens to it),
 * {@link org.convene.invitation.ReminderScheduleChanged}, {@link org.convene.invitation.ReplacementInvited}
 * and {@link org.convene.invitation.SeatLeftEmpty}.
 */
@ApplicationModule(allowedDependencies = {"meeting", "meeting :: events", "document", "document :: events", "identity",
        "workflow", "mail"})
package org.convene.invitation;

import org.springframework.modulith.ApplicationModule;
