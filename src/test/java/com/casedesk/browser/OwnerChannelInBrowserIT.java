package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.HeadlessChromium;
import com.casedesk.support.ProcessTests;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner submits a complaint on the self-service page {@code /owner/} (no login), the front desk
 * replies in Tasklist, and the owner reads the reply on the tracking page, all in a real
 * (headless) Chromium. Screenshots: target/screenshots/owner-*.png.
 */
@CaseDeskIntegrationTest
class OwnerChannelInBrowserIT extends TasklistBrowserTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @Test
  void an_owner_complains_on_the_page_the_front_desk_replies_in_tasklist_and_the_owner_reads_the_reply() throws Exception {
    String description = "自助页面投诉：" + System.nanoTime() + " 电梯厅照明坏了";
    browser.get("http://localhost:" + port + "/owner/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我要投诉"));
    WebElement form = browser.findElement(By.id("complaint-form"));
    wait.until(d -> form.findElements(By.cssSelector(".unit-picker select")).size() == 3
        && form.findElements(By.cssSelector(".unit-picker select")).get(0).findElements(By.tagName("option")).size() > 1);
    var pickers = form.findElements(By.cssSelector(".unit-picker select"));
    new Select(pickers.get(0)).selectByVisibleText("四季花城");
    new Select(pickers.get(1)).selectByVisibleText("1栋");
    new Select(pickers.get(2)).selectByVisibleText("0801");
    new Select(form.findElement(By.name("category"))).selectByValue("property");
    form.findElement(By.name("description")).sendKeys(description);
    form.findElement(By.name("contactName")).sendKeys("张伟");
    form.findElement(By.name("contactPhone")).sendKeys("13800000001");
    HeadlessChromium.screenshot(browser, "owner-1-complaint-form");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已受理，编号 TS-"));
    HeadlessChromium.screenshot(browser, "owner-2-submitted");
    Matcher number = Pattern.compile("TS-\\d{8}-\\d{4}").matcher(browser.findElement(By.id("message")).getText());
    assertThat(number.find()).isTrue();
    String caseNumber = number.group();
    assertThat(browser.findElement(By.id("message")).getText()).contains("24 小时内答复");

    // the front desk takes the complaint and replies in Tasklist
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    ProcessTests.runDueJobs(managementService, identityService, complaint.getId());
    Task reply = taskService.createTaskQuery().processInstanceId(complaint.getId())
        .taskDefinitionKey(ComplaintProcess.Element.REPLY).singleResult();
    logInToTasklist("sz-frontdesk");
    click(By.xpath("//*[normalize-space(text())='本组待办']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), caseNumber));
    HeadlessChromium.screenshot(browser, "owner-2b-front-desk-group-tasks");
    AsUser.run(identityService, "sz-frontdesk", () -> taskService.claim(reply.getId(), "sz-frontdesk"));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + reply.getId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='Field_ReplyText']")));
    Thread.sleep(2000); // Tasklist renders the task view more than once while it loads; let it settle
    browser.findElement(By.cssSelector("[id$='Field_ReplyText']")).sendKeys("您好，电工今天下午更换电梯厅灯具。");
    Thread.sleep(1000); // form-js takes the typed value after a short debounce
    clickComplete();
    wait.until(d -> taskService.createTaskQuery().taskId(reply.getId()).count() == 0);
    ProcessTests.runDueJobs(managementService, identityService, complaint.getId());

    // the owner tracks the case with its number and phone
    browser.get("http://localhost:" + port + "/owner/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav button[data-tab=track]"))).click();
    WebElement track = browser.findElement(By.id("track-form"));
    track.findElement(By.name("caseNumber")).sendKeys(caseNumber);
    track.findElement(By.name("phone")).sendKeys("13800000001");
    track.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("track-result"), "电工今天下午更换电梯厅灯具"));
    HeadlessChromium.screenshot(browser, "owner-3-tracking");
    assertThat(browser.findElement(By.id("track-result")).getText()).contains(caseNumber).contains("已答复");

    // a wrong phone learns nothing
    track.findElement(By.name("phone")).clear();
    track.findElement(By.name("phone")).sendKeys("13800000002");
    track.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "没有找到与该电话匹配的案件"));
  }
}
