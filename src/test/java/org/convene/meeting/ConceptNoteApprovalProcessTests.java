package org.convene.meeting;

import org.convene.Offers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.convene.ConveneIntegrationTest;
import org.convene.TestMeetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConveneIntegrationTest
class ConceptNoteApprovalProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ConceptNotes conceptNotes;

    String code;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("CN");
        instance = runtimeService.startProcessInstanceByKey("ConceptNoteApprovalProcess", code, Map.of(
                "meetingCode", code, "meetingTitle", "Expert meeting on burden sharing",
                "meetingPlace", "Amman, Jordan", "meetingDates", "8–9 February 2027"));
    }

    @Test
    void shouldApproveTheFirstDraft() {
        assertThat(instance).isWaitingAt("Task_DraftConceptNote");
        assertThat(task(instance)).hasCandidateGroup("convener-staff").hasDueDate(task(instance).getDueDate());
        taskService.complete(task(instance).getId(), draft("The international refugee regime is predicated on cooperation."));

        assertThat(instance).isWaitingAt("Task_ReviewConceptNote");
        assertThat(task(instance)).hasCandidateGroup("managers");
        assertThat(taskService.getVariable(task(instance).getId(), "background"))
                .isEqualTo("The international refugee regime is predicated on cooperation.");
        taskService.complete(task(instance).getId(), Map.of("decision", "approve", "comments", "Good to go."));

        assertThat(instance).isEnded().hasPassed("EndEvent_ConceptNoteApproved");
        assertThat(conceptNotes.latest(code)).get().extracting(ConceptNotes.ConceptNote::version).isEqualTo(1);
        assertThat(conceptNotes.reviews(code)).singleElement()
                .satisfies(review -> assertThat(review).containsEntry("decision", "approve").containsEntry("version", 1));
    }

    @Test
    void shouldSendTheNoteBackWithCommentsAndKeepEveryVersion() {
        taskService.complete(task(instance).getId(), draft("First draft."));
        taskService.complete(task(instance).getId(), Map.of("decision", "return", "comments", "Name the host ministry."));

        assertThat(instance).isWaitingAt("Task_ReviseConceptNote");
        String revise = task(instance).getId();
        assertThat(taskService.getVariable(revise, "reviewComments")).isEqualTo("Name the host ministry.");
        assertThat(taskService.getVariable(revise, "background")).isEqualTo("First draft.");
        String longBackground = "Second draft, naming the Ministry of Interior. " + "Cooperation. ".repeat(1500);
        taskService.complete(revise, draft(longBackground));

        assertThat(instance).isWaitingAt("Task_ReviewConceptNote");
        taskService.complete(task(instance).getId(), Map.of("decision", "approve"));

        assertThat(instance).isEnded();
        assertThat(conceptNotes.latest(code)).get()
                .satisfies(note -> {
                    assertThat(note.version()).isEqualTo(2);
                    assertThat(note.background()).isEqualTo(longBackground.strip()).hasSizeGreaterThan(4000);
                });
        assertThat(conceptNotes.reviews(code)).extracting(r -> r.get("decision")).containsExactly("return", "approve");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldGiveAReturnedNoteBackToItsAuthor() {
        taskService.claim(task(instance).getId(), "omar");
        taskService.complete(task(instance).getId(), draft("Omar's draft."));
        taskService.complete(task(instance).getId(), Map.of("decision", "return", "comments", "Shorter, please."));

        assertThat(instance).isWaitingAt("Task_ReviseConceptNote");
        assertThat(task(instance)).isAssignedTo("omar");
        assertThat(Offers.candidateGroups(taskService, task(instance))).containsExactly("convener-staff");
    }

    @Test
    void shouldOfferTheRevisionToTheGroupWhenTheAuthorIsNoUser() {
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, "Seeded.", "Objectives.", "UNHCR", 25,
                List.of("GOV"), "Amman", "", "seed"));
        taskService.complete(task(instance).getId(), draft("Unclaimed draft."));
        taskService.complete(task(instance).getId(), Map.of("decision", "return", "comments", "Again."));

        assertThat(task(instance)).isNotAssigned().hasCandidateGroup("convener-staff");
    }

    @Test
    void shouldRefuseADraftWithoutItsRequiredSectionsAndStoreNothing() {
        Map<String, Object> incomplete = draft("x");
        incomplete.put("background", "  ");
        incomplete.put("participantsTarget", 2);

        assertThatThrownBy(() -> taskService.complete(task(instance).getId(), incomplete))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Background")
                .hasMessageContaining("is required")
                .hasMessageContaining("must be at least 5");
        assertThat(instance).isWaitingAt("Task_DraftConceptNote");
        assertThat(conceptNotes.latest(code)).isEmpty();
    }

    @Test
    void shouldRefuseToReturnTheNoteWithoutComments() {
        taskService.complete(task(instance).getId(), draft("A draft."));
        String review = task(instance).getId();

        assertThatThrownBy(() -> taskService.complete(review, Map.of("decision", "return")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Comments");
        assertThatThrownBy(() -> taskService.complete(review, Map.of("decision", "maybe")))
                .hasMessageContaining("must be one of [approve, return]");
        assertThat(instance).isWaitingAt("Task_ReviewConceptNote");
        assertThat(conceptNotes.reviews(code)).isEmpty();
    }

    static Map<String, Object> draft(String background) {
        Map<String, Object> values = new HashMap<>();
        values.put("background", background);
        values.put("objectives", "Identify common elements and lessons learned from previous cooperative arrangements.");
        values.put("convener", "UNHCR, Division of International Protection");
        values.put("participantsTarget", 25);
        values.put("participantCategories", Spin.JSON(List.of("GOV", "IO", "ACA")));
        values.put("timingAndLocation", "8–9 February 2027 in Amman, Jordan");
        values.put("documentation", "A background paper will be made available.");
        return values;
    }
}
