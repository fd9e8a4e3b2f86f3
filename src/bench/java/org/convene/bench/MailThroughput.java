package org.convene.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.AppNode;
import org.convene.ExpertMeetings;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.Participants;
import org.convene.mail.MailDeliveryProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * (f) Mail throughput: a meeting's invitations to {@code invitees} people, along the product's own
 * path, delivered to an SMTP server on this machine. The meeting is registered as staff do
 * (ExpertMeetingProcess), its invitees added through the invitation module's service
 * ({@link Participants#add}), its ParticipantListProcess started as the preparation starts it, the
 * list compiled by staff (lena) and approved by a manager (grace). That approval's commit starts one
 * InvitationProcess per invitee; the clock starts when it returns, and stops when the SMTP server has
 * received every invitation: each seat's "Send invitation" job writes the mail to the outbox and
 * starts its MailDeliveryProcess, whose "Deliver mail" job claims, sends and marks it. The SMTP server
 * is node 1's (the app's embedded GreenMail, {@code spring.mail.port}); a second node is a separate
 * JVM ({@link AppNode}) on the same database sending to it. Then the server must hold exactly one
 * message per invitee for the meeting, each Message-ID once, and every outbox mail be SENT.
 */
final class MailThroughput implements AutoCloseable {

    /** One measured delivery: how many mails in how long, and how many each node sent (cv_outbox_mail.claimed_by). */
    record Run(int nodes, int mails, double seconds, Map<String, Long> byNode, double machineBusy, double ownCpuMsPerMail) {

        double perSecond() {
            return mails / seconds;
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("bench.mail.timeoutMinutes", 15));

    private final ConfigurableApplicationContext app;
    private final Database database;
    private final GreenMail smtp;
    private final int smtpPort;
    private final JdbcClient jdbc;
    private final List<Process> extraNodes = new ArrayList<>();
    private int meetings;

    MailThroughput(ConfigurableApplicationContext app, Database database) {
        this.app = app;
        this.database = database;
        this.smtp = app.getBean(GreenMail.class);
        this.smtpPort = Integer.parseInt(app.getEnvironment().getRequiredProperty("spring.mail.port"));
        this.jdbc = app.getBean(JdbcClient.class);
    }

    /** Starts a second node: a separate JVM (512 MB heap) on the same database, sending to node 1's SMTP server. */
    void startSecondNode() throws IOException, InterruptedException {
        int port = AppNode.freePort();
        extraNodes.add(AppNode.start("bench-mail-node-2", List.of(
                "--spring.datasource.url=" + database.url, "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password, "--server.port=" + port,
                "--spring.mail.port=" + smtpPort, "--convene.mail.embedded-smtp.enabled=false",
                "--convene.demo.enabled=false", "--logging.level.root=warn",
                "--camunda.bpm.generic-properties.properties.hostname=bench-node-2"), Map.of()));
        AppNode.awaitUp(port);
    }

    int nodes() {
        return 1 + extraNodes.size();
    }

    /**
     * Invites {@code invitees} people to a new meeting and measures their invitations' delivery.
     *
     * @throws AssertionError when not all arrived within {@code bench.mail.timeoutMinutes} (15), or a
     *                        Message-ID is missing or arrived twice, or an outbox mail is not SENT
     */
    Run deliver(int invitees) throws Exception {
        String code = "EM-MAIL-" + (++meetings) + "-" + nodes() + "N";
        RuntimeService runtime = app.getBean(RuntimeService.class);
        ProcessInstance meeting = ExpertMeetings.propose(runtime, code, ExpertMeetings.firstDay());
        Participants participants = app.getBean(Participants.class);
        ParticipantCategory[] categories = ParticipantCategory.values();
        for (int i = 1; i <= invitees; i++) {
            participants.add(code, "Invitee " + i, "Organisation " + (i % 40), categories[i % categories.length],
                    "invitee" + i + "." + code.toLowerCase() + "@mail-bench.example", false);
        }
        ProcessInstance list = runtime.startProcessInstanceByKey(ParticipantListProcess.ID, code,
                ExpertMeetings.phaseVariables(runtime, meeting));
        complete(list, ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST, "lena",
                Map.of(ParticipantListProcess.LIST_READY, true));
        int before = smtp.getReceivedMessages().length;

        complete(list, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST, "grace",
                Map.of(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue()));
        long[] machineBefore = machineCpu();
        long ownBefore = ownCpuNanos();
        long started = System.nanoTime();
        System.out.printf("[bench] f: %s approved, %d invitations on their way, %d node(s)%n", code, invitees, nodes());
        boolean arrived = smtp.waitForIncomingEmail(TIMEOUT.toMillis(), before + invitees);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = machineCpu();
        double ownCpuMsPerMail = (ownCpuNanos() - ownBefore) / 1e6 / invitees;
        double machineBusy = machineBefore == null || machineAfter == null ? Double.NaN
                : 1 - (double) (machineAfter[1] - machineBefore[1]) / (machineAfter[0] - machineBefore[0]);

        if (!arrived) {
            throw new AssertionError(String.format("%s: %d of %d invitations arrived in %s; outbox: %s", code,
                    ofMeeting(code).size(), invitees, TIMEOUT, outbox(code)));
        }
        awaitDeliveriesEnded(code);
        List<String> ids = ofMeeting(code);
        Set<String> distinct = new HashSet<>(ids);
        if (ids.size() != invitees || distinct.size() != invitees) {
            throw new AssertionError(String.format("%s: %d messages with %d distinct Message-IDs for %d invitees",
                    code, ids.size(), distinct.size(), invitees));
        }
        Map<String, Long> outbox = outbox(code);
        if (!outbox.equals(Map.of("SENT", (long) invitees))) {
            throw new AssertionError(code + ": the outbox holds " + outbox + ", not " + invitees + " mails SENT");
        }
        Map<String, Long> byNode = new LinkedHashMap<>();
        jdbc.sql("select claimed_by, count(*) from cv_outbox_mail where meeting_code = ? group by claimed_by order by 1")
                .param(code).query((rs, row) -> byNode.put(rs.getString(1), rs.getLong(2))).list();
        return new Run(nodes(), invitees, seconds, byNode, machineBusy, ownCpuMsPerMail);
    }

    /** The machine's CPU time since boot, all cores, in clock ticks: {total, idle + iowait}; null where /proc/stat is not. */
    private static long[] machineCpu() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }

    /** The CPU time of this JVM (node 1, the SMTP server, the benchmark's waiting), in nanoseconds. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The Message-IDs of the messages the server holds for the meeting ({@code <key.code@convene>}). */
    private List<String> ofMeeting(String code) throws MessagingException {
        String suffix = "." + code + "@convene>";
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String id = message.getMessageID();
            if (id != null && id.endsWith(suffix)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Map<String, Long> outbox(String code) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from cv_outbox_mail where meeting_code = ? group by status order by 1")
                .param(code).query((rs, row) -> statuses.put(rs.getString(1), rs.getLong(2))).list();
        return statuses;
    }

    /** Until no MailDeliveryProcess of the meeting runs (a second send of a mail would come from one). */
    private void awaitDeliveriesEnded(String code) throws InterruptedException {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        long until = System.nanoTime() + TIMEOUT.toNanos();
        while (runtime.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.ID)
                .processInstanceBusinessKey(code).count() > 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError(code + ": deliveries still running after " + TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    /** As Tasklist does: claimed by the user, completed with the engine told who acts and in which groups. */
    private void complete(ProcessInstance instance, String activityId, String user, Map<String, Object> values) {
        TaskService tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    public void close() {
        extraNodes.forEach(Process::destroy);
        for (Process node : extraNodes) {
            try {
                node.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
