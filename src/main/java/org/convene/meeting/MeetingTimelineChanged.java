package org.convene.meeting;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff moved milestones of a meeting's timeline: each moved milestone (its label, "Invitations
 * out") with its days before the meeting's first session, before and after, in the order of
 * {@link Milestone}. The due dates of the meeting's open tasks and timers were counted again in the
 * same transaction.
 */
@NamedInterface("events")
public record MeetingTimelineChanged(String meetingCode, Map<String, Integer> previousDaysBefore,
                                     Map<String, Integer> daysBefore, Instant occurredAt, String actor)
        implements MeetingEvent {

    public MeetingTimelineChanged {
        previousDaysBefore = Collections.unmodifiableMap(new LinkedHashMap<>(previousDaysBefore));
        daysBefore = Collections.unmodifiableMap(new LinkedHashMap<>(daysBefore));
    }
}
