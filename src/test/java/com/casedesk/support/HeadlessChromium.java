package com.casedesk.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium (Debian's chromium and chromium-driver), headless, for browser tests.
 * Nothing is downloaded: the driver is named explicitly, so Selenium Manager never runs. Without
 * Chromium the tests are skipped, unless -Dcasedesk.browser.required=true (CI) makes that a failure.
 */
public final class HeadlessChromium {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private HeadlessChromium() {}

  /** Skips the calling test class where no Chromium is installed (fails instead in CI). */
  public static void requireChromium() throws Exception {
    boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!available && Boolean.getBoolean("casedesk.browser.required")) {
      throw new IllegalStateException("Browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver "
          + "is missing: apt-get install chromium chromium-driver");
    }
    assumeTrue(available, "no Chromium here (apt-get install chromium chromium-driver): browser tests skipped");
    Files.createDirectories(SCREENSHOTS);
  }

  public static WebDriver open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN", "--accept-lang=zh-CN,zh");
    // staff browsers prefer Simplified Chinese
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * Logs in to a Camunda webapp (tasklist, cockpit, admin). The login form is rendered again once
   * its translations have loaded (and may take the focus back to the user name while a password
   * is typed): wait for the translated button, then type until both fields hold what was typed.
   */
  public static void logIn(WebDriver browser, int port, String app, String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/#/login");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    wait.until(driver -> !driver.findElement(By.cssSelector("button[type=submit]")).getText().isBlank());
    By name = By.cssSelector("input[type=text], input[name=username], #inputUsername");
    By secret = By.cssSelector("input[type=password]");
    for (int attempt = 1; ; attempt++) {
      try {
        browser.findElement(name).clear();
        browser.findElement(name).sendKeys(user);
        browser.findElement(secret).clear();
        browser.findElement(secret).sendKeys(password);
        if (user.equals(browser.findElement(name).getDomProperty("value"))
            && password.equals(browser.findElement(secret).getDomProperty("value"))) {
          break;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
        // the form was rendered again: type again
      }
      if (attempt == 5) {
        throw new IllegalStateException("could not type the credentials of " + user + " into the login form");
      }
    }
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  public static void screenshot(WebDriver browser, String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
