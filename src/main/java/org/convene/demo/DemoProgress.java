package org.convene.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.convene.document.DocumentVariables;
import org.convene.document.SignOffProcess;
import org.convene.framework.CommonFrameworkProcess;
import org.convene.framework.RecommendationsProcess;
import org.convene.framework.SummaryConclusionsProcess;
import org.convene.identity.ConveneGroups;
import org.convene.invitation.InvitationProcess;
import org.convene.invitation.InvitationReplies;
import org.convene.invitation.InvitationReply;
import org.convene.invitation.ParticipantListProcess;
import org.convene.invitation.ReplyChannel;
import org.convene.mail.MailDeliveryProcess;
import org.convene.invitation.ReplyNeeds;
import org.convene.meeting.ConceptNoteApprovalProcess;
import org.convene.meeting.MeetingProcess;
import org.convene.meeting.ParticipantCategory;
import org.convene.meeting.PreparationProcess;
import org.convene.report.WorkingGroupReportProcess;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * Moves a demo meeting forward the way its users would: each open task is completed by a
 * demo user of the task's group, with plausible values, invitees reply, and due jobs are
 * executed, until the meeting waits at the task named (or its invitations wait for replies). Used only to seed meetings at other stages.
 */
@Component
class DemoProgress {

    private static final Map<String, String> USER_OF_GROUP = Map.of(
            ConveneGroups.STAFF, "lena", ConveneGroups.MANAGERS, "grace", ConveneGroups.REVIEWERS, "ravi");

    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final InvitationReplies replies;
    private final DemoReports reports;
    private final DemoFramework framework;

    DemoProgress(TaskService taskService, ManagementService managementService, IdentityService identityService,
                 RuntimeService runtimeService, InvitationReplies replies, DemoReports reports, DemoFramework framework) {
        this.reports = reports;
        this.framework = framework;
        this.runtimeService = runtimeService;
        this.replies = replies;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /**
     * Works tasks and due jobs of the meeting until a task with this definition key is open; the
     * invitees accept (by e-mail, as staff record it) as soon as their invitation waits.
     */
    void advance(String meetingCode, String untilTaskKey) {
        for (int step = 0; step < 500; step++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(meetingCode)
                    .orderByTaskCreateTime().asc().list();
            if (tasks.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(untilTaskKey))) {
                return;
            }
            if (!tasks.isEmpty()) {
                complete(tasks.get(0));
            } else if (waitingSeats(meetingCode).isEmpty() || !acceptAll(meetingCode)) {
                if (!runDueJobs(meetingCode)) {
                    break;
                }
            }
        }
        throw new IllegalStateException("Demo meeting " + meetingCode + " did not reach " + untilTaskKey);
    }

