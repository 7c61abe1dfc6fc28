package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Demo users of each role log in to the webapps in a real (headless) Chromium: staff see the
 * shared Tasklist filters, supervisors open Cockpit, the administrator opens Admin, and a
 * front-desk user is kept out of Cockpit. Screenshots go to target/screenshots/.
 */
@CaseDeskIntegrationTest
class WebappLoginIT {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  private WebDriver browser;

  @BeforeAll
  static void startDriver() throws Exception {
    boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!available && Boolean.getBoolean("casedesk.browser.required")) {
      throw new IllegalStateException("Browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver "
          + "is missing: apt-get install chromium chromium-driver");
    }
    assumeTrue(available, "no Chromium here (apt-get install chromium chromium-driver): browser tests skipped");
    Files.createDirectories(SCREENSHOTS);
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN");
    // the machine's chromedriver, named explicitly: Selenium Manager never downloads anything
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0} logs in to Tasklist and sees the shared filters")
  @CsvSource({"sz-frontdesk", "sz-supervisor", "crc", "pengcheng", "sz-tech", "process-owner"})
  void staff_of_every_role_log_in_to_tasklist_and_see_the_shared_filters(String user) throws Exception {
    logIn("tasklist", user, "demo");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    for (String filter : new String[] {"我的任务", "本组待办", "今日到期", "已逾期"}) {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), filter));
    }
    screenshot("tasklist-" + user);
  }

  @ParameterizedTest(name = "{0} opens {1}")
  @CsvSource({"sz-supervisor, cockpit", "crc, cockpit", "process-owner, cockpit", "admin, admin"})
  void supervisors_open_cockpit_and_the_administrator_opens_admin(String user, String app) throws Exception {
    logIn(app, user, "admin".equals(user) ? "admin" : "demo");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    Thread.sleep(1000); // let the dashboard render for the screenshot
    screenshot(app + "-" + user);
    assertThat(browser.getPageSource()).doesNotContain("Login Failed");
  }

  @ParameterizedTest(name = "{0} is kept out of cockpit")
  @CsvSource({"sz-frontdesk", "pengcheng"})
  void front_desk_and_contractors_are_kept_out_of_cockpit(String user) throws Exception {
    logIn("cockpit", user, "demo");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "missing access rights to application"));
    screenshot("cockpit-denied-" + user);
    assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isNotEmpty();
  }

  private void logIn(String app, String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/#/login");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text], input[name=username], #inputUsername")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
