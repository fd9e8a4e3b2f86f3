package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.document.VersionChanges;
import org.convene.identity.ConveneGroups;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What changed in the concept note, per section, and its page: three versions, the first returned
 * by grace, the second by nadia (a second manager, there for the test); each sees the changes since
 * the version they reviewed.
 */
@ConveneIntegrationTest
class ConceptNoteChangesTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ProcessDriver driver;
    @Autowired ConceptNoteChanges changes;
    @Autowired IdentityService identityService;

    String code;

    @BeforeEach
    void draftThreeVersions() {
        User nadia = identityService.newUser("nadia");
        nadia.setFirstName("Nadia");
        nadia.setLastName("Tester");
        nadia.setPassword("nadia");
        identityService.saveUser(nadia);
        identityService.createMembership("nadia", ConveneGroups.MANAGERS);
        code = TestMeetings.newCode("CNC");
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
        ProcessInstance instance = driver.start(ConceptNoteApprovalProcess.ID, code,
                ConceptNoteApprovalProcessTests.phaseVariables(code));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE, "lena",
                ConceptNoteDrafts.submission("States share the burden.\n\nThe 1979 arrangement is one example."));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE, "grace",
                Map.of(ProcessVariables.DECISION, "return", ProcessVariables.COMMENTS, "Say more."));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVISE_CONCEPT_NOTE, "omar",
                ConceptNoteDrafts.submission("States share the responsibility.\n\nThe 1979 arrangement is one example."));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE, "nadia",
                Map.of(ProcessVariables.DECISION, "return", ProcessVariables.COMMENTS, "And the seats."));
        Map<String, Object> third = ConceptNoteDrafts.submission(
                "States share the responsibility.\n\nThe 1979 arrangement is one example.\n\n<script>alert('x')</script> <b>bold?</b>");
        third.put(ConceptNoteApprovalProcess.PARTICIPANTS_TARGET, 30);
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVISE_CONCEPT_NOTE, "omar", third);
    }

    @AfterEach
    void removeTheSecondManager() {
        identityService.deleteUser("nadia");
    }

    @Test
    void shouldCompareTheNoteSectionBySection() {
        ConceptNoteChanges.Comparison comparison = changes.compare(code, 1, 3);

        assertThat(comparison.sections()).extracting(ConceptNoteChanges.Section::title, ConceptNoteChanges.Section::changed)
                .containsExactly(tuple("1. Background", true), tuple("2. Objectives of the Expert Meeting", false),
                        tuple("3. Convener", false), tuple("4. Suggested Participants", true),
                        tuple("Seats per participant category", false), tuple("5. Timing and Location", false),
                        tuple("6. Documentation", false));
        assertThat(comparison.sections().get(0).paragraphs()).extracting(VersionChanges.Paragraph::change)
                .containsExactly(VersionChanges.Change.CHANGED, VersionChanges.Change.UNCHANGED,
                        VersionChanges.Change.INSERTED);
        assertThat(comparison.sections().get(0).paragraphs().get(0).spans()).contains(
                new VersionChanges.Span(VersionChanges.SpanKind.DELETED, "burden"),
                new VersionChanges.Span(VersionChanges.SpanKind.INSERTED, "responsibility"));
        assertThat(comparison.sections().get(3).paragraphs().get(0).spans()).contains(
                new VersionChanges.Span(VersionChanges.SpanKind.DELETED, "25"),
                new VersionChanges.Span(VersionChanges.SpanKind.INSERTED, "30"));
        assertThat(changes.compare(code, 2, 3).sections().get(0).paragraphs()).extracting(VersionChanges.Paragraph::change)
                .containsExactly(VersionChanges.Change.UNCHANGED, VersionChanges.Change.UNCHANGED,
                        VersionChanges.Change.INSERTED);
    }

    @Test
    void shouldCompareFromTheVersionEachManagerLastReviewedElseThePreviousOne() {
        assertThat(changes.defaultFrom(code, 3, "grace")).isEqualTo(1);
        assertThat(changes.defaultFrom(code, 3, "nadia")).isEqualTo(2);
        assertThat(changes.defaultFrom(code, 3, "lena")).as("never reviewed it").isEqualTo(2);
        assertThat(changes.defaultFrom(code, 1, "grace")).as("the first version").isZero();

        assertThat(page("grace", "").body()).contains("Changes from version 1 to version 3", "burden</del>",
                "responsibility</ins>");
        assertThat(page("nadia", "").body()).contains("Changes from version 2 to version 3")
                .doesNotContain("burden</del>");
        assertThat(page("grace", "?from=2").body()).contains("Changes from version 2 to version 3");
    }

    @Test
    void shouldShowHtmlOfTheDraftAsTextWithInsertionsAndDeletionsMarked() {
        String body = page("grace", "?from=1").body();

        assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt;")
                .doesNotContain("<script>alert", "<b>bold?</b>")
                .contains("<del>25</del><ins>30</ins>", "How to read it", "1 paragraph unchanged", "<details");
    }

    @Test
    void shouldLetStaffManagersAndAdministratorsReadItAndNoOneElse() {
        assertThat(page("lena", "").statusCode()).isEqualTo(200);
        assertThat(page("grace", "").statusCode()).isEqualTo(200);
        assertThat(page("demo", "").statusCode()).as("an administrator").isEqualTo(200);
        assertThat(page("ravi", "").statusCode()).as("a reviewer").isEqualTo(403);
        String link = "href=\"/meetings/" + code + "/concept-note/changes\"";
        assertThat(BrowserSession.signedIn(port, "grace").get("/meetings/" + code).body()).contains(link);
        assertThat(BrowserSession.signedIn(port, "ravi").get("/meetings/" + code).body()).doesNotContain(link);
        assertThat(BrowserSession.signedIn(port, "guest", "welcome").get("/meetings/" + code + "/concept-note/changes")
                .statusCode()).as("in no group").isEqualTo(403);
    }

    @Test
    void shouldAnswer404ForAnUnknownMeetingOrVersionAnd400ForAFromThatIsNoNumber() {
        assertThat(page("grace", "?from=4").statusCode()).isEqualTo(404);
        assertThat(page("grace", "?from=4").body()).contains("there is no version 4");
        assertThat(page("grace", "?from=0").statusCode()).isEqualTo(404);
        assertThat(BrowserSession.signedIn(port, "grace").get("/meetings/NO-SUCH-MEETING/concept-note/changes")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> words = page("grace", "?from=two");
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("&#39;from&#39; must be a whole number, not &#39;two&#39;");
    }

    private HttpResponse<String> page(String user, String query) {
        return BrowserSession.signedIn(port, user).get("/meetings/" + code + "/concept-note/changes" + query);
    }
}
