package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.convene.meeting.MeetingPhase;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default as README runs it: no profile, H2 file database, demo users and the
 * demo meeting (its SMTP server on a free port). Runs in its own JVM (failsafe), so its engine never meets the PostgreSQL one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the embedded SMTP server on a free port (FreeSmtpPort), not the default's 3025
        properties = "spring.mail.port=0")
class EmbeddedDefaultIT {

    static {
        deleteDataDirectory();
    }

    @Autowired TestRestTemplate rest;
    @Autowired Meetings meetings;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail smtp;
    @LocalServerPort int port;

    @Test
    void shouldStartOnH2WithTheDemoMeetingWaitingForItsConceptNote() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:");
        }
        List<Meeting> all = meetings.all();
        assertThat(all).extracting(Meeting::code).hasSize(4)
                .anyMatch(c -> c.endsWith("-NAIROBI")).anyMatch(c -> c.endsWith("-BANGKOK")).anyMatch(c -> c.endsWith("-GENEVA"));
        Meeting demo = all.stream().filter(m -> m.code().endsWith("-AMMAN")).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Amman"));
        assertThat(demo.firstDay().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ChronoUnit.DAYS.between(today, demo.firstDay())).isBetween(70L, 76L);
        assertThat(demo.code()).isEqualTo("EM-" + demo.firstDay().getYear() + "-AMMAN");
        assertThat(demo.title()).isEqualTo("Expert Meeting on International Cooperation to Share Burden and Responsibilities");

        List<Map<String, Object>> tasks = rest.withBasicAuth("lena", "lena").exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + demo.code(), HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(tasks).extracting(t -> t.get("name")).containsExactly("Draft concept note");

        Map<String, Map<String, Object>> variables = rest.withBasicAuth("lena", "lena").exchange(
                "/engine-rest/task/" + tasks.get(0).get("id") + "/form-variables", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { }).getBody();
        assertThat((String) variables.get("background").get("value"))
                .startsWith("The international refugee regime is predicated on cooperation between States.");

        assertThat(openTasks(all, "-NAIROBI")).as("mid-invitations: one decline asks for a replacement, the "
                + "waiting invitations give no task").contains("Invite replacement").doesNotContain("Record reply");
        String nairobi = all.stream().map(Meeting::code).filter(c -> c.endsWith("-NAIROBI")).findFirst().orElseThrow();
        assertThat(jdbc.sql("select status from cv_invitation where meeting_code = ? order by status").param(nairobi)
                .query(String.class).list()).containsExactly("ACCEPTED", "DECLINED", "SENT", "SENT");
        assertThat(openTasks(all, "-BANGKOK")).containsExactly("Draft summary conclusions");
        String geneva = codeEndingIn(all, "-GENEVA");
        assertThat(openTasks(all, "-GENEVA")).as("completed").isEmpty();
        assertThat(jdbc.sql("select published_at from cv_document where meeting_code = ? and kind = 'COMMON_FRAMEWORK'")
                .param(geneva).query(java.time.OffsetDateTime.class).single()).as("its framework published").isNotNull();
        assertThat(jdbc.sql("select count(*) from cv_framework_element where meeting_code = ?").param(geneva)
                .query(Integer.class).single()).isGreaterThanOrEqualTo(30);

        assertThat(rest.withBasicAuth("guest", "guest").exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + demo.code(), HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody()).isEmpty();
        assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
        assertThat(jdbc.sql("select count(*) from cv_participant where meeting_code = ?").param(demo.code())
                .query(Integer.class).single()).isEqualTo(13);
        shouldDeliverTheDemoMailsToTheEmbeddedSmtpServer(all);
    }

    /**
     * Every page of the demo meetings answers, as each group's demo user reads them: starting at
     * {@code /meetings}, every link to a page, export or JSON of the app is followed once (at most 600
     * addresses per user) and none may answer 5xx — the demo data carries what the tests' own meetings
     * may not (reports presented with arrangements cited, a mid-invitations meeting, a concept note).
     */
    @Test
    void shouldAnswerEveryLinkOfTheDemoMeetingsWithoutAServerError() {
        for (String user : List.of("lena", "grace", "ravi")) {
            BrowserSession browser = BrowserSession.signedIn(port, user);
            Set<String> seen = new LinkedHashSet<>(List.of("/meetings"));
            Deque<String> next = new ArrayDeque<>(seen);
            Map<String, Integer> failed = new LinkedHashMap<>();
            Pattern link = Pattern.compile("href=\"(/(?:meetings|documents|api)/[^\"#]*)");
            while (!next.isEmpty() && seen.size() < 600) {
                String path = next.poll();
                HttpResponse<byte[]> answer = browser.download(path.replace("&amp;", "&"));
                if (answer.statusCode() >= 500) {
                    failed.put(path, answer.statusCode());
                }
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (type.startsWith("text/html")) {
                    Matcher m = link.matcher(new String(answer.body(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        if (seen.add(m.group(1))) {
                            next.add(m.group(1));
                        }
                    }
                }
            }
            System.out.printf("%s followed %d addresses of the demo meetings%n", user, seen.size());
            assertThat(seen).as("%s followed the demo meetings' pages", user).hasSizeGreaterThan(30);
            assertThat(failed).as("addresses %s got a server error on", user).isEmpty();
        }
    }

    /**
     * Tried as a new manager would: grace signs into Cockpit, sees the Meetings dashboard with the three
     * demo meetings — their phases and the mid-invitations meeting's replies — and opens that meeting's
     * process instance from its row. Screenshots: target/browser/cockpit-meetings-dashboard.png and
     * cockpit-meeting-instance.png.
     */
    @Test
    void shouldShowAManagerTheDemoMeetingsOnCockpitsDashboard() {
        List<Meeting> all = meetings.all();
        String amman = codeEndingIn(all, "-AMMAN");
        String nairobi = codeEndingIn(all, "-NAIROBI");
        String bangkok = codeEndingIn(all, "-BANGKOK");
        try (TasklistBrowser browser = TasklistBrowser.start(port, ZoneId.of("Asia/Amman"))) {
            browser.signIntoCockpit("grace");
            Map<String, Map<String, String>> rows;
            try {
                rows = browser.until(page -> dashboard(page, List.of(amman, nairobi, bangkok)));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("cockpit-meetings-dashboard-missing");
                throw e;
            }
            assertThat(rows.get(amman)).containsEntry("phase", "Concept note")
                    .as("the seeded concept note waits for staff, not for a review").containsEntry("drafts", "0");
            assertThat(rows.get(nairobi)).containsEntry("phase", "Preparation")
                    .as("invited / accepted / declined / pending").containsEntry("invitations", "4 / 1 / 1 / 2");
            assertThat(rows.get(bangkok)).containsEntry("phase", "Summary conclusions");
            assertThat(rows.get(amman).get("days")).matches("in \\d+ days");
            assertThat(browser.all(By.tagName("body")).get(0).findElements(By.cssSelector(".ce-eol-banner")))
                    .as("no end-of-life banner (Tasklist's styles, imported)").noneMatch(WebElement::isDisplayed);
            browser.screenshot("cockpit-meetings-dashboard");

            browser.click(By.cssSelector("#convene-meetings tr[data-code='" + nairobi + "'] a.convene-meeting-link"));
            browser.until(page -> page.getCurrentUrl().contains("#/process-instance/"));
            // Cockpit's instance view names the instance's definition and business key, and its variables say
            // the meeting's title and phase
            browser.until(page -> page.getPageSource().contains(nairobi) && page.getPageSource().contains("Expert meeting"));
            assertThat(browser.currentUrl()).contains("/runtime");
            browser.until(page -> page.getPageSource().contains(MeetingPhase.VARIABLE)
                    && page.getPageSource().contains("Expert Meeting on Protracted Refugee Situations"));
            browser.screenshot("cockpit-meeting-instance");
        }
    }

    /**
     * Tried as staff would: lena signs into Tasklist and finds her lists — her groups' tasks, her own,
     * overdue, due this week, one per demo meeting — each task naming its meeting's title and code (and
     * its document), and neither a "Create task" button nor the end-of-life banner. Screenshot:
     * target/browser/tasklist-lists.png.
     */
    @Test
    void shouldShowStaffTheirListsWithEachTasksMeetingInTasklist() {
        List<Meeting> all = meetings.all();
        String bangkok = codeEndingIn(all, "-BANGKOK");
        try (TasklistBrowser browser = TasklistBrowser.start(port, ZoneId.of("Asia/Amman"))) {
            browser.signIn("lena");
            List<String> lists = browser.until(page -> {
                List<String> names = page.findElements(By.cssSelector("[ng-repeat^='(delta, filter) in filters']")).stream()
                        .map(e -> e.getText().strip()).toList();
                return names.size() >= 7 ? names : null;
            });
            assertThat(lists).anyMatch(l -> l.startsWith("My groups' tasks")).anyMatch(l -> l.startsWith("My tasks"))
                    .anyMatch(l -> l.startsWith("Overdue")).anyMatch(l -> l.startsWith("Due this week"));
            for (Meeting meeting : all) {
                if (!meeting.code().endsWith("-GENEVA")) { // completed: no task, its list removed when it ended
                    assertThat(lists).as("a list for %s", meeting.code()).anyMatch(l -> l.startsWith(meeting.code() + " · "));
                }
            }
            // the first list, My groups' tasks: each task with its meeting's code and title (shortened on screen;
            // the document's title is behind the card's chevron)
            browser.until(page -> page.getPageSource().contains(bangkok)
                    && page.getPageSource().contains("Expert Meeting on Refugee Protection and Mixed Movements"));
            assertThat(browser.all(By.tagName("body")).get(0).findElements(By.cssSelector(".create-task-action")))
                    .as("no Create task").noneMatch(WebElement::isDisplayed);
            assertThat(browser.all(By.tagName("body")).get(0).findElements(By.cssSelector(".ce-eol-banner")))
                    .as("no end-of-life banner").noneMatch(WebElement::isDisplayed);
            browser.screenshot("tasklist-lists");
        }
    }

    private static String codeEndingIn(List<Meeting> all, String suffix) {
        return all.stream().map(Meeting::code).filter(c -> c.endsWith(suffix)).findFirst().orElseThrow();
    }

    /**
     * The dashboard's rows by meeting code (each cell's text by its column: phase, days, invitations, drafts,
     * overdue, incidents), once it lists every code; null while it does not (or Cockpit draws it again).
     */
    private static Map<String, Map<String, String>> dashboard(WebDriver page, List<String> codes) {
        try {
            Map<String, Map<String, String>> rows = new java.util.HashMap<>();
            for (WebElement row : page.findElements(By.cssSelector("#convene-meetings tbody tr"))) {
                Map<String, String> cells = new java.util.HashMap<>();
                for (String column : List.of("phase", "days", "invitations", "drafts", "overdue", "incidents")) {
                    cells.put(column, row.findElement(By.className("convene-" + column)).getText().strip());
                }
                rows.put(row.getDomAttribute("data-code"), cells);
            }
            return rows.keySet().containsAll(codes) ? rows : null;
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    /** The job executor hands the mid-invitations meeting's mails to the embedded GreenMail once the seeding committed. */
    private void shouldDeliverTheDemoMailsToTheEmbeddedSmtpServer(List<Meeting> all) throws InterruptedException {
        String nairobi = all.stream().map(Meeting::code).filter(c -> c.endsWith("-NAIROBI")).findFirst().orElseThrow();
        int written = jdbc.sql("select count(*) from cv_outbox_mail where meeting_code = ?").param(nairobi)
                .query(Integer.class).single();
        assertThat(written).as("invitations written for " + nairobi).isPositive();
        // the job executor works on its own threads: wait for it (a limit, not a timing assertion)
        for (int i = 0; i < 600 && jdbc.sql("select count(*) from cv_outbox_mail where meeting_code = ? and status = 'SENT'")
                .param(nairobi).query(Integer.class).single() < written; i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select status from cv_outbox_mail where meeting_code = ?").param(nairobi)
                .query(String.class).list()).containsOnly("SENT");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mailbox.messageId(m).endsWith("." + nairobi + "@convene>")))
                .hasSize(written);
    }

    private List<Object> openTasks(List<Meeting> all, String suffix) {
        String code = all.stream().map(Meeting::code).filter(c -> c.endsWith(suffix)).findFirst().orElseThrow();
        return rest.withBasicAuth("demo", "demo").exchange("/engine-rest/task?processInstanceBusinessKey=" + code,
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody()
                .stream().map(t -> t.get("name")).distinct().toList();
    }

    private static void deleteDataDirectory() {
        Path dir = Path.of(System.getProperty("CONVENE_DATA_DIR", "target/it-data"));
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
