package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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

  @LocalServerPort int port;
  private WebDriver browser;

  @BeforeAll
  static void chromium() throws Exception {
    HeadlessChromium.requireChromium();
  }

  @BeforeEach
  void openBrowser() {
    browser = HeadlessChromium.open();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebDriverWait waitLong() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0} logs in to Tasklist and sees the shared filters")
  @CsvSource({"sz-frontdesk", "sz-supervisor", "crc", "pengcheng", "sz-tech", "process-owner"})
  void staff_of_every_role_log_in_to_tasklist_and_see_the_shared_filters(String user) throws Exception {
    HeadlessChromium.logIn(browser, port, "tasklist", user, "demo");
    for (String filter : new String[] {"我的任务", "本组待办", "今日到期", "已逾期"}) {
      waitLong().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), filter));
    }
    HeadlessChromium.screenshot(browser, "tasklist-" + user);
  }

  @ParameterizedTest(name = "{0} opens {1}")
  @CsvSource({"sz-supervisor, cockpit", "crc, cockpit", "process-owner, cockpit", "admin, admin"})
  void supervisors_open_cockpit_and_the_administrator_opens_admin(String user, String app) throws Exception {
    HeadlessChromium.logIn(browser, port, app, user, "admin".equals(user) ? "admin" : "demo");
    waitLong().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    waitLong().until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    Thread.sleep(1000); // let the dashboard render for the screenshot
    HeadlessChromium.screenshot(browser, app + "-" + user);
    assertThat(browser.getPageSource()).doesNotContain("登录失败").doesNotContain("Login Failed");
  }

  @ParameterizedTest(name = "{0} is kept out of cockpit")
  @CsvSource({"sz-frontdesk", "pengcheng"})
  void front_desk_and_contractors_are_kept_out_of_cockpit(String user) throws Exception {
    HeadlessChromium.logIn(browser, port, "cockpit", user, "demo");
    waitLong().until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "没有访问本应用的权限"));
    HeadlessChromium.screenshot(browser, "cockpit-denied-" + user);
    assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isNotEmpty();
  }
}
