package org.redteam4j.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.redteam4j.core.testing.Requirement;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium. Without them
 * the browser tests are skipped loudly — and fail under CI, where .ci/run installs both.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    Browser(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            Requirement.missing("browser test: /usr/bin/chromium and /usr/bin/chromedriver are absent: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // for consoleErrors()
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // a headless window never has the OS focus, and Chromium 150 then matches no :focus rule
        // even on document.activeElement; emulating a focused page makes keyboard focus testable
        driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", java.util.Map.of("enabled", true));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks something on the page that does not navigate (a toggle, a radio button). */
    void click(String css) {
        find(css).click();
    }

    /**
     * Clicks something that loads a new page, and waits until the new page has replaced the old one
     * (or, where the page's script swaps in the server's answer, its {@code main}).
     */
    void submit(String css) {
        WebElement page = page();
        find(css).click();
        waitForNewPage(page);
    }

    /** Presses a key on the page (a keyboard shortcut that loads a new page) and waits for the new page. */
    void pressAndWait(String key) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "1".equals(find("html").getAttribute("data-ready")));
        WebElement page = page();
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
        waitForNewPage(page);
    }

    /** What a new page replaces: {@code main}, or the whole document where there is none. */
    private WebElement page() {
        java.util.List<WebElement> main = driver.findElements(By.cssSelector("main"));
        return main.isEmpty() ? find("html") : main.get(0);
    }

    private void waitForNewPage(WebElement old) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) { // stale, or "node does not belong to the document"
                return true;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The console's errors since the last call (uncaught exceptions, failed loads, CSP refusals), one line each. */
    java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    String text() {
        return find("body").getText();
    }

    Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Logs in through the login page at {@code loginUrl}, leaving any earlier session. */
    void logIn(String loginUrl, String name, String password) {
        logOut();
        open(loginUrl);
        type("#name", name);
        type("#password", password);
        submit("#login");
    }

    void logOut() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