    /**
     * Works tasks and due jobs of the meeting until its process has ended (the Common Framework
     * published); a timer that waits in the future (the participants' comment round) is fast-forwarded
     * as a manager would in Cockpit, by executing its job.
     */
    void advanceToEnd(String meetingCode, String processInstanceId) {
        for (int step = 0; step < 1000; step++) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
                return;
            }
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(meetingCode)
                    .orderByTaskCreateTime().asc().list();
            if (!tasks.isEmpty()) {
                complete(tasks.get(0));
            } else if ((waitingSeats(meetingCode).isEmpty() || !acceptAll(meetingCode)) && !runDueJobs(meetingCode)
                    && !fireNextTimer(meetingCode)) {
                break;
            }
        }
        throw new IllegalStateException("Demo meeting " + meetingCode + " did not end");
    }

    /** Executes the meeting's next waiting timer (not a mail's), whenever it is due; whether there was one. */
    private boolean fireNextTimer(String meetingCode) {
        List<Job> timers = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(meetingCode)
                .processDefinitionKeyNotIn(MailDeliveryProcess.ID).list().stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                        .list().stream())
                .sorted(java.util.Comparator.comparing(Job::getDuedate, java.util.Comparator.nullsFirst(
                        java.util.Comparator.naturalOrder())))
                .toList();
        timers.stream().findFirst().ifPresent(job -> managementService.executeJob(job.getId()));
        return !timers.isEmpty();
    }

    /** Works tasks and due jobs of the meeting until every invitation is sent and waits for its reply (no task). */
    void advanceUntilInvitationsWait(String meetingCode) {
        for (int step = 0; step < 500; step++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(meetingCode)
                    .orderByTaskCreateTime().asc().list();
            if (!tasks.isEmpty()) {
                complete(tasks.get(0));
                continue;
            }
            List<ProcessInstance> seats = seats(meetingCode);
            if (!seats.isEmpty() && waitingSeats(meetingCode).size() == seats.size()) {
                return;
            }
            if (!runDueJobs(meetingCode)) {
                break;
            }
        }
        throw new IllegalStateException("Demo meeting " + meetingCode + " did not send its invitations");
    }

    /**
     * Two of the waiting invitees answer: the first accepts through the invitation link (with a
     * dietary requirement and a visa letter asked for), the second declines by phone as staff record
     * it, which opens "Invite replacement"; the others still wait.
     */
    void answerSomeInvitations(String meetingCode) {
        List<Long> waiting = waitingSeats(meetingCode).stream().map(this::participantOf).sorted().toList();
        if (waiting.size() >= 2) {
            replies.receive(meetingCode, waiting.get(0), InvitationReply.ACCEPT, ReplyChannel.LINK,
                    "Arriving the evening before.", new ReplyNeeds(false, true, "Vegetarian", null), null);
            replies.receive(meetingCode, waiting.get(1), InvitationReply.DECLINE, ReplyChannel.PHONE,
                    "Another mission on those dates; suggested a colleague.", null, "lena");
        }
    }

    /** Every waiting invitee accepts by e-mail (recorded by staff); whether anyone was waiting. */
    private boolean acceptAll(String meetingCode) {
        List<ProcessInstance> waiting = waitingSeats(meetingCode);
        waiting.forEach(seat -> replies.receive(meetingCode, participantOf(seat), InvitationReply.ACCEPT,
                ReplyChannel.EMAIL, null, null, "lena"));
        return !waiting.isEmpty();
    }

    private List<ProcessInstance> seats(String meetingCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.ID)
                .processInstanceBusinessKey(meetingCode).list();
    }

    /** The seats whose invitation went out and waits for its reply. */
    private List<ProcessInstance> waitingSeats(String meetingCode) {
        return seats(meetingCode).stream().filter(seat -> runtimeService.createEventSubscriptionQuery()
                .processInstanceId(seat.getId()).eventName(InvitationProcess.MESSAGE_REPLY_RECEIVED).count() > 0).toList();
    }

    private long participantOf(ProcessInstance seat) {
        return Long.parseLong((String) runtimeService.getVariable(seat.getId(), InvitationProcess.PARTICIPANT_ID));
    }

    /**
     * Tasks first, then jobs: people answer before the reply deadline of a meeting in the past passes.
     * Not the mail deliveries: they hand mail to the SMTP server once the seeding has committed (the
     * job executor's work), never inside the transaction that wrote it.
     */
    private boolean runDueJobs(String meetingCode) {
        List<Job> due = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(meetingCode)
                .processDefinitionKeyNotIn(MailDeliveryProcess.ID).list()
                .stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
                        .executable().list().stream())
                .toList();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return !due.isEmpty();
    }

    private void complete(Task task) {
        String user = task.getAssignee() != null ? task.getAssignee()
                : taskService.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(USER_OF_GROUP::containsKey)
                        .map(USER_OF_GROUP::get).findFirst().orElse("lena");
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            taskService.complete(task.getId(), valuesFor(task, user));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Map<String, Object> valuesFor(Task task, String user) {
        Map<String, Object> values = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE, ConceptNoteApprovalProcess.TASK_REVISE_CONCEPT_NOTE -> {
                // the seeded draft is kept as it is, inviting every category
                taskService.getVariables(task.getId(), List.of(ConceptNoteApprovalProcess.BACKGROUND,
                        ConceptNoteApprovalProcess.OBJECTIVES, ConceptNoteApprovalProcess.CONVENER,
                        ConceptNoteApprovalProcess.PARTICIPANTS_TARGET, ConceptNoteApprovalProcess.TIMING_AND_LOCATION,
                        ConceptNoteApprovalProcess.DOCUMENTATION)).forEach(values::put);
                values.put(ConceptNoteApprovalProcess.PARTICIPANT_CATEGORIES,
                        Spin.JSON(Arrays.stream(ParticipantCategory.values()).map(Enum::name).toList()));
            }
            case PreparationProcess.TASK_DRAFT_AGENDA -> values.put(PreparationProcess.AGENDA_READY, true);
            case ParticipantListProcess.TASK_COMPILE_PARTICIPANT_LIST -> values.put(ParticipantListProcess.LIST_READY, true);
            case InvitationProcess.TASK_INVITE_REPLACEMENT ->
                    values.put(InvitationProcess.REPLACEMENT_ID, InvitationProcess.NO_REPLACEMENT);
            case PreparationProcess.TASK_COMMISSION_BACKGROUND_PAPER -> {
                values.put(DocumentVariables.PAPER_AUTHOR, "Prof. Daniel Reyes");
                values.put(DocumentVariables.PAPER_BRIEF, "International cooperation to share burden and "
                        + "responsibilities: past arrangements, their elements and lessons.");
                values.put(DocumentVariables.PAPER_DUE_DATE, LocalDate.now().plusWeeks(3).toString());
            }
            case PreparationProcess.TASK_CIRCULATE_DOCUMENTATION_PACK -> values.put(DocumentVariables.PACK_CIRCULATED, true);
            case MeetingProcess.TASK_RECORD_ATTENDANCE -> values.put(MeetingProcess.ATTENDANCE_RECORDED, true);
            case WorkingGroupReportProcess.TASK_DRAFT_WORKING_GROUP_REPORT -> {
                reports.enter((String) taskService.getVariable(task.getId(), ProcessVariables.MEETING_CODE),
                        (String) taskService.getVariable(task.getId(),
                        WorkingGroupReportProcess.WORKING_GROUP_CODE), user);
                values.put(WorkingGroupReportProcess.REPORT_READY, true);
            }
            case RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS -> {
                framework.enterRecommendations((String) taskService.getVariable(task.getId(), ProcessVariables.MEETING_CODE), user);
                values.put(RecommendationsProcess.RECOMMENDATIONS_READY, true);
            }
            case CommonFrameworkProcess.TASK_DRAFT_COMMON_FRAMEWORK -> {
                framework.enterFramework((String) taskService.getVariable(task.getId(), ProcessVariables.MEETING_CODE), user);
                values.put(CommonFrameworkProcess.FRAMEWORK_READY, true);
            }
            case WorkingGroupReportProcess.TASK_RECORD_PLENARY_DISCUSSION -> {
                reports.addPlenaryFinding((String) taskService.getVariable(task.getId(), ProcessVariables.MEETING_CODE),
                        (String) taskService.getVariable(task.getId(), WorkingGroupReportProcess.WORKING_GROUP_CODE), user);
                values.put(DocumentVariables.DRAFT_TEXT, "The plenary welcomed the report and added one finding.");
            }
            // the first draft made from the working groups' validated findings, as the general rapporteur keeps it
            case SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS -> values.put(DocumentVariables.DRAFT_TEXT,
                    taskService.getVariable(task.getId(), DocumentVariables.DRAFT_TEXT));
            case PreparationProcess.TASK_APPROVE_AGENDA, ParticipantListProcess.TASK_APPROVE_PARTICIPANT_LIST,
                 ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE,
                 SignOffProcess.TASK_SIGN_OFF_DRAFT, SummaryConclusionsProcess.TASK_REVIEW_SUMMARY_CONCLUSIONS,
                 SummaryConclusionsProcess.TASK_APPROVE_SUMMARY_CONCLUSIONS, CommonFrameworkProcess.TASK_APPROVE_COMMON_FRAMEWORK ->
                    values.put(ProcessVariables.DECISION, ReviewDecision.APPROVE.formValue());
            default -> values.put(DocumentVariables.DRAFT_TEXT, draftFor(task));
        }
        return values;
    }

    private static String draftFor(Task task) {
        return "## " + task.getName() + "\n\n"
                + "Examples discussed: ICARA I (1981) and ICARA II (1984); the Comprehensive Plan of Action for "
                + "Indochinese Refugees (1988-1996); CIREFCA (1987-1994).\n\n"
                + "What worked: broad ownership by the States of the region with support from outside it; "
                + "predictable funding. Challenges: burden shifting, short-term commitments. "
                + "Lessons: agree triggers for collective response in advance.";
    }
}
