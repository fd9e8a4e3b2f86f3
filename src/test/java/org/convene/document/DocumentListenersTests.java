package org.convene.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.convene.meeting.MeetingProcess;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document module's task listeners as any module's BPMN wires them: the document named by
 * the task's input parameters documentKind and documentPart, the values its form submitted, and
 * who completes it. Plain unit tests: the task and Documents are mocks.
 */
class DocumentListenersTests {

    static final String CODE = "EM-2027-AMMAN";

    Documents documents = mock(Documents.class);
    DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);

    @BeforeEach
    void aTaskCompletedByLena() {
        when(task.getId()).thenReturn("task-1");
        when(task.getName()).thenReturn("Write day summary");
        when(task.getTaskDefinitionKey()).thenReturn(MeetingProcess.TASK_WRITE_DAY_SUMMARY);
        when(task.getVariable(ProcessVariables.MEETING_CODE)).thenReturn(CODE);
        when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(new Authentication("lena", null));
    }

    @Test
    void shouldSaveTheDraftOfTheDocumentAndPartTheTaskNames() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.WG_REPORT.name());
        when(task.getVariable(DocumentVariables.DOCUMENT_PART)).thenReturn("WG1");
        when(task.getVariable(DocumentVariables.DRAFT_TEXT)).thenReturn("  Report of WG1.  ");

        new DocumentDraftSavedListener(documents).notify(task);

        verify(documents).saveDraft(CODE, DocumentKind.WG_REPORT, "WG1", "Report of WG1.", "lena", "task-1");
    }

    @Test
    void shouldReadAMissingPartAsEmptyAndADayNumberAsText() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.RECOMMENDATIONS.name());
        when(task.getVariable(DocumentVariables.DRAFT_TEXT)).thenReturn("1. Agree triggers.");
        new DocumentDraftSavedListener(documents).notify(task);
        verify(documents).saveDraft(CODE, DocumentKind.RECOMMENDATIONS, "", "1. Agree triggers.", "lena", "task-1");

        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.DAY_SUMMARY.name());
        when(task.getVariable(DocumentVariables.DOCUMENT_PART)).thenReturn(2);
        new DocumentDraftSavedListener(documents).notify(task);
        verify(documents).saveDraft(CODE, DocumentKind.DAY_SUMMARY, "2", "1. Agree triggers.", "lena", "task-1");
    }

    @Test
    void shouldRecordAReturnWithItsComments() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.WG_REPORT.name());
        when(task.getVariable(DocumentVariables.DOCUMENT_PART)).thenReturn("WG2");
        when(task.getVariable(ProcessVariables.DECISION)).thenReturn(ReviewDecision.RETURN.formValue());
        when(task.getVariable(ProcessVariables.COMMENTS)).thenReturn("Cite the answers to question 3.");

        new DocumentReviewedListener(documents).notify(task);

        verify(documents).recordReview(CODE, DocumentKind.WG_REPORT, "WG2", ReviewDecision.RETURN,
                "Cite the answers to question 3.", "lena", "task-1");
    }

    @Test
    void shouldRefuseAReturnWithoutCommentsBeforeAnythingIsRecorded() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.WG_REPORT.name());
        when(task.getVariable(ProcessVariables.DECISION)).thenReturn(ReviewDecision.RETURN.formValue());
        when(task.getVariable(ProcessVariables.COMMENTS)).thenReturn(" ");

        assertThatThrownBy(() -> new DocumentReviewedListener(documents).notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("'Comments' are required");
        verifyNoInteractions(documents);
    }

    @Test
    void shouldCommissionTheDocumentWithTheDayItIsDue() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.BACKGROUND_PAPER.name());
        when(task.getVariable(DocumentVariables.PAPER_AUTHOR)).thenReturn("Dr. Alexander Betts, Oxford");
        when(task.getVariable(DocumentVariables.PAPER_BRIEF)).thenReturn("Cooperative arrangements since 1979.");
        when(task.getVariable(DocumentVariables.PAPER_DUE_DATE)).thenReturn("2027-01-11");

        new DocumentCommissionedListener(documents).notify(task);

        verify(documents).commission(CODE, DocumentKind.BACKGROUND_PAPER, "Dr. Alexander Betts, Oxford",
                "Cooperative arrangements since 1979.", LocalDate.of(2027, 1, 11), "lena");
    }

    @Test
    void shouldRecordWhoCirculatedTheDocument() {
        when(task.getVariable(DocumentVariables.DOCUMENT_KIND)).thenReturn(DocumentKind.BACKGROUND_PAPER.name());

        new DocumentCirculatedListener(documents).notify(task);

        verify(documents).circulate(CODE, DocumentKind.BACKGROUND_PAPER, "lena");
    }

    @Test
    void shouldFailATaskThatNamesNoDocumentNamingTheTask() {
        assertThatThrownBy(() -> new DocumentDraftSavedListener(documents).notify(task))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MeetingProcess.TASK_WRITE_DAY_SUMMARY)
                .hasMessageContaining(DocumentVariables.DOCUMENT_KIND);
        verifyNoInteractions(documents);
    }
}
