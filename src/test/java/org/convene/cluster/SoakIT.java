package org.convene.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.convene.cluster.Harness.Burst;
import org.convene.cluster.Harness.Node;
import org.convene.invitation.InvitationProcess;
import org.convene.meeting.ExpertMeetingProcess;
import org.junit.jupiter.api.Test;

/**
 * The soak (issue 13, part 7): {@code -Dsoak.meetings} meetings (100) in flight on one node for
 * {@code -Dsoak.minutes} minutes (2 in {@code mvn verify}, 30 in README's full soak), each with two
 * invitations waiting at any time. A round per sample (below; the next at once if one took longer): every waiting
 * invitation's "Reminder due" timer is made due (the job executor fires it: a reminder mail), and
 * in each meeting the oldest waiting invitee accepts (staff record it) or, in every fifth meeting
 * of the round, has the reply deadline's timer made due (the invitation lapses; staff are asked to
 * invite a replacement), and a new participant is added and invited.
 * <p>
 * Every {@code -Dsoak.sampleSeconds} (60) the node's heap used after a full GC, its live threads
 * and its database connections (the pool's, over JMX, and PostgreSQL's own count) are sampled and
 * printed; the verdict is flat when, from the first third of the samples to the last (medians),
 * the heap grew by at most {@value #HEAP_GROWTH_PERCENT} % + {@value #HEAP_GROWTH_MB} MB, the
 * threads by at most {@value #THREADS_MORE}, the connections by at most {@value #CONNECTIONS_MORE}.
 * At the end every mail is counted as the harness does (nothing lost, nothing doubled) and every
 * instance that must run is there.
 */
class SoakIT {

    static final int MEETINGS = Integer.getInteger("soak.meetings", 100);
    static final int MINUTES = Integer.getInteger("soak.minutes", 2);
    static final int SAMPLE_SECONDS = Integer.getInteger("soak.sampleSeconds", 60);
    static final int WAITING_PER_MEETING = 2;
    static final int HEAP_GROWTH_PERCENT = 20;
    static final int HEAP_GROWTH_MB = 16;
    static final int THREADS_MORE = 10;
    static final int CONNECTIONS_MORE = 2;
    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** One sample of the node. */
    record Sample(double minute, double heapMb, int threads, int poolActive, int poolTotal, int databaseConnections) {
    }

    @Test
    void shouldKeepMemoryConnectionsAndThreadsFlatWithMeetingsInFlight() throws Exception {
        try (Harness harness = Harness.start()) {
            Node node = harness.node("soak", "--spring.datasource.hikari.register-mbeans=true");
            Map<String, List<Long>> meetings = harness.registerMeetings(node, "SOAK", MEETINGS, WAITING_PER_MEETING);
            Map<String, Deque<Long>> waiting = new LinkedHashMap<>();
            meetings.forEach((code, ids) -> waiting.put(code, new ArrayDeque<>(ids)));
            for (String code : meetings.keySet()) {
                harness.sendInvitations(node, code);
            }
            List<String> codes = List.copyOf(meetings.keySet());
            harness.awaitSettled(Duration.ofMinutes(5), codes);

            int invited = MEETINGS * WAITING_PER_MEETING;
            int accepted = 0;
            int lapsed = 0;
            int reminders = 0;
            int rounds = 0;
            List<Sample> samples = new ArrayList<>();
            try (JMXConnector jmx = jmx(node)) {
                MBeanServerConnection beans = jmx.getMBeanServerConnection();
                Instant start = Instant.now();
                Instant end = start.plus(Duration.ofMinutes(MINUTES));
                Instant nextSample = start;
                while (true) {
                    long early = Duration.between(Instant.now(), nextSample).toMillis();
                    if (early > 0) {
                        Thread.sleep(early); // a round per sample at most: a steady load, not the most the node takes
                    }
                    Sample sample = sample(harness, beans, Duration.between(start, Instant.now()));
                    samples.add(sample);
                    System.out.printf("soak: minute %5.1f: heap after GC %6.1f MB, %3d threads, pool %2d active of %2d, "
                                    + "%2d database connections; %d rounds, %d invited, %d accepted, %d lapsed, %d reminders%n",
                            sample.minute(), sample.heapMb(), sample.threads(), sample.poolActive(), sample.poolTotal(),
                            sample.databaseConnections(), rounds, invited, accepted, lapsed, reminders);
                    nextSample = nextSample.plusSeconds(SAMPLE_SECONDS);
                    if (!Instant.now().isBefore(end)) {
                        break;
                    }
                    // a round: each meeting's oldest waiting invitee answers or lapses, a new one is invited
                    int meetingNo = 0;
                    for (String code : codes) {
                        Deque<Long> seats = waiting.get(code);
                        long oldest = seats.peekFirst();
                        boolean lapse = (rounds + meetingNo++) % 5 == 0;
                        if (lapse ? passDeadline(harness, node, code, oldest) : accept(harness, node, code, oldest)) {
                            seats.pollFirst();
                            lapsed += lapse ? 1 : 0;
                            accepted += lapse ? 0 : 1;
                            long next = harness.addParticipants(node, code, WAITING_PER_MEETING + invited + 1, 1, false).get(0);
                            harness.invite(node, code, next);
                            seats.addLast(next);
                            invited++;
                        }
                    }
                    // ...and every waiting invitation's reminder falls due
                    reminders += makeDue(harness, node, harness.ok(harness.call(node, "GET", "/engine-rest/job?timers=true&activityId="
                            + InvitationProcess.TIMER_EVENT_REMINDER_DUE, null)));
                    rounds++;
                }
            }
            harness.awaitSettled(Duration.ofMinutes(5), codes);
            System.out.printf("soak: %d meetings for %d minutes: %d rounds; %d invited, %d accepted, %d lapsed (staff asked to "
                    + "invite a replacement), %d reminders made due%n", MEETINGS, MINUTES, rounds, invited, accepted, lapsed, reminders);
            harness.count("soak, " + MEETINGS + " meetings for " + MINUTES + " minutes", new Burst(codes, invited),
                    Map.of(ExpertMeetingProcess.ID, (long) MEETINGS, InvitationProcess.ID, (long) invited - accepted))
                    .assertNothingLostOrDoubled();
            assertFlat(samples);
        }
    }

