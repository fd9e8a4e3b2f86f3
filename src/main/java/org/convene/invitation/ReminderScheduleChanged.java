package org.convene.invitation;

import java.time.Instant;
import java.util.List;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/** Staff ({@code actor}) set the meeting's reminders: whole days before the reply deadline, latest first (e.g. [14, 7]). */
@NamedInterface("events")
public record ReminderScheduleChanged(String meetingCode, List<Integer> daysBeforeDeadline, Instant occurredAt,
                                      String actor) implements MeetingEvent {
}
