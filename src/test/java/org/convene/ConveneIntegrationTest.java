package org.convene;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the integration tests: the whole app on a real PostgreSQL,
 * serving HTTP on a random port. There is one engine named "default" per JVM, so every
 * integration test shares this configuration (and so this cached context). Process test
 * coverage is recorded for every test class (target/process-test-coverage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabase.class, ProcessDriver.class, AnnouncedEvents.class, Mailbox.class,
        ProcessEngineCoverageConfiguration.class})
public @interface ConveneIntegrationTest {
}
