package com.casedesk.browser;

import com.casedesk.support.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: the machine's headless Chromium opened before and closed after
 * each test (skipped without Chromium, a failure in CI), and the moves staff make in Tasklist.
 */
abstract class TasklistBrowserTest {

  @LocalServerPort int port;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void chromium() throws Exception {
    HeadlessChromium.requireChromium();
  }

  @BeforeEach
  void openBrowser() {
    browser = HeadlessChromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  /**
   * Logs in to Tasklist and waits for its filters. The first Tasklist of a run loads slowly on a
   * busy CI machine: a minute, as WebappLoginIT allows; a screenshot tells what went wrong.
   */
  void logInToTasklist(String user) throws Exception {
    HeadlessChromium.logIn(browser, port, "tasklist", user, "demo");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    } catch (org.openqa.selenium.TimeoutException e) {
      HeadlessChromium.screenshot(browser, "login-failed-" + user + "-" + getClass().getSimpleName());
      throw e;
    }
  }

  /**
   * Opens a process's start form from Tasklist's 发起流程 dialog. The dialog's list keeps
   * re-sorting while definitions load, so the process is first searched by name (one entry left
   * to click); a dialog that shows no form within 30 s is closed and opened again, up to 3 times.
   */
  void openStartForm(String processName, String firstFieldId) throws Exception {
    for (int attempt = 1; ; attempt++) {
      click(By.xpath("//a[contains(normalize-space(.), '发起流程')]"));
      WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".modal input[type=text], .modal input[type=search]")));
      search.sendKeys(processName);
      click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']"));
      try {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(field(firstFieldId)));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        HeadlessChromium.screenshot(browser, "start-form-" + processName + "-" + attempt);
        if (attempt == 3) {
          throw e;
        }
        for (WebElement close : browser.findElements(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='关闭']"))) {
          close.click();
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
      }
    }
  }

  /** A form-js field by its id (form-js prefixes ids). */
  static By field(String id) {
    return By.cssSelector("[id$='" + id + "']");
  }

  /**
   * Types into a form-js field and waits until the field holds the text; typing into a field that
   * form-js re-renders at that moment can be lost (seen in CI: the drill's description stayed
   * empty), so it types again, up to 3 times.
   */
  void type(By locator, String text) {
    for (int attempt = 1; ; attempt++) {
      WebElement input = wait.until(ExpectedConditions.elementToBeClickable(locator));
      input.clear();
      input.sendKeys(text);
      try {
        new WebDriverWait(browser, Duration.ofSeconds(3))
            .until(d -> text.equals(d.findElement(locator).getDomProperty("value")));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  void click(By locator) {
    wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  /** form-js selects are not native: open the list, then pick the option by its label. */
  void choose(String fieldId, String label) {
    WebElement display = browser.findElement(By.cssSelector("[id$='" + fieldId + "-display']"));
    display.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-input-group')]")).click();
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"));
  }

  /** Opens a task in Tasklist (logged in already) and waits until its view shows the text. */
  void openTask(String taskId, String text) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  /** Clicks 完成 as a user would once a "process started" notification has faded from over it. */
  void clickComplete() {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='完成']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", complete);
  }
}
