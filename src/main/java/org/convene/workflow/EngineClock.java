package org.convene.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, for every row a process step writes and every event it announces: a test
 * (or a manager) that moves the engine's time moves the rows' times with it, so timers, due dates
 * and stamps agree. In production it is the system clock.
 */
public final class EngineClock {

    private EngineClock() {
    }

    /** Now, by the engine's clock, as an instant. */
    public static Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now, by the engine's clock, in UTC (the offset the app's tables store). */
    public static OffsetDateTime now() {
        return instant().atOffset(ZoneOffset.UTC);
    }
}