    /** Staff record the invitee's acceptance; false when the seat was busy (a reminder firing): tried next round. */
    private static boolean accept(Harness harness, Node node, String code, long participantId) throws Exception {
        HttpResponse<String> answer = harness.call(node, "POST", "/api/meetings/" + code + "/participants/" + participantId
                + "/reply", Map.of("reply", "accept", "channel", "phone"));
        if (answer.statusCode() == 409) {
            return false;
        }
        harness.ok(answer);
        return true;
    }

    /** Makes the invitation's reply deadline due (the job executor lets it lapse). */
    private static boolean passDeadline(Harness harness, Node node, String code, long participantId) throws Exception {
        JsonNode seat = harness.ok(harness.call(node, "GET", "/engine-rest/process-instance?processDefinitionKey="
                + InvitationProcess.ID + "&businessKey=" + code + "&variables=" + InvitationProcess.PARTICIPANT_ID + "_eq_"
                + participantId, null));
        assertThat(seat).as("the invitation of %d in %s", participantId, code).hasSize(1);
        return makeDue(harness, node, harness.ok(harness.call(node, "GET", "/engine-rest/job?timers=true&activityId="
                + InvitationProcess.TIMER_EVENT_REPLY_DEADLINE_PASSED + "&processInstanceId=" + seat.get(0).get("id").asText(), null)))
                == 1;
    }

    /** Sets each timer job's due date to now: the job executor fires it. Returns how many. */
    private static int makeDue(Harness harness, Node node, JsonNode jobs) throws Exception {
        String now = REST_DATE.format(Instant.now());
        int due = 0;
        for (JsonNode job : jobs) {
            HttpResponse<String> answer = harness.call(node, "PUT", "/engine-rest/job/" + job.get("id").asText() + "/duedate",
                    Map.of("duedate", now));
            // fired meanwhile: Camunda's REST answers 500 "No job found with id" (not 404) for a job that is gone
            if (answer.statusCode() == 404 || answer.statusCode() == 500 && answer.body().contains("No job found")) {
                continue;
            }
            harness.ok(answer);
            due++;
        }
        return due;
    }

    /** The node's platform and pool beans, through the JVM's local management agent (attach API). */
    private static JMXConnector jmx(Node node) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(node.process().pid()));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }

    private static Sample sample(Harness harness, MBeanServerConnection beans, Duration since) throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        memory.gc();
        double heapMb = memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
        ObjectName pool = beans.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool *"), null).iterator().next();
        int connections = harness.jdbc().sql("select count(*) from pg_stat_activity where backend_type = 'client backend' "
                + "and pid <> pg_backend_pid()").query(Integer.class).single();
        return new Sample(since.toSeconds() / 60.0, heapMb, threads.getThreadCount(),
                (Integer) beans.getAttribute(pool, "ActiveConnections"), (Integer) beans.getAttribute(pool, "TotalConnections"),
                connections);
    }

    /** Prints the verdict per curve and asserts it: the last third of the samples against the first (medians). */
    private static void assertFlat(List<Sample> samples) {
        assertThat(samples).as("samples").hasSizeGreaterThanOrEqualTo(2);
        double heapFirst = median(samples, true, Sample::heapMb);
        double heapLast = median(samples, false, Sample::heapMb);
        double threadsFirst = median(samples, true, Sample::threads);
        double threadsLast = median(samples, false, Sample::threads);
        double connectionsFirst = median(samples, true, Sample::databaseConnections);
        double connectionsLast = median(samples, false, Sample::databaseConnections);
        boolean heapFlat = heapLast <= heapFirst * (1 + HEAP_GROWTH_PERCENT / 100.0) + HEAP_GROWTH_MB;
        boolean threadsFlat = threadsLast <= threadsFirst + THREADS_MORE;
        boolean connectionsFlat = connectionsLast <= connectionsFirst + CONNECTIONS_MORE;
        System.out.printf("soak verdict (first third → last third of %d samples, medians): heap after GC %.1f → %.1f MB (%s, "
                        + "tolerance +%d %% + %d MB); threads %.0f → %.0f (%s, tolerance +%d); database connections %.0f → %.0f "
                        + "(%s, tolerance +%d)%n", samples.size(), heapFirst, heapLast, heapFlat ? "flat" : "GROWING",
                HEAP_GROWTH_PERCENT, HEAP_GROWTH_MB, threadsFirst, threadsLast, threadsFlat ? "flat" : "GROWING", THREADS_MORE,
                connectionsFirst, connectionsLast, connectionsFlat ? "flat" : "GROWING", CONNECTIONS_MORE);
        assertThat(heapFlat).as("heap flat").isTrue();
        assertThat(threadsFlat).as("threads flat").isTrue();
        assertThat(connectionsFlat).as("connections flat").isTrue();
    }

    /** The median of the first (or last) third of the samples, at least one sample. */
    private static double median(List<Sample> samples, boolean first, ToDoubleFunction<Sample> value) {
        int third = Math.max(1, samples.size() / 3);
        List<Sample> part = first ? samples.subList(0, third) : samples.subList(samples.size() - third, samples.size());
        double[] sorted = part.stream().mapToDouble(value).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
