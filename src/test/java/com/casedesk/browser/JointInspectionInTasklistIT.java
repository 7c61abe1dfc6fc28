package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.handover.HandoverProcess;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.HeadlessChromium;
import com.casedesk.support.ProcessTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The joint inspection's embedded HTML form in a real (headless) Chromium: the front desk records
 * a defect with a photo chosen from disk, the owner takes the keys, and the defect and its photo
 * land in the unit case file. Screenshots: target/screenshots/inspection-*.png.
 */
@CaseDeskIntegrationTest
class JointInspectionInTasklistIT extends TasklistBrowserTest {

  /** a 1x1 PNG */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @Test
  void the_front_desk_records_a_defect_with_a_photo_in_the_joint_inspection_form() throws Exception {
    String appointment = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    ProcessInstance handover = AsUser.call(identityService, "sz-frontdesk", () -> runtimeService.startProcessInstanceByKey(
        HandoverProcess.PROCESS_KEY, Map.of("unitCode", "sz-sjhc-01-1001", "appointmentAt", appointment, "preInspection", false)));
    ProcessTests.runDueJobs(managementService, identityService, handover.getId());
    Task inspection = taskService.createTaskQuery().processInstanceId(handover.getId())
        .taskDefinitionKey(HandoverProcess.Element.JOINT_INSPECTION).singleResult();
    Path photo = Files.createTempFile("casedesk-leak", ".png");
    Files.write(photo, PNG);

    logInToTasklist("sz-frontdesk");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + inspection.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), handover.getBusinessKey()));
    try {
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".casedesk-add-defect")));
    } finally {
      HeadlessChromium.screenshot(browser, "inspection-0-loaded");
    }
    Thread.sleep(1500); // Tasklist renders the task view more than once while it loads; let it settle
    browser.findElement(By.cssSelector(".casedesk-add-defect")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("defect-room-0"))).sendKeys("主卫");
    browser.findElement(By.id("defect-location-0")).sendKeys("地漏");
    new Select(browser.findElement(By.id("defect-category-0"))).selectByVisibleText("渗漏");
    browser.findElement(By.id("defect-description-0")).sendKeys("地漏周边渗水，楼下顶棚有水渍");
    browser.findElement(By.id("defect-photos-0")).sendKeys(photo.toAbsolutePath().toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".casedesk-defect"), photo.getFileName().toString()));
    browser.findElement(By.id("owner-accepts")).click();
    HeadlessChromium.screenshot(browser, "inspection-1-form");
    clickComplete();

    try {
      wait.until(d -> taskService.createTaskQuery().taskId(inspection.getId()).count() == 0);
    } finally {
      HeadlessChromium.screenshot(browser, "inspection-2-after-complete");
    }
    List<Map<String, Object>> recorded = jdbc.sql("""
            SELECT d.room, d.category, d.recorded_by, p.file_name, p.mime_type, p.content
            FROM unit_defect d JOIN unit_defect_photo p ON p.defect_case = d.case_number
            WHERE d.handover_case = ?""").param(handover.getBusinessKey()).query().listOfRows();
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0)).containsEntry("ROOM", "主卫").containsEntry("CATEGORY", "waterproof")
        .containsEntry("RECORDED_BY", "sz-frontdesk").containsEntry("MIME_TYPE", "image/png");
    assertThat((byte[]) recorded.get(0).get("CONTENT")).isEqualTo(PNG);
  }
}
