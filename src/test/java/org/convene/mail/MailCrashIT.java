package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.convene.AppNode;
import org.convene.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The no-duplicate rule across a crash: the app runs as a separate JVM on an embedded PostgreSQL
 * and delivers 200 mails to a GreenMail of this JVM; it is killed (kill -9) mid-send and started
 * again. Counted per Message-ID in GreenMail: every mail marked sent arrived exactly once, a mail
 * listed as uncertain for staff at most once, and none is left undelivered.
 */
class MailCrashIT {

    static final int MAILS = 200;
    static final String CODE = "EM-2027-CRASH";
    static final String ADMIN_PASSWORD = "crash-test-admin-1";

    EmbeddedPostgres postgres;
    GreenMail smtp;
    JdbcClient jdbc;
    final List<Process> nodes = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startDatabaseAndSmtp() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopAll() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        smtp.stop();
        postgres.close();
    }

    @Test
    void shouldDoubleNoMailAndLoseNoneWhenANodeIsKilledMidSend() throws Exception {
        // node 1 (no job executor) creates the schema; the mails and their deliveries are written through it
        int port1 = AppNode.freePort();
        Process setup = node(1, port1, false);
        AppNode.awaitUp(port1);
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 1; i <= MAILS; i++) {
            jdbc.sql("""
                    insert into cv_outbox_mail (message_id, meeting_code, recipient, recipient_name, subject, body, status,
                                                attempts, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                    .params(Outbox.messageId("crash-" + i, CODE), CODE, "p" + i + "@example.org", "Person " + i,
                            "Invitation " + i, "Dear person " + i, now).update();
        }
        for (long id : jdbc.sql("select id from cv_outbox_mail order by id").query(Long.class).list()) {
            HttpResponse<String> started = startDelivery(port1, id);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        }
        setup.destroyForcibly().waitFor();

        // node 2 delivers, and is killed mid-send
        int port2 = AppNode.freePort();
        Process sender = node(2, port2, true);
        await(Duration.ofMinutes(3), () -> smtp.getReceivedMessages().length >= MAILS / 4);
        sender.destroyForcibly().waitFor();
        int receivedAtKill = smtp.getReceivedMessages().length;
        Map<String, Long> atKill = statuses();
        System.out.printf("mail crash: %d received when node 2 was killed; statuses then %s%n", receivedAtKill, atKill);
        assertThat(receivedAtKill).as("killed mid-send").isLessThan(MAILS);

        // node 3 takes over the killed node's jobs once their locks expire (10 s here)
        int port3 = AppNode.freePort();
        node(3, port3, true);
        await(Duration.ofMinutes(4), () -> jdbc.sql("select count(*) from cv_outbox_mail where status in ('PENDING', 'SENDING', 'FAILED')")
                .query(Long.class).single() == 0);

        Map<String, Long> perMessageId = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(Mailbox::messageId, Collectors.counting()));
        Map<String, String> status = jdbc.sql("select message_id, status from cv_outbox_mail").query()
                .listOfRows().stream().collect(Collectors.toMap(r -> (String) r.get("message_id"), r -> (String) r.get("status")));
        System.out.printf("mail crash: statuses at the end %s; %d messages received for %d Message-IDs%n", statuses(),
                smtp.getReceivedMessages().length, perMessageId.size());
        assertThat(status).hasSize(MAILS);
        assertThat(perMessageId.keySet()).as("nothing received that is not in the outbox").isSubsetOf(status.keySet());
        status.forEach((messageId, state) -> {
            long received = perMessageId.getOrDefault(messageId, 0L);
            if (state.equals(MailStatus.SENT.name())) {
                assertThat(received).as("%s, sent", messageId).isEqualTo(1);
            } else {
                assertThat(state).as(messageId).isEqualTo(MailStatus.UNCERTAIN.name());
                assertThat(received).as("%s, uncertain", messageId).isLessThanOrEqualTo(1);
            }
        });
    }

    private Process node(int number, int port, boolean jobExecutor) throws IOException {
        Process process = AppNode.start("mail-crash-node-" + number, List.of(
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.generic-properties.properties.hostname=node-" + number), Map.of(
                "POSTGRES_URL", postgres.getJdbcUrl("postgres", "postgres"), "POSTGRES_USER", "postgres",
                "POSTGRES_PASSWORD", "postgres", "CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.getSmtp().getPort())));
        nodes.add(process);
        return process;
    }

    private HttpResponse<String> startDelivery(int port, long mailId) throws Exception {
        String body = "{\"businessKey\": \"" + CODE + "\", \"variables\": {\"" + MailDeliveryProcess.MAIL_ID
                + "\": {\"value\": " + mailId + ", \"type\": \"Long\"}}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/"
                        + MailDeliveryProcess.ID + "/start"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> statuses() {
        return jdbc.sql("select status, count(*) as n from cv_outbox_mail group by status").query().listOfRows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).longValue()));
    }

    /** Waits for the condition (a state of the system, polled), failing after the limit: a guard, not a timed assertion. */
    private void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s; see target/mail-crash-node-*.log", limit).isBefore(until);
            Thread.sleep(20);
        }
    }
}
