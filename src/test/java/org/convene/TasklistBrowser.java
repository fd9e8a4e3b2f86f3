package org.convene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on Tasklist: Debian's {@code chromium} driven by its {@code chromedriver}
 * (headless), running in the time zone the test names (the {@code TZ} of the browser's
 * processes), so that what a person west or east of UTC sees is what the test sees. Form
 * fields are found by their form-js key (the forms' ids are {@code Field_<key>}).
 * Screenshots go to {@code target/browser/}.
 */
public final class TasklistBrowser implements AutoCloseable {

    /** Debian's packages {@code chromium} and {@code chromium-driver} (.ci/run installs them). */
    public static final Path CHROMIUM = Path.of(System.getProperty("convene.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("convene.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "browser");

    /** Selenium warns on every start that it has no CDP classes for this Chromium: CDP is not used here. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    private TasklistBrowser(ChromeDriver driver, int port) {
        this.driver = driver;
        // generous: the first Tasklist page after start compiles its forms slowly on a busy 2-core machine
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        this.base = "http://localhost:" + port;
    }

    /** Starts a headless Chromium whose clock reads in {@code zone}. */
    public static TasklistBrowser start(int port, ZoneId zone) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (as .ci/run does)");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", zone.getId()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,1200", "--lang=en-US");
        return new TasklistBrowser(new ChromeDriver(service, options), port);
    }

    /** The browser's own time zone, as its JavaScript reports it. */
    public String timeZone() {
        return (String) script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    }

    /**
     * Signs in on Tasklist's login page (password = user id). The first Tasklist after the app's
     * start loads its scripts cold, and what is typed before they bind the fields can be lost (the
     * form then submits nothing and stays): the login is typed again, up to three times, each
     * failed attempt's page kept as a screenshot (target/browser/login-attempt-N.png).
     */
    public void signIn(String user) {
        By started = By.cssSelector(".start-process-action a");
        signInto("tasklist", user, 3, page -> !page.findElements(started).isEmpty(), "login-attempt-");
    }

    /**
     * Signs in on Cockpit's login page (password = user id) and waits for its dashboard. A first
     * attempt whose typing the cold page lost is repeated once, its page kept as a screenshot
     * (target/browser/cockpit-login-attempt-1.png).
     */
    public void signIntoCockpit(String user) {
        signInto("cockpit", user, 2, page -> page.getCurrentUrl().contains("#/dashboard")
                && page.findElements(By.cssSelector("input[ng-model=username]")).stream().noneMatch(WebElement::isDisplayed),
                "cockpit-login-attempt-");
    }

    /** Types the login of a webapp until {@code signedIn} holds: the last of {@code attempts} waits the full time. */
    private void signInto(String app, String user, int attempts, Function<WebDriver, Boolean> signedIn, String screenshots) {
        for (int attempt = 1; ; attempt++) {
            driver.get(base + "/camunda/app/" + app + "/default/#/login");
            WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
            name.clear();
            name.sendKeys(user);
            WebElement password = driver.findElement(By.cssSelector("input[ng-model=password]"));
            password.clear();
            password.sendKeys(user);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            if (attempt == attempts) {
                wait.until(signedIn);
                return;
            }
            if (within(Duration.ofSeconds(60), signedIn)) {
                return;
            }
            screenshot(screenshots + attempt);
        }
    }

    /** The elements the page shows for the selector, once at least one is there. */
    public java.util.List<WebElement> all(By selector) {
        wait.until(ExpectedConditions.presenceOfElementLocated(selector));
        return driver.findElements(selector);
    }

    /** The address the browser shows. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Opens a page of the app (a path such as {@code /meetings/EM-2027-AMMAN/mails}) in the signed-in session. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** Opens a task in Tasklist and claims it, as a person does before filling its form. */
    public void openAndClaim(String taskId) {
        driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }

    /** Opens a task in Tasklist without claiming it. */
    public void openTask(String taskId) {
        driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task]")));
    }

    /** Clicks an element once it is clickable. */
    public void click(By element) {
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** The text the page shows (its body's innerText). */
    public String text() {
        return (String) script("return document.body.innerText");
    }

    /** The page's HTML as the browser has it now. */
    public String html() {
        return driver.getPageSource();
    }

    /** Opens Tasklist's "Start process" dialog on the start form of the named process. */
    public void openStartForm(String processName) {
        driver.findElement(By.cssSelector(".start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(processName))).click();
    }

    /** The input of a form field, once the form shows it. */
    public WebElement field(String key) {
        By input = By.cssSelector("input[id*='-Field_" + key + "'], textarea[id*='-Field_" + key + "']");
        return wait.until(ExpectedConditions.elementToBeClickable(input));
    }

    /** Types into a field as a person does, leaving it with Tab. */
    public void type(String key, String text) {
        WebElement field = field(key);
        field.clear();
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
    }

    /** What a field shows. */
    public String valueOf(String key) {
        return field(key).getDomProperty("value");
    }

    /** Picks an option of a form-js select by its label (the list opens on focus, or on a click). */
    public void choose(String key, String label) {
        By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']");
        if (driver.findElements(option).isEmpty()) {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_" + key + "-display']"))).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
    }

    /** Tasklist's "Save": keeps the form's values in the browser (localStorage) to complete later. */
    public void save(String taskId) {
        driver.findElement(By.cssSelector("button[ng-click='save($event)']")).click();
        until(d -> draft(taskId) != null);
    }

    /** The values Tasklist's "Save" kept for a task (JSON), or null. */
    public String draft(String taskId) {
        return (String) script("return localStorage.getItem('camunda-form:' + arguments[0])", taskId);
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /**
     * Tasklist's "Complete", scrolled to the middle of the window first (a long form puts it under the
     * page's footer), after closing the notifications still shown, as a person does (an earlier refusal's
     * notification lies over the button of a long form).
     */
    public void complete() {
        By notificationClose = By.cssSelector(".page-notifications .close");
        driver.findElements(notificationClose).stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
        until(d -> d.findElements(notificationClose).stream().noneMatch(WebElement::isDisplayed));
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** The "Start" button of the start-process dialog. */
    public void startProcess() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']"))).click();
    }

    /** Waits (up to 20 s) until the condition holds or returns non-null. */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Waits up to {@code timeout} for the condition; false when it did not come. */
    public boolean within(Duration timeout, Function<WebDriver, Boolean> condition) {
        try {
            return new WebDriverWait(driver, timeout).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Saves what the browser shows to {@code target/browser/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
