package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.repair.RepairProcess;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import com.casedesk.support.HeadlessChromium;
import java.util.HashMap;
import java.util.Map;
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
 * The repair dispatcher picks a technician in the dispatch task's form, in a real (headless)
 * Chromium: the select's options come from the JSON variable technicianOptions, which Tasklist
 * 7.24 must hand to form-js. Screenshots: target/screenshots/repair-*.png.
 */
@CaseDeskIntegrationTest
class RepairDispatchInTasklistIT extends TasklistBrowserTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @Test
  void a_dispatcher_sends_a_technician_chosen_from_the_companys_technicians() throws Exception {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "hotline");
    intake.put("locationType", "in-home");
    intake.put("unitCode", "sz-sjhc-01-0801");
    intake.put("category", "water");
    intake.put("urgency", "urgent");
    intake.put("contactName", "张伟");
    intake.put("contactPhone", "13800000001");
    intake.put("description", "浏览器派工：" + System.nanoTime());
    ProcessInstance repair = AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(RepairProcess.PROCESS_KEY, intake));
    for (Job job : managementService.createJobQuery().processInstanceId(repair.getId()).executable().list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
    Task dispatch = taskService.createTaskQuery().processInstanceId(repair.getId())
        .taskDefinitionKey(RepairProcess.Element.DISPATCH).singleResult();
    taskService.claim(dispatch.getId(), "sz-dispatch");

    logInToTasklist("sz-dispatch");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + dispatch.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), repair.getBusinessKey()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_Technician-display")));
    Thread.sleep(2000); // Tasklist renders the task view more than once while it loads; let it settle

    WebElement display = browser.findElement(field("Field_Technician-display"));
    display.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-input-group')]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
    assertThat(browser.findElements(By.cssSelector(".fjs-dropdownlist-item"))).extracting(WebElement::getText)
        .contains("林强（sz-tech）", "周磊（sz-tech2）")
        .noneMatch(label -> label.contains("sh-tech"));
    browser.findElement(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='周磊（sz-tech2）']")).click();
    Thread.sleep(1000);
    HeadlessChromium.screenshot(browser, "repair-1-dispatch-form");
    clickComplete();

    try {
      wait.until(d -> taskService.createTaskQuery().taskId(dispatch.getId()).count() == 0);
    } finally {
      HeadlessChromium.screenshot(browser, "repair-2-after-dispatch");
    }
    Task arrival = taskService.createTaskQuery().processInstanceId(repair.getId())
        .taskDefinitionKey(RepairProcess.Element.CONFIRM_ARRIVAL).singleResult();
    assertThat(arrival.getAssignee()).isEqualTo("sz-tech2");
  }
}
