package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.convene.ConveneIntegrationTest;
import org.convene.ProcessDriver;
import org.convene.TasklistBrowser;
import org.convene.TestMeetings;
import org.convene.document.DocumentKind;
import org.convene.document.Documents;
import org.convene.document.SignOffProcess;
import org.convene.document.SignOffs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A draft in a reviewer's Tasklist form, in a real Chromium: HTML typed into the draft shows as
 * text (the form gets {@code markdown.forForm} of it), its Markdown still renders, and the form
 * links to the version's page, PDF and DOCX; the page shows the same. Screenshots:
 * target/browser/draft-in-the-sign-off-form.png and document-version-page.png.
 */
@ConveneIntegrationTest
class DraftInTheFormTests {

    static final String TYPED_HTML = "<b>bold</b><img src=x onerror=alert(1)>";

    @LocalServerPort int port;
    @Autowired Documents documents;
    @Autowired ProcessDriver driver;

    @Test
    void shouldShowHtmlTypedIntoADraftAsTextInTheReviewersForm() throws Exception {
        String code = TestMeetings.newCode("XF");
        Documents.Version version = documents.saveDraft(code, DocumentKind.BACKGROUND_PAPER, "",
                "**Draft** of the paper with " + TYPED_HTML + " in it.", "lena", null);
        ProcessInstance instance = SignOffs.start(driver, code, version.id(), "ravi");
        Task task = driver.task(instance, SignOffProcess.TASK_SIGN_OFF_DRAFT, "ravi");

        try (TasklistBrowser browser = TasklistBrowser.start(port, ZoneId.of("Asia/Amman"))) {
            browser.signIn("ravi");
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            WebElement draft = browser.until(page -> page.findElements(By.cssSelector(".fjs-form-field-text")).stream()
                    .filter(text -> text.getText().contains("Draft of the paper")).findFirst().orElse(null));
            browser.screenshot("draft-in-the-sign-off-form");

            assertThat(draft.getText()).contains("Draft of the paper with " + TYPED_HTML + " in it.");
            assertThat(draft.findElements(By.tagName("strong"))).extracting(WebElement::getText).containsExactly("Draft");
            assertThat(draft.findElements(By.tagName("b"))).isEmpty();
            List<WebElement> images = browser.until(page -> page.findElements(By.cssSelector(".fjs-form img")));
            assertThat(images).isEmpty();
            String alert = browser.until(page -> {
                try {
                    page.switchTo().alert();
                    return "an alert";
                } catch (NoAlertPresentException none) {
                    return "no alert";
                }
            });
            assertThat(alert).isEqualTo("no alert");

            String page = "/documents/" + version.documentId() + "/versions/" + version.version();
            assertThat(browser.until(p -> p.findElement(By.linkText("PDF"))).getDomAttribute("href")).isEqualTo(page + ".pdf");
            assertThat(browser.until(p -> p.findElement(By.linkText("its page"))).getDomAttribute("href")).isEqualTo(page);

            browser.open(page);
            WebElement text = browser.until(p -> p.findElement(By.id("text")));
            browser.screenshot("document-version-page");
            assertThat(text.getText()).isEqualTo("Draft of the paper with " + TYPED_HTML + " in it.");
            assertThat(text.findElements(By.tagName("img"))).isEmpty();
        }
        assertThat(Files.exists(TasklistBrowser.SCREENSHOTS.resolve("draft-in-the-sign-off-form.png"))).isTrue();
    }
}
