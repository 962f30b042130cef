package dev.gantry.control.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the console: Debian's headless Chromium driven through its chromedriver (both
 * installed by {@code ./gantry test}), pointed at one Gantry's console.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final String base;

    ConsoleBrowser(GantryProcess gantry) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: the tests run as an unprivileged user in containers without user namespaces.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click that submits a form may return before the next page is there (a change rolls out
        // first, or the page left held a stream open): lookups wait for their element to appear.
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
        this.base = "http://127.0.0.1:" + gantry.apiPort;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Signs in and waits for the answer's page (the apps, or the sign-in form with its error): a page
     * opened before it arrived would be replaced by it.
     */
    void signIn(String user, String password) {
        open("/console/sign-in");
        type(By.id("user"), user);
        type(By.id("password"), password);
        follow(By.id("sign-in"));
    }

    /**
     * Clicks a link or a form's button and waits until the next page replaced this one: the click
     * returns before that when the page left holds a stream open, or on a slow machine, and a lookup
     * made then could still find what the old page showed.
     */
    void follow(By target) {
        WebElement element = driver.findElement(target);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(browser -> gone(element));
    }

    /** Whether the element's page was replaced: Chrome says so as stale, or as a node outside the document. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    String text(By element) {
        return driver.findElement(element).getText();
    }

    /** Waits until {@code element} shows {@code text}: changes roll out, and live sections refresh. */
    void awaitText(By element, String text, Duration limit) {
        new WebDriverWait(driver, limit).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /**
     * Waits until the browser shows {@code path}: a click that submits a form returns before the next
     * page has loaded when the page it leaves holds a stream open (the live log).
     */
    void awaitPath(String path, Duration limit) {
        new WebDriverWait(driver, limit).until(ExpectedConditions.urlToBe(base + path));
    }

    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("gantry_session");
    }

    /**
     * Saves what the browser shows as {@code NAME.png} in {@code docs/console} of the source tree under
     * test, or in the folder the {@code gantry.screenshots} property names (./gantry test works on a copy).
     */
    void screenshot(String name) throws IOException {
        save(name, driver.getScreenshotAs(OutputType.FILE).toPath());
    }

    /** Saves one part of the page, e.g. the release timeline. */
    void screenshot(String name, By part) throws IOException {
        save(name, driver.findElement(part).getScreenshotAs(OutputType.FILE).toPath());
    }

    private static void save(String name, Path shot) throws IOException {
        Path docs = Path.of(System.getProperty("gantry.screenshots",
                Path.of(System.getProperty("gantry.repo.root")).resolve("docs").resolve("console").toString()));
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebDriver.TargetLocator switchTo() {
        return driver.switchTo();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
