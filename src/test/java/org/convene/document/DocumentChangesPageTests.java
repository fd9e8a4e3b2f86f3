package org.convene.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConveneIntegrationTest;
import org.convene.ExpertMeetings;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What changed in a document, at {@code /documents/{id}/versions/{n}/changes}, as people call it:
 * signed into Tasklist. Three versions of a background paper; ravi rejected the first (sofia's task
 * ended with his rejection, so she never decided on it); the third goes to ravi and sofia.
 */
@ConveneIntegrationTest
class DocumentChangesPageTests {

    static final String FIRST = "## Background paper\n\nStates share the burden of hosting refugees.\n\n"
            + "The 1979 arrangement is one example.\n\nQuestions remain.";
    static final String SECOND = "## Background paper\n\nStates share the responsibility of hosting refugees.\n\n"
            + "The 1979 arrangement is one example.\n\nQuestions remain.";
    static final String THIRD = "## Background paper\n\nStates share the responsibility of hosting refugees.\n\n"
            + "Questions remain.\n\n<img src=x onerror=alert(1)> is shown as text.";

    @LocalServerPort int port;
    @Autowired ProcessDriver driver;
    @Autowired Documents documents;

    String code;
    long documentId;
    ProcessInstance thirdSignOff;

    @BeforeEach
    void draftThreeVersions() {
        code = TestMeetings.newCode("DC");
        Documents.Version first = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", FIRST, "omar", null);
        documentId = first.documentId();
        ProcessInstance signOff = signOff(first.id());
        driver.completeOwn(signOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "ravi",
                ProcessDriver.decision(ReviewDecision.REJECT, "Cite the Amman meeting."));
        documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", SECOND, "omar", null);
        thirdSignOff = signOff(documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "", THIRD, "omar", null).id());
    }

    @Test
    void shouldGiveTheSignOffTaskTheDocumentAndVersionItsFormLinksTo() {
        var task = driver.task(thirdSignOff, SignOffProcess.TASK_SIGN_OFF_DRAFT, "sofia");

        assertThat(driver.taskVariable(task, DocumentVariables.DOCUMENT_ID)).isEqualTo(documentId);
        assertThat(driver.taskVariable(task, DocumentVariables.DOCUMENT_VERSION)).isEqualTo(3);
    }

    @Test
    void shouldShowTheChangesSinceTheVersionTheReviewerLastDecidedOnElseThePreviousOne() {
        String ravi = page("ravi", 3, "").body();
        assertThat(ravi).contains("Changes from version 1 to version 3", "<del>burden</del><ins>responsibility</ins>",
                "<del>The 1979 arrangement is one example.</del>");
        String sofia = page("sofia", 3, "").body();
        assertThat(sofia).contains("Changes from version 2 to version 3")
                .doesNotContain("<del>burden</del>").contains("<del>The 1979 arrangement is one example.</del>");
        assertThat(page("ravi", 3, "?from=2").body()).contains("Changes from version 2 to version 3");
        assertThat(page("lena", 2, "").body()).contains("Changes from version 1 to version 2",
                "<del>burden</del><ins>responsibility</ins>", "2 paragraphs unchanged");
        assertThat(page("lena", 1, "").body()).contains("This is the first version");
    }

    @Test
    void shouldShowHtmlOfTheDraftAsText() {
        String body = page("lena", 3, "?from=2").body();

        assertThat(body).contains("<ins>&lt;img src=x onerror=alert(1)&gt; is shown as text.</ins>")
                .doesNotContain("<img src=x", "onerror=alert(1)>");
    }

    @Test
    void shouldLetStaffManagersAdministratorsAndTheDocumentsReviewersReadItAndNoOneElse() {
        assertThat(page("lena", 3, "").statusCode()).isEqualTo(200);
        assertThat(page("grace", 3, "").statusCode()).isEqualTo(200);
        assertThat(page("demo", 3, "").statusCode()).isEqualTo(200);
        assertThat(page("ravi", 3, "").statusCode()).as("asked to sign off").isEqualTo(200);
        assertThat(page("sofia", 3, "").statusCode()).as("asked to sign off").isEqualTo(200);
        assertThat(page("kenji", 3, "").statusCode()).as("a reviewer not asked for this document").isEqualTo(403);
        assertThat(BrowserSession.signedIn(port, "guest", "welcome")
                .get("/documents/" + documentId + "/versions/3/changes").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswer404ForAnUnknownDocumentOrVersionAnd400ForWhatIsNoNumber() {
        assertThat(page("lena", 4, "").statusCode()).isEqualTo(404);
        assertThat(page("lena", 3, "?from=4").statusCode()).isEqualTo(404);
        assertThat(page("lena", 3, "?from=0").body()).contains("there is no version 0");
        assertThat(BrowserSession.signedIn(port, "lena").get("/documents/999999999/versions/1/changes").statusCode())
                .isEqualTo(404);
        HttpResponse<String> words = page("lena", 3, "?from=first");
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("&#39;from&#39; must be a whole number, not &#39;first&#39;");
        assertThat(BrowserSession.signedIn(port, "lena").get("/documents/paper/versions/1/changes").statusCode())
                .isEqualTo(400);
    }

    private ProcessInstance signOff(long versionId) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                ProcessVariables.MEETING_CODE, code,
                ProcessVariables.MEETING_TITLE, ExpertMeetings.TITLE,
                ProcessVariables.MEETING_PLACE, ExpertMeetings.PLACE,
                ProcessVariables.MEETING_DATES, "8–9 February 2027",
                DocumentVariables.DOCUMENT_VERSION_ID, versionId,
                SignOffProcess.REVIEWER_GROUP, ConveneGroups.REVIEWERS,
                SignOffProcess.REVIEWER_IDS, "ravi,sofia",
                SignOffProcess.SIGN_OFF_POLICY, SignOffPolicy.ALL.toString()));
        return driver.start(SignOffProcess.ID, code, variables);
    }

    private HttpResponse<String> page(String user, int version, String query) {
        return BrowserSession.signedIn(port, user).get("/documents/" + documentId + "/versions/" + version + "/changes"
                + query);
    }
}
