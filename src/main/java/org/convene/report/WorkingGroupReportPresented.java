package org.convene.report;

import java.time.Instant;
import org.convene.workflow.MeetingEvent;
import org.springframework.modulith.NamedInterface;

/**
 * A working group's report was presented in plenary and is final: {@code version} of the report,
 * with {@code plenaryFindings} findings the plenary added to the version the chair validated.
 */
@NamedInterface("events")
public record WorkingGroupReportPresented(String meetingCode, String workingGroupCode, int version, int findings,
                                          int plenaryFindings, Instant occurredAt, String actor) implements MeetingEvent {
}
