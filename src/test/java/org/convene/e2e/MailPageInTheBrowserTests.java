package org.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.convene.ConveneIntegrationTest;
import org.convene.Invitees;
import org.convene.Mailbox;
import org.convene.ProcessDriver;
import org.convene.TasklistBrowser;
import org.convene.invitation.Invitations;
import org.convene.invitation.Participants;
import org.convene.mail.MailAddress;
import org.convene.mail.MailStatus;
import org.convene.mail.Mails;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.convene.mail.StoredMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail page as staff see it in a real Chromium, signed in once on Tasklist: the invitation as
 * the invitee sees it (its HTML in the sandboxed frame, whose reply link opens in a new tab), and
 * "Resend" of a mail whose delivery was uncertain.
 */
@ConveneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailPageInTheBrowserTests {

    @LocalServerPort int port;
    @Autowired ProcessDriver process;
    @Autowired Participants participants;
    @Autowired Invitations invitations;
    @Autowired Outbox outbox;
    @Autowired Mails mails;
    @Autowired Mailbox mailbox;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    TasklistBrowser browser;

    @BeforeAll
    void openTasklist() {
        browser = TasklistBrowser.start(port, ZoneId.of("Asia/Amman"));
        browser.signIn("lena");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowTheInvitationAsTheInviteeSeesItWithItsReplyLinkWorking() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(process, participants, "MB");
        invitations.send(meeting.code(), meeting.amira(), "no-process");
        mailbox.deliver(meeting.code());
        StoredMail invitation = mails.of(meeting.code()).get(0);

        browser.open("/meetings/" + meeting.code() + "/mails");
        browser.until(page -> page.getPageSource().contains(invitation.subject()));
        browser.until(page -> page.findElement(By.linkText(invitation.subject()))).click();

        WebElement frame = browser.until(page -> page.findElement(By.cssSelector("iframe.mail-html")));
        List<String> tabs = new ArrayList<>(browser.until(page -> page.getWindowHandles()));
        browser.until(page -> page.switchTo().frame(frame));
        WebElement accept = browser.until(page -> page.findElement(By.linkText("I will attend")));
        assertThat(accept.getAttribute("href")).contains("/links/").endsWith("?reply=accept");
        accept.click();
        browser.until(page -> page.switchTo().defaultContent());
        Path shot = browser.screenshot("mail-page-invitation");
        // the link left the sandbox in a tab of its own, on the invitee's reply page
        List<String> after = new ArrayList<>(browser.until(page -> page.getWindowHandles().size() == tabs.size() + 1
                ? page.getWindowHandles() : null));
        after.removeAll(tabs);
        browser.until(page -> page.switchTo().window(after.get(0)));
        String opened = browser.until(page -> page.getCurrentUrl().contains("/links/") ? page.getCurrentUrl() : null);
        assertThat(opened).as("(%s)", shot).endsWith("?reply=accept");
        browser.until(page -> {
            page.close();
            return page.switchTo().window(tabs.get(0));
        });
    }

    @Test
    void shouldResendAMailWhoseDeliveryWasUncertainOnce() {
        Invitees.Meeting meeting = Invitees.registerWithAmiraAndGrace(process, participants, "MB");
        transaction.executeWithoutResult(status -> outbox.enqueue(OutgoingMail.plain("reminder-1", meeting.code(),
                new MailAddress("amira@gov.example", "Amira Khalil"), "Reminder: Expert meeting", "Dear Ms Khalil,")));
        long id = mails.of(meeting.code()).get(0).id();
        jdbc.sql("update cv_outbox_mail set status = 'SENDING', claimed_by = 'node-1', attempts = 1 where id = ?")
                .param(id).update();
        mailbox.deliver(meeting.code());

        browser.open("/meetings/" + meeting.code() + "/mails/" + id);
        browser.until(page -> page.getPageSource().contains("Delivery uncertain: resend or mark as sent"));
        browser.until(page -> page.findElement(By.xpath("//button[text()='Resend']"))).click();
        browser.until(page -> page.getPageSource().contains("Sent again"));
        Path shot = browser.screenshot("mail-page-resent");

        assertThat(mailbox.deliver(meeting.code())).as("(%s)", shot).isEqualTo(1);
        assertThat(mails.of(meeting.code())).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.SENT));
        assertThat(mailbox.received(meeting.code())).hasSize(1);
    }
}
