/**
 * The meeting: its registration under a unique code, the concept note and its versions, the
 * agenda with its days, sessions and working groups, attendance, and the main process
 * (bpmn/meeting). Other modules use {@link org.convene.meeting.Meetings} and
 * {@link org.convene.meeting.MeetingCalendar}.
 */
package org.convene.meeting;
