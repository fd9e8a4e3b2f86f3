package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.convene.workflow.ProcessVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The list of meetings and a meeting's page, called as people call them: signed into Tasklist. */
@ConveneIntegrationTest
class MeetingPagesTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ProcessDriver driver;

    String code;

    @BeforeEach
    void registerMeeting() {
        code = TestMeetings.newCode("PG");
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
    }

    @Test
    void shouldSendAnAnonymousVisitorToTheTasklistLogin() {
        HttpResponse<String> page = BrowserSession.anonymous(port).get("/meetings/" + code);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString()
                .endsWith("/camunda/app/tasklist/default/#/login");
    }

    @Test
    void shouldListTheMeetingsWithLinksToTheirPages() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "lena").get("/meetings");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/meetings/" + code + "\"", "Expert meeting on burden sharing",
                "Amman, Jordan", "8–9 February 2027", "Signed in as", "Lena Haddad", "/camunda/app/tasklist/");
    }

    @Test
    void shouldShowTheLatestConceptNoteWithTheReviewsOfEveryVersion() {
        ProcessInstance instance = driver.start(ConceptNoteApprovalProcess.ID, code,
                ConceptNoteApprovalProcessTests.phaseVariables(code));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE, "lena",
                ConceptNoteDrafts.submission("First draft."));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVIEW_CONCEPT_NOTE, "grace",
                Map.of(ProcessVariables.DECISION, "return", ProcessVariables.COMMENTS, "Name the host ministry."));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_REVISE_CONCEPT_NOTE, "omar",
                ConceptNoteDrafts.submission("Second draft, naming the Ministry of Interior."));

        HttpResponse<String> page = BrowserSession.signedIn(port, "ravi").get("/meetings/" + code);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Version <span>2</span>, by <span>omar</span>", "Second draft, naming the Ministry of Interior.")
                .contains("Identify common elements", "UNHCR, Division of International Protection", "25",
                        "Senior government representatives, International organizations, Academics and independent experts",
                        "A background paper will be made available.")
                .doesNotContain("First draft.")
                .contains("Returned", "Name the host ministry.", "grace")
                .contains("href=\"/meetings/" + code + "/agenda\"")
                .as("the participant list is kept from reviewers (SignedInUser.readsParticipants)")
                .doesNotContain("href=\"/meetings/" + code + "/participants\"");
    }

    @Test
    void shouldAnswerAnUnknownCodeWith404AndAClearMessage() {
        HttpResponse<String> page = BrowserSession.signedIn(port, "grace").get("/meetings/NO-SUCH-MEETING");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no meeting with the code NO-SUCH-MEETING", "Grace Novak");

        HttpResponse<String> noPage = BrowserSession.signedIn(port, "grace").get("/meetings/" + code + "/no-such-page");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(noPage.body()).contains("Not found", "There is no page at this address.");
    }

    @Test
    void shouldRefuseTheMeetingPagesToAUserInNoGroup() {
        // Tasklist refuses guest's login (no application grant); the welcome page takes it
        BrowserSession guest = BrowserSession.signedIn(port, "guest", "welcome");

        for (String path : List.of("/meetings", "/meetings/" + code, "/meetings/" + code + "/agenda",
                "/meetings/" + code + "/participants")) {
            HttpResponse<String> page = guest.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("Not allowed").doesNotContain("Expert meeting on burden sharing");
        }
    }
}
