/**
 * Participants (the list by category and the reserve list), invitations one per seat
 * (bpmn/invitation/InvitationProcess.bpmn), replies by link, phone or letter, and the mail
 * outbox that makes every mail have one stable Message-ID.
 */
package org.convene.invitation;
