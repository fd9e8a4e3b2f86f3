package org.convene.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.commons.io.file.PathUtils;
import org.convene.AppNode;
import org.convene.ExpertMeetings;
import org.convene.Mailbox;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.ParticipantListProcess;
import org.convene.mail.MailDeliveryProcess;
import org.convene.mail.MailStatus;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.workflow.ProcessVariables;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash and restart harness of the cluster ITs (issue 13, parts 5 to 7): one embedded
 * PostgreSQL that can be stopped and started again on its data directory and port, one SMTP server
 * of this JVM (GreenMail) that can be stopped and started again on its port (the Message-IDs it
 * received before a stop are kept), and app nodes as separate JVMs ({@link AppNode}, postgres
 * profile, Camunda hostname = the node's name, the product's own job settings), driven through
 * their REST API as the administrator.
 * <p>
 * Load is what the product does for real: meetings registered through ExpertMeetingProcess, their
 * participants imported as CSV, and their invitations sent as an approved participant list sends
 * them (ParticipantListProcess from "Invite participant": one InvitationProcess per invitee, each
 * writing its mail to the outbox and starting its delivery). {@link #count} counts what reached the
 * SMTP server against the outbox and the process instances that must be there.
 */
final class Harness implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "harness-admin-1";
    /** Invitees per meeting in a burst (one CSV import, one participant list). */
    static final int PER_MEETING = 100;

    private final Path databaseDirectory;
    private final int databasePort;
    private final int smtpPort;
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    /** Message-ID → how often received, by the SMTP servers stopped before the running one. */
    private final Map<String, Long> receivedEarlier = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> starts = new HashMap<>();
    /** Meeting code → the variables ExpertMeetingProcess passes to each phase (they do not change). */
    private final Map<String, Map<String, Object>> phaseVariables = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** A running app node: its name (Camunda hostname), HTTP port and JVM. */
    record Node(String name, int port, Process process) {
    }

    /** The meetings of one burst and how many invitees they have in all. */
    record Burst(List<String> codes, int invitees) {
    }

    private Harness() throws IOException {
        databaseDirectory = Files.createTempDirectory("harness-postgres");
        databasePort = AppNode.freePort();
        smtpPort = AppNode.freePort();
    }

    /** Starts the database and the SMTP server; no node yet. */
    static Harness start() throws IOException {
        // GreenMail logs every new recipient at INFO, between the figures printed
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Harness harness = new Harness();
        harness.startDatabase();
        harness.startSmtp();
        return harness;
    }

    @Override
    public void close() throws IOException {
        nodes.forEach(node -> node.process().destroyForcibly());
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        PathUtils.deleteDirectory(databaseDirectory);
    }

    // --- the database and the SMTP server, stopped and started under load

    /** Starts PostgreSQL on the harness's data directory and port (creating the cluster the first time). */
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(databaseDirectory).setCleanDataDirectory(false)
                .setPort(databasePort).setRegisterShutdownHook(false).start();
    }

    /** Stops PostgreSQL (pg_ctl stop, fast: open connections are cut); the data stays. */
    void stopDatabase() throws IOException {
        postgres.close();
        postgres = null;
    }

    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Stops the SMTP server; what it received is kept for {@link #received()}. */
    void stopSmtp() {
        // read after the stop, from the store it had (stop() gives GreenMail a new, empty one): a mail the
        // server took while stopping is counted too
        Managers store = smtp.getManagers();
        smtp.stop();
        smtp = null;
        store.getImapHostManager().getAllMessages().stream().map(StoredMessage::getMimeMessage).map(Mailbox::messageId)
                .forEach(messageId -> receivedEarlier.merge(messageId, 1L, Long::sum));
    }

    /** Message-ID → how often the SMTP server received it, over every start of the server. */
    Map<String, Long> received() {
        Map<String, Long> all = new HashMap<>(receivedEarlier);
        if (smtp != null) {
            received(smtp).forEach((messageId, times) -> all.merge(messageId, times, Long::sum));
        }
        return all;
    }

    private static Map<String, Long> received(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).collect(Collectors.groupingBy(Mailbox::messageId, Collectors.counting()));
    }

    /** The database as this JVM reads it (a new connection per statement). */
    JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    // --- nodes

    /**
     * Starts a node named {@code name} (its Camunda hostname; its log is {@code target/harness-<name>-<n>.log})
     * with the product's configuration plus {@code arguments}, and waits until it answers.
     */
    Node node(String name, String... arguments) throws IOException, InterruptedException {
        int port = AppNode.freePort();
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        all.addAll(List.of(arguments));
        Process process = AppNode.start("harness-" + name + "-" + starts.merge(name, 1, Integer::sum), all, Map.of(
                "POSTGRES_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres", "POSTGRES_USER", "postgres",
                "POSTGRES_PASSWORD", "postgres", "CONVENE_ADMIN_ID", ADMIN, "CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtpPort)));
        Node node = new Node(name, port, process);
        nodes.add(node);
        AppNode.awaitUp(port);
        return node;
    }

    /** kill -9, and waits until the JVM is gone. */
    void kill(Node node) throws InterruptedException {
        node.process().destroyForcibly().waitFor();
        nodes.remove(node);
    }

    // --- the load: meetings and their invitations, through the node's REST API

    /**
     * Registers {@code meetings} meetings (codes {@code prefix-1} ...) with {@code perMeeting} invitees
     * each on the list, as staff do (ExpertMeetingProcess started, the participant list imported as
     * CSV); no invitation is sent yet. Returns each meeting's code with its invitees' participant ids.
     */
    Map<String, List<Long>> registerMeetings(Node node, String prefix, int meetings, int perMeeting) throws Exception {
        Map<String, List<Long>> codes = new LinkedHashMap<>();
        for (int m = 1; m <= meetings; m++) {
            String code = prefix + "-" + m;
            Map<String, Object> variables = new LinkedHashMap<>();
            ExpertMeetings.proposal(ExpertMeetings.firstDay()).forEach((name, value) -> variables.put(name, Map.of("value", value)));
            ok(call(node, "POST", "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/start",
                    Map.of("businessKey", code, "variables", variables)));
            codes.put(code, addParticipants(node, code, 1, perMeeting, false));
        }
        return codes;
    }

    /**
     * Adds participants {@code from} to {@code from + count - 1} of the meeting (on the list, or in
     * reserve) through the CSV import; returns their participant ids in that order.
     */
    List<Long> addParticipants(Node node, String code, int from, int count, boolean reserve) throws Exception {
        StringBuilder csv = new StringBuilder("Name,E-mail,Organisation,Category,List\n");
        for (int i = from; i < from + count; i++) {
            csv.append("Person ").append(i).append(",person").append(i).append('.').append(code.toLowerCase())
                    .append("@example.org,Organisation ").append(i).append(",government,")
                    .append(reserve ? "reserve" : "participant").append('\n');
        }
        JsonNode added = ok(send(node, "POST", "/api/meetings/" + code + "/participants", "text/csv", csv.toString()))
                .get("added");
        assertThat(added).as("participants added to %s", code).hasSize(count);
        List<Long> ids = new ArrayList<>();
        added.forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    /**
     * Sends the meeting's invitations as the approved participant list does: ParticipantListProcess
     * started at "Invite participant" with the meeting's phase variables (one InvitationProcess per
     * invitee on the list).
     */
    void sendInvitations(Node node, String code) throws Exception {
        ok(call(node, "POST", "/engine-rest/process-definition/key/" + ParticipantListProcess.ID + "/start", Map.of(
                "businessKey", code, "variables", phaseVariables(node, code),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        // the whole multi-instance (one seat per invitee), not one inner instance of it
                        "activityId", ParticipantListProcess.CALL_ACTIVITY_INVITE_PARTICIPANT + "#multiInstanceBody")))));
    }

    /** Starts one InvitationProcess for the participant (as "Invite participant" would for one more invitee). */
    void invite(Node node, String code, long participantId) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>(phaseVariables(node, code));
        variables.put(InvitationProcess.PARTICIPANT_ID, Map.of("value", String.valueOf(participantId)));
        ok(call(node, "POST", "/engine-rest/process-definition/key/" + InvitationProcess.ID + "/start",
                Map.of("businessKey", code, "variables", variables)));
    }

    /**
     * A burst of {@code invitations} invitations: meetings of {@link #PER_MEETING} invitees registered
     * first, then every meeting's invitations sent one right after the other.
     */
    Burst inviteBurst(Node node, String prefix, int invitations) throws Exception {
        int meetings = (invitations + PER_MEETING - 1) / PER_MEETING;
        List<String> codes = new ArrayList<>();
        for (int m = 1; m <= meetings; m++) {
            codes.addAll(registerMeetings(node, prefix + "-" + m, 1, Math.min(PER_MEETING, invitations - (m - 1) * PER_MEETING))
                    .keySet());
        }
        for (String code : codes) {
            sendInvitations(node, code);
        }
        return new Burst(codes, invitations);
    }

    /** The four variables ExpertMeetingProcess passes to each phase, read from the meeting's instance, as stored. */
    private Map<String, Object> phaseVariables(Node node, String code) throws Exception {
        Map<String, Object> known = phaseVariables.get(code);
        if (known != null) {
            return known;
        }
        JsonNode instance = ok(send(node, "GET", "/engine-rest/process-instance?processDefinitionKey=" + ExpertMeetingProcess.ID
                + "&businessKey=" + code, null, null)).get(0);
        JsonNode stored = ok(send(node, "GET", "/engine-rest/process-instance/" + instance.get("id").asText()
                + "/variables?deserializeValues=false", null, null));
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : List.of(ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES)) {
            variables.put(name, json.convertValue(stored.get(name), Map.class));
        }
        phaseVariables.put(code, variables);
        return variables;
    }

    /** A REST call as the administrator with a JSON body (or none). */
    HttpResponse<String> call(Node node, String method, String path, Object body) throws Exception {
        return send(node, method, path, body == null ? null : "application/json", body == null ? null : json.writeValueAsString(body));
    }

    private HttpResponse<String> send(Node node, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON, failing unless it is a 2xx. */
    JsonNode ok(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isBetween(200, 299);
        return answer.body().isEmpty() ? json.nullNode() : json.readTree(answer.body());
    }

    // --- what happened

    /**
     * Waits until the meetings' mails are settled (none pending, being sent or failed-and-waiting)
     * and no asynchronous continuation is left (timers may wait), failing after {@code limit}: a
     * guard, not a timed assertion.
     */
    void awaitSettled(Duration limit, List<String> codes) throws InterruptedException {
        await(limit, "mails settled and no job left", () -> unsettledMails(codes) == 0 && jdbc().sql(
                "select count(*) from act_ru_job where type_ = 'message' and retries_ > 0").query(Long.class).single() == 0);
    }

    private long unsettledMails(List<String> codes) {
        return jdbc().sql("select count(*) from cv_outbox_mail where meeting_code in (:codes) and status in (:unsettled)")
                .param("codes", codes).param("unsettled", List.of(MailStatus.PENDING.name(), MailStatus.SENDING.name(),
                        MailStatus.FAILED.name())).query(Long.class).single();
    }

    /** Waits for the condition (a state of the system, polled every 200 ms), failing after the limit: a guard. */
    static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for: %s; see target/harness-*.log", limit, what).isBefore(until);
            Thread.sleep(200);
        }
    }

    /** How many different mails of the meetings reached the SMTP server. */
    long receivedOf(List<String> codes) {
        return received().keySet().stream().filter(id -> codes.stream().anyMatch(code -> id.endsWith("." + code + "@convene>")))
                .count();
    }

    /** Successful job executions per node (ACT_HI_JOB_LOG's hostname: the node's name). */
    Map<String, Long> jobsRunPerNode() {
        return jdbc().sql("select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 group by hostname_")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
    }

    /**
     * What a burst came to: {@link #count(String, Burst, Map)} with every meeting's
     * ExpertMeetingProcess and ParticipantListProcess and every invitee's InvitationProcess running.
     */
    Figures count(String run, Burst burst) {
        return count(run, burst, Map.of(ExpertMeetingProcess.ID, (long) burst.codes().size(),
                ParticipantListProcess.ID, (long) burst.codes().size(), InvitationProcess.ID, (long) burst.invitees()));
    }

    /**
     * What the meetings' mails came to: an invitation for each of the {@code invitees} in the
     * outbox; every mail (invitations, reminders) marked sent received exactly once, an uncertain
     * one (listed to staff) at most once, none left unsent; the process instances expected
     * (process key → how many of the meetings' instances must be running) there; no delivery left
     * running and no incident.
     */
    Figures count(String run, Burst burst, Map<String, Long> expectedRunning) {
        List<String> codes = burst.codes();
        JdbcClient jdbc = jdbc();
        Map<String, String> status = jdbc.sql("select message_id, status from cv_outbox_mail where meeting_code in (:codes)")
                .param("codes", codes).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> received = received();
        long invitations = jdbc.sql("select count(*) from cv_invitation where meeting_code in (:codes)").param("codes", codes)
                .query(Long.class).single();
        long sent = status.values().stream().filter(MailStatus.SENT.name()::equals).count();
        long uncertain = status.values().stream().filter(MailStatus.UNCERTAIN.name()::equals).count();
        long uncertainReceived = status.entrySet().stream().filter(e -> e.getValue().equals(MailStatus.UNCERTAIN.name()))
                .filter(e -> received.containsKey(e.getKey())).count();
        long doubled = status.keySet().stream().filter(id -> received.getOrDefault(id, 0L) > 1).count();
        long sentNotReceived = status.entrySet().stream().filter(e -> e.getValue().equals(MailStatus.SENT.name()))
                .filter(e -> !received.containsKey(e.getKey())).count();
        long unsent = status.values().stream().filter(s -> !s.equals(MailStatus.SENT.name()) && !s.equals(MailStatus.UNCERTAIN.name()))
                .count();
        long lost = Math.max(0, burst.invitees() - invitations) + sentNotReceived + unsent;
        Map<String, Long> running = jdbc.sql("""
                        select d.key_, count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                        where e.id_ = e.proc_inst_id_ and e.business_key_ in (:codes) group by d.key_""")
                .param("codes", codes).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long expected = expectedRunning.values().stream().mapToLong(Long::longValue).sum();
        long instancesLost = expectedRunning.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - running.getOrDefault(e.getKey(), 0L))).sum();
        long deliveriesRunning = running.getOrDefault(MailDeliveryProcess.ID, 0L);
        long incidents = jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single();
        Figures figures = new Figures(run, burst.invitees(), status.size(), sent, doubled, uncertain, uncertainReceived, lost,
                expected, instancesLost, deliveriesRunning, incidents);
        System.out.println(figures);
        return figures;
    }

    /** What {@link #count} counted; printed as one line. */
    record Figures(String run, int invitees, long mails, long sent, long doubled, long uncertain, long uncertainReceived,
                   long lost, long instancesExpected, long instancesLost, long deliveriesRunning, long incidents) {

        /** Asserts nothing lost, nothing doubled, every instance there and no delivery or incident left. */
        Figures assertNothingLostOrDoubled() {
            assertThat(this).as(toString()).satisfies(f -> {
                assertThat(f.lost()).as("lost").isZero();
                assertThat(f.doubled()).as("doubled").isZero();
                assertThat(f.sent() + f.uncertain()).as("sent or listed as uncertain").isEqualTo(f.mails());
                assertThat(f.instancesLost()).as("instances lost").isZero();
                assertThat(f.deliveriesRunning()).as("deliveries still running").isZero();
                assertThat(f.incidents()).as("incidents").isZero();
            });
            return this;
        }

        @Override
        public String toString() {
            return String.format("harness, %s: %d invitees, %d mails in the outbox: %d sent, %d doubled, %d uncertain (listed to "
                            + "staff; %d of them received), %d lost; process instances: %d expected, %d lost; %d deliveries "
                            + "still running, %d incidents", run, invitees, mails, sent, doubled, uncertain, uncertainReceived,
                    lost, instancesExpected, instancesLost, deliveriesRunning, incidents);
        }
    }
}
