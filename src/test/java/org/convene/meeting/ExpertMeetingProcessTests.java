package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.convene.meeting.ExpertMeetingProcess.*;
import static org.convene.workflow.ProcessVariables.MEETING_CODE;
import static org.convene.workflow.ProcessVariables.MEETING_DATES;
import static org.convene.workflow.ProcessVariables.MEETING_PLACE;
import static org.convene.workflow.ProcessVariables.MEETING_TITLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.convene.AnnouncedEvents;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.framework.CommonFrameworkProcess;
import org.convene.framework.RecommendationsProcess;
import org.convene.framework.SummaryConclusionsProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ExpertMeetingProcess: registers the meeting under its code, then calls each phase in turn,
 * passing the meeting down. Each phase's own path is tested in its own class; here a called
 * phase is moved to its end event (a process instance modification, as a manager could do
 * in Cockpit) so that the test is about the order and the data of the calls.
 */
@ConveneIntegrationTest
class ExpertMeetingProcessTests {

    /** Call activity → called process and its end event, in the order of the lifecycle. */
    static final Map<String, String[]> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put(CALL_ACTIVITY_APPROVE_CONCEPT_NOTE, new String[] {ConceptNoteApprovalProcess.ID,
                ConceptNoteApprovalProcess.END_EVENT_CONCEPT_NOTE_APPROVED});
        PHASES.put(CALL_ACTIVITY_PREPARE_MEETING, new String[] {PreparationProcess.ID, PreparationProcess.END_EVENT_MEETING_PREPARED});
        PHASES.put(CALL_ACTIVITY_HOLD_MEETING, new String[] {MeetingProcess.ID, MeetingProcess.END_EVENT_MEETING_HELD});
        // the framework module's phases
        PHASES.put(CALL_ACTIVITY_CONCLUDE_MEETING, new String[] {SummaryConclusionsProcess.ID,
                SummaryConclusionsProcess.END_EVENT_CONCLUSIONS_PUBLISHED});
        PHASES.put(CALL_ACTIVITY_DRAW_UP_RECOMMENDATIONS, new String[] {RecommendationsProcess.ID,
                RecommendationsProcess.END_EVENT_RECOMMENDATIONS_ADOPTED});
        PHASES.put(CALL_ACTIVITY_SHAPE_COMMON_FRAMEWORK, new String[] {CommonFrameworkProcess.ID,
                CommonFrameworkProcess.END_EVENT_FRAMEWORK_PUBLISHED});
    }

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired Meetings meetings;
    @Autowired MeetingCalendar calendar;
    @Autowired AnnouncedEvents events;

    String code;
    LocalDate firstDay;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("EMP");
        firstDay = ExpertMeetings.firstDay();
    }

    @Test
    void shouldCallEveryPhaseInOrderPassingTheMeetingDown() {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);

        String dates = (String) runtimeService.getVariable(meeting.getId(), MEETING_DATES);
        assertThat(dates).startsWith(firstDay.getDayOfMonth() + "")
                .endsWith(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(firstDay.plusDays(1)));
        Map<String, Object> expected = Map.of(MEETING_CODE, code, MEETING_TITLE, ExpertMeetings.TITLE,
                MEETING_PLACE, ExpertMeetings.PLACE, MEETING_DATES, dates);
        String deploymentId = repositoryService.getProcessDefinition(meeting.getProcessDefinitionId()).getDeploymentId();

        for (Map.Entry<String, String[]> phase : PHASES.entrySet()) {
            assertThat(meeting).isWaitingAt(phase.getKey());
            ProcessInstance called = calledProcessInstance(phase.getValue()[0], meeting);
            assertThat(called).hasBusinessKey(code);
            assertThat(runtimeService.getVariables(called.getId())).containsAllEntriesOf(expected);
            assertThat(repositoryService.getProcessDefinition(called.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(deploymentId);
            finish(called, phase.getValue()[1]);
        }

        assertThat(meeting).isEnded().hasPassedInOrder(PHASES.keySet().toArray(String[]::new))
                .hasPassed(END_EVENT_FRAMEWORK_PUBLISHED);
    }

    @Test
    void shouldKeepARunningMeetingOnThePhasesOfItsOwnDeployment() {
        Deployment newer = repositoryService.createDeployment().name("newer concept note approval")
                .addModelInstance(ConceptNoteApprovalProcess.ID + ".bpmn", Bpmn.createExecutableProcess(ConceptNoteApprovalProcess.ID)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_SomethingElse").endEvent().done())
                .deploy();
        try {
            ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);

            ProcessInstance called = calledProcessInstance(ConceptNoteApprovalProcess.ID, meeting);
            assertThat(repositoryService.getProcessDefinition(called.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(repositoryService.getProcessDefinition(meeting.getProcessDefinitionId()).getDeploymentId())
                    .isNotEqualTo(newer.getId());
            assertThat(called).isWaitingAt(ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE);
        } finally {
            repositoryService.deleteDeployment(newer.getId(), true);
        }
    }

    @Test
    void shouldRegisterTheMeetingUnderItsCodeWithTheSeedsAgenda() {
        ProcessInstance meeting = ExpertMeetings.propose(runtimeService, code, firstDay);

        assertThat(meetings.get(code)).isEqualTo(new Meeting(code, ExpertMeetings.TITLE, ExpertMeetings.PLACE,
                ExpertMeetings.AMMAN, firstDay, 2));
        assertThat(calendar.days(code)).containsExactly(1, 2);
        assertThat(calendar.workingGroups(code, 1)).containsExactly("WG1", "WG2");
        assertThat(calendar.workingGroups(code, 2)).containsExactly("WG3", "WG4");
        assertThat(runtimeService.getVariables(meeting.getId())).containsEntry(MEETING_CODE, code)
                .containsEntry(MEETING_TITLE, ExpertMeetings.TITLE).containsEntry(MEETING_PLACE, ExpertMeetings.PLACE);
        assertThat(events.of(MeetingRegistered.class, code)).singleElement().satisfies(registered -> {
            assertThat(registered).extracting(MeetingRegistered::meetingCode, MeetingRegistered::title,
                    MeetingRegistered::place, MeetingRegistered::timeZone, MeetingRegistered::firstDay,
                    MeetingRegistered::numberOfDays, MeetingRegistered::actor).containsExactly(code, ExpertMeetings.TITLE, ExpertMeetings.PLACE, ExpertMeetings.AMMAN,
                    firstDay, 2, null);
            assertThat(registered.occurredAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        });
    }

    @Test
    void shouldRefuseASecondMeetingWithTheSameCode() {
        ProcessInstance first = ExpertMeetings.propose(runtimeService, code, firstDay);
        Map<String, Object> second = ExpertMeetings.proposal(firstDay.plusWeeks(1));
        second.put(MEETING_TITLE, "Another meeting");

        assertThatThrownBy(() -> driver.start(ID, code, second))
                .isInstanceOf(MeetingCodeTakenException.class)
                .hasMessage("A meeting with code " + code + " already exists. Each meeting needs its own code; "
                        + "open the existing meeting or choose another code.");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ID)
                .processInstanceBusinessKey(code).list()).extracting(ProcessInstance::getId).containsExactly(first.getId());
        assertThat(meetings.get(code).title()).isEqualTo(ExpertMeetings.TITLE);
        assertThat(meetings.get(code).firstDay()).isEqualTo(firstDay);
        assertThat(events.of(MeetingRegistered.class, code)).as("announced once").hasSize(1);
    }

    @Test
    void shouldRefuseAMeetingWhoseCodeIsNotAValidCode() {
        assertThatThrownBy(() -> ExpertMeetings.propose(runtimeService, "EM 2027 amman", firstDay))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("A meeting needs a code as its business key")
                .hasMessageContaining("got 'EM 2027 amman'");

        assertThat(meetings.find("EM 2027 amman")).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EM 2027 amman").count()).isZero();
    }

    @Test
    void shouldTakeTheBusinessKeyFromTheMeetingCodeWhenStartedWithoutOne() {
        Map<String, Object> proposal = ExpertMeetings.proposal(firstDay);
        proposal.put(MEETING_CODE, " " + code.toLowerCase(Locale.ROOT) + " ");

        ProcessInstance meeting = runtimeService.startProcessInstanceByKey(ID, proposal);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(meeting.getId()).singleResult())
                .hasBusinessKey(code);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(meeting.getId()).singleResult()
                .getBusinessKey()).as("the business key Cockpit's history shows").isEqualTo(code);
        assertThat(runtimeService.getVariable(meeting.getId(), MEETING_CODE)).isEqualTo(code);
        assertThat(meetings.find(code)).isPresent();
        assertThat(calledProcessInstance(ConceptNoteApprovalProcess.ID, meeting)).hasBusinessKey(code);
    }

    /** Moves every token of a called phase to its end event: the phase ends as if it had run. */
    private void finish(ProcessInstance called, String endEventId) {
        ActivityInstance tree = runtimeService.getActivityInstance(called.getId());
        ProcessInstanceModificationBuilder modification = runtimeService.createProcessInstanceModification(called.getId());
        for (ActivityInstance running : tree.getChildActivityInstances()) {
            modification.cancelActivityInstance(running.getId());
        }
        for (TransitionInstance waiting : tree.getChildTransitionInstances()) {
            modification.cancelTransitionInstance(waiting.getId());
        }
        modification.startBeforeActivity(endEventId).execute();
    }
}
