/**
 * The meeting: its registration under a unique code, the concept note and its versions, the
 * agenda with its days, sessions and working groups, attendance, and the main process with its
 * phases (bpmn/meeting). Each process has its constants class, named after the process id
 * ({@link org.convene.meeting.ExpertMeetingProcess}, {@link org.convene.meeting.ConceptNoteApprovalProcess},
 * {@link org.convene.meeting.PreparationProcess}, {@link org.convene.meeting.MeetingProcess}); its task
 * listeners are thin adapters over the public services. Other modules use
 * {@link org.convene.meeting.Meetings}, {@link org.convene.meeting.MeetingCalendar},
 * {@link org.convene.meeting.MeetingSchedules} (moving and cancelling a meeting),
 * {@link org.convene.meeting.MeetingLifecycle} (the phase a meeting is in, and how it ended),
 * {@link org.convene.meeting.Agendas#chairAccount} and {@link org.convene.meeting.ParticipantCategory},
 * and hear what happened through the events {@link org.convene.meeting.MeetingRegistered},
 * {@link org.convene.meeting.ConceptNoteSubmitted}, {@link org.convene.meeting.ConceptNoteApproved},
 * {@link org.convene.meeting.ConceptNoteReturned}, {@link org.convene.meeting.AgendaApproved},
 * {@link org.convene.meeting.AgendaReturned}, {@link org.convene.meeting.AttendanceRecorded},
 * {@link org.convene.meeting.MeetingRescheduled}, {@link org.convene.meeting.MeetingCancelled},
 * {@link org.convene.meeting.MeetingPhaseStarted} and {@link org.convene.meeting.MeetingEnded}.
 */
@ApplicationModule(allowedDependencies = {"identity", "workflow", "document"})
package org.convene.meeting;

import org.springframework.modulith.ApplicationModule;
