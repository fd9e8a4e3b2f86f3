package org.convene;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.convene.workflow.MeetingEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every {@link MeetingEvent} the modules announced in the shared test context, whichever thread
 * published it (a test's own, a web request's, the job executor's), once the transaction of the
 * change has committed: a change that was rolled back announced nothing. Tests read the events
 * of their own meeting (each test has its own code), so they never see each other's.
 * Imported by {@link ConveneIntegrationTest}; autowire it.
 */
@Component
public class AnnouncedEvents {

    private final List<MeetingEvent> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void record(MeetingEvent event) {
        events.add(event);
    }

    /** The meeting's events of this type, in the order they were committed. */
    public <T extends MeetingEvent> List<T> of(Class<T> type, String meetingCode) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> event.meetingCode().equals(meetingCode)).toList();
    }

    /** All of the meeting's events, in the order they were committed. */
    public List<MeetingEvent> of(String meetingCode) {
        return of(MeetingEvent.class, meetingCode);
    }
}
