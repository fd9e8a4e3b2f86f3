package org.convene.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.convene.workflow.MeetingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking's record of the modules' events, on the real registry and database: an event is
 * recorded once its change is committed, never for a change rolled back, once however often it
 * is handed out; and an event whose recording failed is kept by Spring Modulith's registry and
 * recorded, exactly once, when it is handed out again.
 */
@ConveneIntegrationTest
class AuditRecordTests {

    /** An event as a module announces it (the modules' own are records like this one). */
    record ParticipantListTested(String meetingCode, Instant occurredAt, String actor, String note) implements MeetingEvent {
    }

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired AuditRecord record;
    @Autowired AuditTrail auditTrail;
    @Autowired IncompleteEventPublications incompletePublications;
    @Autowired EventPublicationRegistry registry;
    @Autowired JdbcClient jdbc;

    String code;
    Instant when;

    @BeforeEach
    void setUp() {
        code = TestMeetings.newCode("REC");
        when = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void shouldRecordAnEventOnceItsChangeIsCommittedAndOnceOnly() {
        var tested = new ParticipantListTested(code, when, "grace", "first");

        transaction.executeWithoutResult(status -> {
            events.publishEvent(tested);
            assertThat(record.entries(code)).as("not before the change is committed").isEmpty();
        });

        assertThat(record.entries(code)).singleElement().satisfies(entry -> {
            assertThat(entry.when()).isEqualTo(when.atOffset(ZoneOffset.UTC));
            assertThat(entry.who()).isEqualTo("grace");
            assertThat(entry.what()).isEqualTo("Participant list tested");
            assertThat(entry.source()).isEqualTo("Convene's record");
            assertThat(entry.engineHistory()).isFalse();
        });
        assertThat(jdbc.sql("select details from cv_audit_record where meeting_code = ?").param(code).query(String.class)
                .single()).contains("\"note\":\"first\"", "\"actor\":\"grace\"");
        assertThat(incomplete(tested)).as("the publication is done with").isZero();

        // the same event handed out again (a restart, a second node) is not recorded twice
        transaction.executeWithoutResult(status -> events.publishEvent(tested));
        assertThat(record.entries(code)).hasSize(1);

        // a change rolled back announces nothing
        var rolledBack = new ParticipantListTested(code, when.plusSeconds(1), "grace", "rolled back");
        transaction.executeWithoutResult(status -> {
            events.publishEvent(rolledBack);
            status.setRollbackOnly();
        });
        assertThat(record.entries(code)).hasSize(1);
        assertThat(incomplete(rolledBack)).isZero();
    }

    @Test
    void shouldKeepAnEventWhoseRecordingFailedAndRecordItExactlyOnceWhenHandedOutAgain() {
        var tested = new ParticipantListTested(code, when, "lena", "while the record was away");

        // the record's table is away (a database failure as the listener writes); the change commits all the same
        jdbc.sql("alter table cv_audit_record rename to cv_audit_record_away").update();
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(tested));
        } finally {
            jdbc.sql("alter table cv_audit_record_away rename to cv_audit_record").update();
        }
        assertThat(record.entries(code)).isEmpty();
        assertThat(incomplete(tested)).as("the registry kept the event for the listener that failed").isEqualTo(1);

        incompletePublications.resubmitIncompletePublications(publication -> tested.equals(publication.getEvent()));

        assertThat(record.entries(code)).singleElement().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("lena");
            assertThat(entry.when()).isEqualTo(when.atOffset(ZoneOffset.UTC));
        });
        assertThat(incomplete(tested)).as("completed").isZero();

        incompletePublications.resubmitIncompletePublications(publication -> tested.equals(publication.getEvent()));
        transaction.executeWithoutResult(status -> events.publishEvent(tested));
        assertThat(record.entries(code)).hasSize(1);
    }

    private long incomplete(MeetingEvent event) {
        return registry.findIncompletePublications().stream().filter(p -> event.equals(p.getEvent())).count();
    }
}
