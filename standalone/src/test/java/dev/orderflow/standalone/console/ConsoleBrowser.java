package dev.orderflow.standalone.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Debian's headless Chromium, driven by its own chromium-driver: both binaries named explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver. {@code ORDERFLOW_CHROMIUM} and
 * {@code ORDERFLOW_CHROMEDRIVER} point elsewhere where they are installed under other names.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ORDERFLOW_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ORDERFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String baseUrl;
    private final Path screenshots;

    private ConsoleBrowser(WebDriver driver, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /** Why the browser tests cannot run here, if they cannot: what is missing and how to install it. */
    static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("The console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (or set ORDERFLOW_CHROMIUM and ORDERFLOW_CHROMEDRIVER)");
        }
        return Optional.empty();
    }

    static ConsoleBrowser open(String baseUrl, Path screenshots) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ConsoleBrowser(new ChromeDriver(service, options), baseUrl, screenshots);
    }

    void logIn(String user, String password) {
        visit("/console/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
    }

    void logOut() {
        driver.manage().deleteAllCookies();
    }

    void visit(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(By by) {
        return await(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Clicks and accepts the confirmation the button asks for. */
    void clickAndConfirm(By button) {
        find(button).click();
        await(ExpectedConditions.alertIsPresent()).accept();
    }

    <T> T await(Function<WebDriver, T> condition) {
        // A boosted page swaps its body in place: an element read as it goes is stale, and read again next time.
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Runs with the window as wide as a phone's screen (390 px), then restores it. */
    void atPhoneWidth(Runnable look) {
        Dimension wide = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            look.run();
        } finally {
            driver.manage().window().setSize(wide);
        }
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Saves what the browser shows now as {@code <name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
