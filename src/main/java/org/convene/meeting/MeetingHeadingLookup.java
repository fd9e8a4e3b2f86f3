package org.convene.meeting;

import java.util.Optional;
import org.convene.workflow.MeetingHeadings;
import org.springframework.stereotype.Component;

/** The meeting module's answer to {@link MeetingHeadings}: a meeting's code, title, place and dates, from {@link Meetings}. */
@Component
class MeetingHeadingLookup implements MeetingHeadings {

    private final Meetings meetings;

    MeetingHeadingLookup(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<Heading> find(String code) {
        return meetings.find(code).map(m -> new Heading(m.code(), m.title(), m.place(), m.datesLabel()));
    }
}
