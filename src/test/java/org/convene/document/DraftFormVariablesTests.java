package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.framework.RecommendationsProcess;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the forms get, shown through "Draw up recommendations": a reviewer's form shows the draft
 * made safe ({@code markdown.forForm}: every {@code <} as {@code &lt;}) with the version's id and
 * number for its links; the drafting form's textarea starts with the text as typed, the comments
 * shown beside it made safe, and no link while there is no version yet.
 */
@ConveneIntegrationTest
class DraftFormVariablesTests {

    static final String TYPED = "1. Agree <b>triggers</b> for a collective response.";

    @Autowired ProcessDriver driver;
    @Autowired Documents documents;

    @Test
    void shouldShowDraftsAndCommentsSafelyAndKeepTheTextareaAsTyped() {
        String code = TestMeetings.newCode("FV");
        ProcessInstance instance = driver.start(RecommendationsProcess.ID, code, driver.registerMeeting(code));
        Task first = driver.task(instance, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS);
        assertThat(driver.taskVariable(first, DocumentVariables.DOCUMENT_ID)).as("no version, no link").isNull();
        assertThat(driver.taskVariable(first, DocumentVariables.DOCUMENT_VERSION)).isNull();

        driver.complete(instance, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS, "lena",
                Map.of(DocumentVariables.DRAFT_TEXT, TYPED));
        Documents.Version version = documents.latest(code, DocumentKind.RECOMMENDATIONS, "").orElseThrow();
        ProcessInstance signOff = driver.called(instance, SignOffProcess.ID).get(0);
        Task sofias = driver.task(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia");
        assertThat(driver.taskVariable(sofias, DocumentVariables.DRAFT_TEXT))
                .isEqualTo("1. Agree &lt;b>triggers&lt;/b> for a collective response.");
        assertThat(driver.taskVariable(sofias, DocumentVariables.DOCUMENT_ID)).isEqualTo(version.documentId());
        assertThat(driver.taskVariable(sofias, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(1);

        driver.completeOwn(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia",
                ProcessDriver.decision(ReviewDecision.REJECT, "Cite the <i>finding</i>."));
        Task redraft = driver.task(instance, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS);
        assertThat(driver.taskVariable(redraft, DocumentVariables.DRAFT_TEXT)).as("the textarea, as typed").isEqualTo(TYPED);
        assertThat(driver.taskVariable(redraft, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**sofia**: Cite the &lt;i>finding&lt;/i>.");
        assertThat(driver.taskVariable(redraft, DocumentVariables.DOCUMENT_ID)).isEqualTo(version.documentId());
        assertThat(driver.taskVariable(redraft, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(1);
    }
}
