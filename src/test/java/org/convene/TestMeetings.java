package org.convene;

import java.util.concurrent.atomic.AtomicInteger;

/** Unique meeting codes, so tests sharing one database and engine never see each other's meetings. */
public final class TestMeetings {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    private TestMeetings() {
    }

    public static String newCode(String prefix) {
        return prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
    }
}
