package org.convene.report;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * Staff sent a working group's report to its chair for validation: {@code version} (1 for the
 * first) with so many arrangements and findings, kept as version {@code documentVersion} of the
 * group's WG_REPORT document.
 */
@NamedInterface("events")
public record WorkingGroupReportSubmitted(String meetingCode, String workingGroupCode, int version, int arrangements,
                                          int findings, int documentVersion, Instant occurredAt, String actor)
        implements MeetingEvent {
}
