package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.HeadlessChromium;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager reads the SLA reports in Cockpit (dashboard card, 超时明细 with a known figure, the
 * aggregates, the trend chart, the monthly reports, CSV export, breach badges on the diagram) and
 * the front desk sees on each Tasklist card how much time is left, or how late it is. Screenshots
 * go to target/screenshots (copied to docs/screenshots for the README).
 */
@CaseDeskIntegrationTest
class SlaReportsInBrowserIT extends TasklistBrowserTest {

  private static final String DUE_PROCESS = "probe-due-badge";

  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void seedLedger() {
    jdbc.sql("DELETE FROM sla_event WHERE task_id LIKE 'slabrowser-%'").update();
    Instant now = Instant.now();
    // three late steps of sz-property (物业服务主管) in the last days: 3 h, 50 min and 1 day 2 h late; one on time
    event("b1", "TS-20261101-9901", "sz-sjhc", "UserTask_HandleComplaint", "处理投诉", now.minus(Duration.ofHours(30)), 180);
    event("b2", "TS-20261101-9902", "sz-dha", "UserTask_HandleComplaint", "处理投诉", now.minus(Duration.ofHours(20)), 50);
    event("b3", "TS-20261101-9903", "sz-sjhc", "UserTask_HandleComplaint", "处理投诉", now.minus(Duration.ofHours(60)), 1560);
    event("b4", "TS-20261101-9904", "sz-sjhc", "UserTask_HandleComplaint", "处理投诉", now.minus(Duration.ofHours(10)), 0);
  }

  private void event(String id, String caseNumber, String project, String step, String stepName, Instant due, long late) {
    Instant done = due.plus(Duration.ofMinutes(late == 0 ? -30 : late));
    jdbc.sql("""
            INSERT INTO sla_event (task_id, case_number, company_code, project_code, process_key, process_instance_id,
                step_id, step_name, responsible_group, done_by, due_at, done_at, breached, breach_minutes, drill)
            VALUES (?, ?, 'sz', ?, 'complaint-handling', ?, ?, ?, 'property-service', 'sz-property', ?, ?, ?, ?, FALSE)""")
        .params("slabrowser-" + id, caseNumber, project, "pi-" + id, step, stepName, Timestamp.from(due),
            Timestamp.from(done), late > 0, late)
        .update();
  }

