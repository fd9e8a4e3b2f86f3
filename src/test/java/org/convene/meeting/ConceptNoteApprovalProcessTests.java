package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.convene.meeting.ConceptNoteApprovalProcess.*;
import static org.convene.workflow.ProcessVariables.COMMENTS;
import static org.convene.workflow.ProcessVariables.DECISION;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.AnnouncedEvents;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ConceptNoteApprovalProcess: staff draft, a manager reviews, a returned note goes back to its
 * author until a manager approves it; every version and every review is kept and announced.
 */
@ConveneIntegrationTest
class ConceptNoteApprovalProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ConceptNotes conceptNotes;
    @Autowired AnnouncedEvents events;

    String code;
    ProcessInstance instance;

    @BeforeEach
    void startPhase() {
        BpmnAwareTests.init(engine);
        code = TestMeetings.newCode("CN");
        instance = driver.start(ID, code, phaseVariables(code));
    }

    static Map<String, Object> phaseVariables(String code) {
        return Map.of(ProcessVariables.MEETING_CODE, code, ProcessVariables.MEETING_TITLE, "Expert meeting on burden sharing",
                ProcessVariables.MEETING_PLACE, "Amman, Jordan", ProcessVariables.MEETING_DATES, "8–9 February 2027");
    }

    @Test
    void shouldApproveTheFirstDraft() {
        assertThat(instance).isWaitingAt(TASK_DRAFT_CONCEPT_NOTE);
        Task draft = driver.task(instance, TASK_DRAFT_CONCEPT_NOTE);
        assertThat(draft).hasCandidateGroup(ConveneGroups.STAFF).hasDueDate(draft.getDueDate());
        assertThat(options(draft)).as("the checklist's options: every category")
                .containsExactly("GOV", "IO", "REG", "NGO", "ACA");
        driver.complete(draft, "lena", ConceptNoteDrafts.submission("The international refugee regime is predicated on cooperation."));

        assertThat(instance).isWaitingAt(TASK_REVIEW_CONCEPT_NOTE);
        Task review = driver.task(instance, TASK_REVIEW_CONCEPT_NOTE);
        assertThat(review).hasCandidateGroup(ConveneGroups.MANAGERS);
        assertThat(driver.taskVariable(review, BACKGROUND))
                .isEqualTo("The international refugee regime is predicated on cooperation.");
        driver.complete(review, "grace", Map.of(DECISION, "approve", COMMENTS, "Good to go."));

        assertThat(instance).isEnded().hasPassedInOrder(TASK_DRAFT_CONCEPT_NOTE, GATEWAY_CONCEPT_NOTE_MERGE,
                TASK_REVIEW_CONCEPT_NOTE, GATEWAY_CONCEPT_NOTE_APPROVED, END_EVENT_CONCEPT_NOTE_APPROVED);
        assertThat(conceptNotes.latest(code)).get().satisfies(note -> {
            assertThat(note.version()).isEqualTo(1);
            assertThat(note.author()).isEqualTo("lena");
            assertThat(note.participantCategories()).containsExactly(ParticipantCategory.GOV, ParticipantCategory.IO,
                    ParticipantCategory.ACA);
        });
        assertThat(conceptNotes.reviewHistory(code)).singleElement().satisfies(review1 -> {
            assertThat(review1.decision()).isEqualTo("approve");
            assertThat(review1.version()).isEqualTo(1);
            assertThat(review1.reviewer()).isEqualTo("grace");
        });
        assertThat(events.of(ConceptNoteSubmitted.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ConceptNoteSubmitted(code, 1, null, "lena"));
        assertThat(events.of(ConceptNoteApproved.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ConceptNoteApproved(code, 1, "Good to go.", null, "grace"));
        assertThat(events.of(ConceptNoteReturned.class, code)).isEmpty();
    }

    @Test
    void shouldSendTheNoteBackWithCommentsAndKeepEveryVersion() {
        driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", ConceptNoteDrafts.submission("First draft."));
        driver.complete(instance, TASK_REVIEW_CONCEPT_NOTE, "grace",
                Map.of(DECISION, "return", COMMENTS, "Name the host ministry."));

        assertThat(instance).isWaitingAt(TASK_REVISE_CONCEPT_NOTE);
        Task revise = driver.task(instance, TASK_REVISE_CONCEPT_NOTE);
        assertThat(driver.taskVariable(revise, REVIEW_COMMENTS)).isEqualTo("Name the host ministry.");
        assertThat(driver.taskVariable(revise, BACKGROUND)).isEqualTo("First draft.");
        String longBackground = "Second draft, naming the Ministry of Interior. " + "Cooperation. ".repeat(1500);
        driver.complete(revise, "lena", ConceptNoteDrafts.submission(longBackground));

        assertThat(instance).isWaitingAt(TASK_REVIEW_CONCEPT_NOTE);
        driver.complete(instance, TASK_REVIEW_CONCEPT_NOTE, "grace", Map.of(DECISION, "approve"));

        assertThat(instance).isEnded().hasPassed(TASK_REVISE_CONCEPT_NOTE, GATEWAY_CONCEPT_NOTE_MERGE);
        assertThat(conceptNotes.latest(code)).get()
                .satisfies(note -> {
                    assertThat(note.version()).isEqualTo(2);
                    assertThat(note.background()).isEqualTo(longBackground.strip()).hasSizeGreaterThan(4000);
                });
        assertThat(conceptNotes.reviewHistory(code)).extracting(ConceptNotes.Review::decision)
                .containsExactly("return", "approve");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(events.of(ConceptNoteSubmitted.class, code)).extracting(ConceptNoteSubmitted::version).containsExactly(1, 2);
        assertThat(events.of(ConceptNoteReturned.class, code)).singleElement().usingRecursiveComparison()
                .ignoringFields("occurredAt").isEqualTo(new ConceptNoteReturned(code, 1, "Name the host ministry.", null, "grace"));
        assertThat(events.of(ConceptNoteApproved.class, code)).extracting(ConceptNoteApproved::version).containsExactly(2);
    }

    @Test
    void shouldGiveAReturnedNoteBackToItsAuthor() {
        driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "omar", ConceptNoteDrafts.submission("Omar's draft."));
        driver.complete(instance, TASK_REVIEW_CONCEPT_NOTE, "grace",
                Map.of(DECISION, "return", COMMENTS, "Shorter, please."));

        assertThat(instance).isWaitingAt(TASK_REVISE_CONCEPT_NOTE);
        Task revise = driver.task(instance, TASK_REVISE_CONCEPT_NOTE);
        assertThat(revise).isAssignedTo("omar");
        assertThat(driver.candidateGroups(revise)).containsExactly(ConveneGroups.STAFF);
    }

    @Test
    void shouldOfferTheRevisionToTheGroupWhenTheAuthorIsNoUser() {
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, "Seeded.", "Objectives.", "UNHCR", 25,
                List.of(ParticipantCategory.GOV), "Amman", "", "seed"));
        // completed through the Java API with no user told to the engine: the version has no author of the app
        taskService.complete(driver.task(instance, TASK_DRAFT_CONCEPT_NOTE).getId(), ConceptNoteDrafts.submission("Unclaimed draft."));
        driver.complete(instance, TASK_REVIEW_CONCEPT_NOTE, "grace", Map.of(DECISION, "return", COMMENTS, "Again."));

        Task revise = driver.task(instance, TASK_REVISE_CONCEPT_NOTE);
        assertThat(revise).isNotAssigned().hasCandidateGroup(ConveneGroups.STAFF);
    }

    @Test
    void shouldRefuseADraftWithoutItsRequiredSectionsAndStoreNothing() {
        Map<String, Object> incomplete = ConceptNoteDrafts.submission("x");
        incomplete.put(BACKGROUND, "  ");
        incomplete.put(PARTICIPANTS_TARGET, 2);

        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", incomplete))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Background")
                .hasMessageContaining("is required")
                .hasMessageContaining("must be at least 5");
        assertThat(instance).isWaitingAt(TASK_DRAFT_CONCEPT_NOTE);
        assertThat(conceptNotes.latest(code)).isEmpty();
        assertThat(events.of(ConceptNoteSubmitted.class, code)).isEmpty();
    }

    @Test
    void shouldRefuseACategoryTheChecklistDoesNotOffer() {
        Map<String, Object> values = ConceptNoteDrafts.submission("A draft.");
        values.put(PARTICIPANT_CATEGORIES, Spin.JSON(List.of("GOV", "PRESS")));

        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", values))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be one of [GOV, IO, REG, NGO, ACA], not 'PRESS'");
        assertThat(conceptNotes.latest(code)).isEmpty();
    }

    @Test
    void shouldKeepTargetsPerCategoryBesideTheTotalAndShowThemToTheReviewAndTheRevision() {
        Map<String, Object> values = ConceptNoteDrafts.submission("A draft with targets.");
        values.put(TARGET_GOV, 10);
        values.put(TARGET_IO, 6);
        values.put(TARGET_ACA, 4);
        driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", values);

        assertThat(conceptNotes.latest(code)).get().satisfies(note -> {
            assertThat(note.participantsTarget()).isEqualTo(25);
            assertThat(note.categoryTargets()).containsExactly(Map.entry(ParticipantCategory.GOV, 10),
                    Map.entry(ParticipantCategory.IO, 6), Map.entry(ParticipantCategory.ACA, 4));
        });
        Task review = driver.task(instance, TASK_REVIEW_CONCEPT_NOTE);
        assertThat(driver.taskVariable(review, CATEGORY_TARGETS_SUMMARY)).isEqualTo("Seats per category: "
                + "Senior government representatives 10 · International organizations 6 · Academics and independent experts 4.");
        driver.complete(review, "grace", Map.of(DECISION, "return", COMMENTS, "Fewer governments."));

        Task revise = driver.task(instance, TASK_REVISE_CONCEPT_NOTE);
        assertThat(driver.taskVariable(revise, TARGET_GOV)).isEqualTo(10L);
        assertThat(driver.taskVariable(revise, TARGET_REG)).isNull();
    }

    @Test
    void shouldRefuseTargetsThatDoNotFitTheNoteAndStoreNothing() {
        Map<String, Object> uninvited = ConceptNoteDrafts.submission("A draft.");
        uninvited.put(TARGET_NGO, 3);
        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", uninvited))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Draft concept note' was not completed: A target of 3 is set for Non-governmental "
                        + "organizations, which is not among the categories to invite");

        Map<String, Object> tooMany = ConceptNoteDrafts.submission("A draft.");
        tooMany.put(TARGET_GOV, 20);
        tooMany.put(TARGET_IO, 10);
        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", tooMany))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("The targets per category add up to 30 seats, more than the 25 participants envisaged");

        Map<String, Object> negative = ConceptNoteDrafts.submission("A draft.");
        negative.put(TARGET_GOV, -1);
        assertThatThrownBy(() -> driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", negative))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be at least 0");
        assertThat(instance).isWaitingAt(TASK_DRAFT_CONCEPT_NOTE);
        assertThat(conceptNotes.latest(code)).isEmpty();
        assertThat(events.of(ConceptNoteSubmitted.class, code)).isEmpty();
    }

    @Test
    void shouldRefuseToReturnTheNoteWithoutComments() {
        driver.complete(instance, TASK_DRAFT_CONCEPT_NOTE, "lena", ConceptNoteDrafts.submission("A draft."));
        Task review = driver.task(instance, TASK_REVIEW_CONCEPT_NOTE);

        assertThatThrownBy(() -> driver.complete(review, "grace", Map.of(DECISION, "return")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Comments");
        assertThatThrownBy(() -> driver.complete(review, "grace", Map.of(DECISION, "maybe")))
                .hasMessageContaining("must be one of [approve, return]");
        assertThat(instance).isWaitingAt(TASK_REVIEW_CONCEPT_NOTE);
        assertThat(conceptNotes.reviewHistory(code)).isEmpty();
        assertThat(events.of(ConceptNoteReturned.class, code)).isEmpty();
    }


    private List<String> options(Task task) {
        SpinJsonNode options = (SpinJsonNode) driver.taskVariable(task, PARTICIPANT_CATEGORY_OPTIONS);
        return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
    }
}
