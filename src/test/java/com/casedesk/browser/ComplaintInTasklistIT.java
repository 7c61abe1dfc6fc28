package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import com.casedesk.support.HeadlessChromium;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A front-desk agent registers a complaint with Tasklist's start form and answers the owner
 * in the reply task's form, in a real (headless) Chromium: the deployed Camunda Forms work in
 * Tasklist 7.24. Screenshots: target/screenshots/complaint-*.png.
 */
@CaseDeskIntegrationTest
class ComplaintInTasklistIT extends TasklistBrowserTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired NotificationOutbox outbox;

  @Test
  void a_front_desk_agent_registers_a_complaint_in_tasklist_and_replies_to_the_owner() throws Exception {
    String description = "浏览器登记：" + System.nanoTime() + " 楼道灯不亮";
    logInToTasklist("sz-frontdesk");

    // the Tasklist speaks Chinese to a Chinese browser (locales/zh.json)
    openStartForm("投诉处理", "Field_UnitCode");
    choose("Field_Channel", "热线电话");
    browser.findElement(field("Field_UnitCode")).sendKeys("sz-sjhc-01-0801");
    browser.findElement(field("Field_ContactName")).sendKeys("张伟");
    browser.findElement(field("Field_ContactPhone")).sendKeys("13800000001");
    choose("Field_Category", "物业服务");
    browser.findElement(field("Field_Description")).sendKeys(description);
    HeadlessChromium.screenshot(browser, "complaint-1-start-form");
    click(By.xpath("//button[normalize-space(.)='发起']"));

    ProcessInstance complaint = waitForComplaint(description);
    assertThat(complaint.getTenantId()).isEqualTo("sz");
    assertThat(complaint.getBusinessKey()).startsWith("TS-");
    for (Job job : managementService.createJobQuery().processInstanceId(complaint.getId()).executable().list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
    Task reply = taskService.createTaskQuery().processInstanceId(complaint.getId())
        .taskDefinitionKey(ComplaintProcess.Element.REPLY).singleResult();
    assertThat(reply.getAssignee()).as("the registering agent owns the case").isEqualTo("sz-frontdesk");

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + reply.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), complaint.getBusinessKey()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_ReplyText")));
    Thread.sleep(2000); // Tasklist renders the task view more than once while it loads; let it settle
    assertThat(browser.findElement(field("Field_DescriptionView")).getAttribute("value")).isEqualTo(description);
    browser.findElement(field("Field_ReplyText")).sendKeys("您好，已安排电工今日更换灯具。");
    Thread.sleep(1000); // form-js takes the typed value after a short debounce
    HeadlessChromium.screenshot(browser, "complaint-2-reply-form");
    // a "process started" notification may still cover the button: click it as a user would after it fades
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='完成']")));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", complete);

    try {
      wait.withTimeout(Duration.ofSeconds(30)).until(d ->
          taskService.createTaskQuery().taskId(reply.getId()).count() == 0);
    } finally {
      HeadlessChromium.screenshot(browser, "complaint-3-after-complete");
    }
    for (Job job : managementService.createJobQuery().processInstanceId(complaint.getId()).executable().list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
    assertThat(outbox.find(complaint.getBusinessKey(), "reply", "13800000001")).get()
        .satisfies(m -> assertThat(m.body()).contains("已安排电工今日更换灯具"));
  }

  private ProcessInstance waitForComplaint(String description) {
    wait.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
        .variableValueEquals("description", description).count() == 1);
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
        .variableValueEquals("description", description).singleResult();
  }
}
