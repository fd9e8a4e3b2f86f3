package org.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.BrowserSession;
import org.convene.ConceptNoteDrafts;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TestMeetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The meeting's page shows the concept note's sections rendered from their Markdown, HTML typed into them as text. */
@ConveneIntegrationTest
class ConceptNotePageTests {

    @LocalServerPort int port;
    @Autowired Meetings meetings;
    @Autowired ProcessDriver driver;

    @Test
    void shouldRenderTheSectionsAndShowTypedHtmlAsText() {
        String code = TestMeetings.newCode("CN");
        meetings.register(new Meeting(code, "Expert meeting on burden sharing", "Amman, Jordan",
                ZoneId.of("Asia/Amman"), LocalDate.of(2027, 2, 8), 2), null, "lena");
        ProcessInstance instance = driver.start(ConceptNoteApprovalProcess.ID, code,
                ConceptNoteApprovalProcessTests.phaseVariables(code));
        driver.complete(instance, ConceptNoteApprovalProcess.TASK_DRAFT_CONCEPT_NOTE, "lena", ConceptNoteDrafts.submission(
                "The *Executive Committee* met on 27<sup>th</sup> June.\n\n- burden sharing\n- responsibility sharing\n\n"
                        + "<script>alert(1)</script>"));

        HttpResponse<String> page = BrowserSession.signedIn(port, "grace").get("/meetings/" + code);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<p>The <em>Executive Committee</em> met on 27&lt;sup&gt;th&lt;/sup&gt; June.</p>",
                        "<li>burden sharing</li>", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<sup>", "*Executive Committee*", "<script>alert")
                .contains("<p>UNHCR, Division of International Protection</p>", "href=\"/meetings/" + code + "/documents\"");
    }
}