  private WebElement visible(By locator) throws Exception {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (org.openqa.selenium.TimeoutException e) {
      HeadlessChromium.screenshot(browser, "sla-report-failed");
      throw new AssertionError("not shown: " + locator + "; page says: " + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  private void tab(String label) {
    click(By.xpath("//ul[contains(@class,'casedesk-tabs')]//a[normalize-space(.)='" + label + "']"));
  }

  @Test
  void a_manager_reads_the_sla_report_in_cockpit_and_exports_it() throws Exception {
    HeadlessChromium.logIn(browser, port, "cockpit", "sz-manager", "demo");
    WebElement card = visible(By.cssSelector(".casedesk-card[data-company='sz']"));
    assertThat(card.getText()).contains("深圳公司").contains("当前逾期未办案件").contains("本月超时率");
    HeadlessChromium.screenshot(browser, "cockpit-dashboard");

    click(By.xpath("//a[normalize-space(.)='SLA 报表']"));
    visible(By.cssSelector("table[data-report='breaches']"));
    WebElement person = browser.findElement(By.cssSelector(".casedesk-filters input[name=person]"));
    person.sendKeys("sz-property");
    click(By.xpath("//form[contains(@class,'casedesk-filters')]//button[normalize-space(.)='查询']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".casedesk-total"), "共 3 条超时记录"));
    List<WebElement> rows = browser.findElements(By.cssSelector("table[data-report='breaches'] tbody tr"));
    assertThat(rows).hasSize(3);
    // sorted by lateness, latest first: 1 day 2 hours, then 3 hours, then 50 minutes
    assertThat(rows.get(0).getText()).contains("TS-20261101-9903").contains("1天2小时").contains("马超");
    assertThat(rows.get(1).getText()).contains("TS-20261101-9901").contains("3小时");
    assertThat(rows.get(2).getText()).contains("TS-20261101-9902").contains("50分");
    HeadlessChromium.screenshot(browser, "cockpit-sla-breaches");

    // the CSV link downloads with the browser's session: UTF-8 with a byte-order mark, the same three rows
    String href = browser.findElement(By.cssSelector(".casedesk-csv")).getAttribute("href");
    String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
            + ".then(b => done(Array.from(new Uint8Array(b).slice(0, 3)).join(',') + '|' + new TextDecoder().decode(b)));",
        href);
    assertThat(csv).startsWith("239,187,191|");
    assertThat(csv.lines().filter(line -> line.contains("TS-20261101-99")).count()).isEqualTo(3);
    assertThat(csv).contains("案件编号").contains("马超");

    tab("汇总分析");
    new org.openqa.selenium.support.ui.Select(visible(By.cssSelector("select[name=by]"))).selectByValue("person");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table[data-report='aggregates']"), "马超"));
    WebElement property = browser.findElement(By.xpath("//table[@data-report='aggregates']//tr[td[normalize-space(.)='马超']]"));
    // four steps due, three late: 75.0 %
    assertThat(property.getText()).contains("4").contains("3").contains("75.0%");
    HeadlessChromium.screenshot(browser, "cockpit-sla-aggregates");

    tab("超时趋势");
    visible(By.cssSelector(".casedesk-chart .uplot canvas"));
    HeadlessChromium.screenshot(browser, "cockpit-sla-trend");

    tab("月度报表");
    visible(By.cssSelector("section[data-table='categories'] table"));
    // all six monthly tables are on the page (the lower ones below the fold)
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[data-table='drills'] table")));
    assertThat(browser.findElements(By.cssSelector("section.casedesk-monthly"))).hasSize(6);
    HeadlessChromium.screenshot(browser, "cockpit-sla-monthly");

    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
        .latestVersion().singleResult().getId();
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    WebElement badge = visible(By.cssSelector(".casedesk-badge[data-step='UserTask_HandleComplaint']"));
    assertThat(badge.getText()).startsWith("超时 ");
    HeadlessChromium.screenshot(browser, "cockpit-diagram-badges");
  }

  @Test
  void the_front_desk_sees_on_each_task_card_how_late_it_is() throws Exception {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(DUE_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("due-badge-probe").addModelInstance(DUE_PROCESS + ".bpmn",
          Bpmn.createExecutableProcess(DUE_PROCESS).name("时限提示演示").camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("UserTask_CallBack").name("回访业主（时限演示）").camundaCandidateGroups("frontdesk")
                .camundaDueDate("${dueAt}")
              .endEvent().done())
          .deploy();
    }
    runtimeService.createProcessInstanceQuery().processDefinitionKey(DUE_PROCESS).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "new test run"));
    Instant now = Instant.now();
    start("TS-20261126-9801", now.minus(Duration.ofHours(5)));
    start("TS-20261126-9802", now.plus(Duration.ofMinutes(90)));
    start("TS-20261126-9803", now.plus(Duration.ofDays(3)));

    logInToTasklist("sz-frontdesk");
    click(By.xpath("//a[contains(normalize-space(.), '本组待办')]"));
    visible(By.cssSelector(".casedesk-due-overdue"));
    visible(By.cssSelector(".casedesk-due-soon"));
    visible(By.cssSelector(".casedesk-due-ontime"));
    assertThat(browser.findElement(By.cssSelector(".casedesk-due-overdue")).getText()).startsWith("已逾期 ");
    HeadlessChromium.screenshot(browser, "tasklist-due-badges");
  }

  private void start(String caseNumber, Instant due) {
    runtimeService.startProcessInstanceByKey(DUE_PROCESS, caseNumber,
        Map.of("projectCode", "sz-sjhc", "dueAt", Date.from(due)));
  }
}
