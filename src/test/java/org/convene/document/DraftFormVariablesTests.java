package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import java.util.List;
import org.convene.framework.RecommendationDraft;
import org.convene.framework.Recommendations;
import org.convene.framework.RecommendationsProcess;
import org.convene.report.ReportDraft;
import org.convene.report.WorkingGroupReports;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the forms get, shown through "Draw up recommendations": a reviewer's form shows the draft
 * made safe ({@code markdown.forForm}: every {@code <} as {@code &lt;}) with the version's id and
 * number for its links; the drafting form shows the reviewers' comments made safe. (The drafting
 * form's textarea as typed is SummaryConclusionsProcess's: recommendations are drafted on their page.)
 */
@ConveneIntegrationTest
class DraftFormVariablesTests {

    static final String TYPED = "Agree <b>triggers</b> for a collective response.";

    @Autowired ProcessDriver driver;
    @Autowired Documents documents;
    @Autowired Recommendations recommendations;
    @Autowired WorkingGroupReports reports;

    @Test
    void shouldShowDraftsAndCommentsSafely() {
        String code = TestMeetings.newCode("FV");
        ProcessInstance instance = driver.start(RecommendationsProcess.ID, code, driver.registerMeeting(code));
        reports.save(code, "WG1", new ReportDraft(null, null, List.of(new ReportDraft.FindingDraft(null, 5,
                "Agree triggers in advance.", null, false))), "lena");
        recommendations.replace(code, List.of(new RecommendationDraft(null, TYPED, 3, null, List.of("WG1-F1"))), "lena");

        driver.complete(instance, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS, "lena",
                Map.of(RecommendationsProcess.RECOMMENDATIONS_READY, true));
        Documents.Version version = documents.latest(code, DocumentKind.RECOMMENDATIONS, "").orElseThrow();
        ProcessInstance signOff = driver.called(instance, SignOffProcess.ID).get(0);
        Task sofias = driver.task(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia");
        assertThat((String) driver.taskVariable(sofias, DocumentVariables.DRAFT_TEXT))
                .contains("Agree &lt;b>triggers&lt;/b> for a collective response.").doesNotContain("<b>");
        assertThat(driver.taskVariable(sofias, DocumentVariables.DOCUMENT_ID)).isEqualTo(version.documentId());
        assertThat(driver.taskVariable(sofias, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(1);

        driver.completeOwn(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia",
                ProcessDriver.decision(ReviewDecision.REJECT, "Cite the <i>finding</i>."));
        Task redraft = driver.task(instance, RecommendationsProcess.TASK_DRAFT_RECOMMENDATIONS);
        assertThat(driver.taskVariable(redraft, DocumentVariables.REVIEW_COMMENTS))
                .isEqualTo("**sofia**: Cite the &lt;i>finding&lt;/i>.");
    }
}
