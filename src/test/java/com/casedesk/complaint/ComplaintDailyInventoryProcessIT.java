package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.casedesk.notification.NotificationOutbox;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import static com.casedesk.support.ProcessTests.at;
import static com.casedesk.support.ProcessTests.setClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/** The daily inventory of open complaints: timer start, one task per company, the overdue rule. */
// a class-specific coverage gate means a context (and engine) of its own: named apart, so that the
// shared context's engine stays the "default" one that the REST filter and the webapps look up
@TestPropertySource(properties = "camunda.bpm.process-engine-name=complaint-inventory-test")
@CaseDeskIntegrationTest
class ComplaintDailyInventoryProcessIT {

  @TestConfiguration(proxyBeanMethods = false)
  static class CoverageGate {
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys(ComplaintProcess.PROCESS_KEY, "probe-task", "probe-notify", "probe-group-level")
          .build();
    }
  }

  private static final String SCHEDULER = "complaint-daily-inventory";
  private static final String COMPANY_INVENTORY = "complaint-company-inventory";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintInventory inventory;
  @Autowired NotificationOutbox outbox;
  @Autowired ObjectMapper objectMapper;

  @BeforeEach
  void setUp() {
    init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ProcessTests.resetClock();
  }

  @Test
  void every_working_morning_each_company_gets_one_inventory_task_for_its_supervisors() {
    setClock(LocalDateTime.of(2026, 11, 23, 9, 0));
    String overdue = registerComplaint("sz");
    String fresh;
    setClock(LocalDateTime.of(2026, 11, 27, 9, 30)); // Friday: the first complaint's 3 working days are over
    fresh = registerComplaint("sz");

    String scheduler = fireDailyTimer();
    List<ProcessInstance> companies = companyInventories(scheduler);
    assertThat(companies).extracting(ProcessInstance::getTenantId).containsExactlyInAnyOrder("sz", "sh");
    ProcessInstance shenzhen = companies.stream().filter(p -> "sz".equals(p.getTenantId())).findFirst().orElseThrow();
    assertThat(shenzhen.getBusinessKey()).isEqualTo("PD-sz-20261127");

    Task task = taskService.createTaskQuery().processInstanceId(shenzhen.getId()).singleResult();
    assertThat(task).hasCandidateGroup("cs-supervisor");
    assertThat(task.getDueDate()).as("by closing time today").isEqualTo(at(LocalDateTime.of(2026, 11, 27, 18, 0)));
    assertThat(AsUser.call(identityService, "sh-supervisor",
        () -> taskService.createTaskQuery().taskId(task.getId()).count())).as("Shanghai never sees it").isZero();

    JsonNode open = inventory.parse(runtimeService.getVariable(shenzhen.getId(), "openComplaints"));
    assertThat(open.findValuesAsText("caseNumber")).contains(overdue, fresh);
    String overdueNumbers = (String) runtimeService.getVariable(shenzhen.getId(), "overdueCaseNumbers");
    assertThat(overdueNumbers).contains(overdue).doesNotContain(fresh);
  }

  @Test
  void the_inventory_completes_only_when_every_overdue_complaint_has_a_responsible_person_and_a_root_cause() {
    setClock(LocalDateTime.of(2026, 11, 23, 9, 0));
    String overdue = registerComplaint("sz");
    setClock(LocalDateTime.of(2026, 11, 30, 9, 30));
    String scheduler = fireDailyTimer();
    ProcessInstance shenzhen = companyInventory(scheduler, "sz");
    Task task = taskService.createTaskQuery().processInstanceId(shenzhen.getId()).singleResult();
    ArrayNode rows = (ArrayNode) inventory.parse(runtimeService.getVariable(shenzhen.getId(), "overdueComplaints"));

    assertThatThrownBy(() -> completeAs("sz-supervisor", task, rows))
        .hasMessageContaining("盘点未完成").hasMessageContaining(overdue + "：请填写责任人和逾期原因");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isOne();

    ArrayNode missingOne = rows.deepCopy();
    missingOne.remove(0);
    for (JsonNode row : missingOne) {
      explain((ObjectNode) row);
    }
    if (rows.size() > 0) {
      assertThatThrownBy(() -> completeAs("sz-supervisor", task, missingOne)).hasMessageContaining("缺少该逾期投诉");
    }

    rows.forEach(row -> explain((ObjectNode) row));
    completeAs("sz-supervisor", task, rows);
    assertThat(shenzhen).hasPassed("ServiceTask_RecordInventory").isEnded();
    assertThat(inventory.recorded(LocalDate.of(2026, 11, 30), "sz"))
        .filteredOn(row -> row.caseNumber().equals(overdue)).singleElement()
        .satisfies(row -> assertThat(row.overdue()).isTrue())
        .satisfies(row -> assertThat(row.responsiblePerson()).isEqualTo("王芳"))
        .satisfies(row -> assertThat(row.rootCause()).isEqualTo("材料未到货"))
        .satisfies(row -> assertThat(row.reviewedBy()).isEqualTo("sz-supervisor"));

    // Shanghai finishes too: the day's inventory is complete
    ProcessInstance shanghai = companyInventory(scheduler, "sh");
    Task shanghaiTask = taskService.createTaskQuery().processInstanceId(shanghai.getId()).singleResult();
    ArrayNode shanghaiRows = (ArrayNode) inventory.parse(runtimeService.getVariable(shanghai.getId(), "overdueComplaints"));
    shanghaiRows.forEach(row -> explain((ObjectNode) row));
    completeAs("sh-supervisor", shanghaiTask, shanghaiRows);
    assertThat(schedulerPassed(scheduler, "EndEvent_InventoriesDone")).isTrue();
  }

  @Test
  void an_inventory_not_done_by_closing_time_is_reported_to_the_manager() {
    setClock(LocalDateTime.of(2026, 11, 24, 9, 30));
    ProcessInstance shenzhen = companyInventory(fireDailyTimer(), "sz");
    setClock(LocalDateTime.of(2026, 11, 24, 18, 1));
    runJobs(shenzhen);
    runJobs(shenzhen);
    assertThat(shenzhen).hasPassed("ServiceTask_NotifyInventoryOverdue").isWaitingAt("UserTask_DailyInventory");
    assertThat(outbox.find("PD-sz-20261124", "inventory-overdue", "group:cs-manager")).get()
        .satisfies(m -> assertThat(m.body()).contains("2026-11-24"));
  }

  @Test
  void on_a_public_holiday_there_is_no_inventory() {
    setClock(LocalDateTime.of(2026, 10, 1, 9, 30)); // National Day
    String scheduler = fireDailyTimer();
    assertThat(schedulerPassed(scheduler, "EndEvent_NotWorkingDay")).isTrue();
    assertThat(companyInventories(scheduler)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  /** Fires the daily timer start event and returns the scheduler instance's id. */
  private String fireDailyTimer() {
    List<String> before = schedulerInstanceIds();
    Job timer = managementService.createJobQuery().processDefinitionKey(SCHEDULER).timers().singleResult();
    ProcessTests.executeAsJobExecutor(managementService, identityService, timer);
    List<String> started = new java.util.ArrayList<>(schedulerInstanceIds());
    started.removeAll(before);
    assertThat(started).as("the timer starts one scheduler instance").hasSize(1);
    return started.get(0);
  }

  private List<String> schedulerInstanceIds() {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SCHEDULER)
        .list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
  }

  private boolean schedulerPassed(String schedulerId, String activityId) {
    return processEngine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(schedulerId).activityId(activityId).finished().count() > 0;
  }

  private List<ProcessInstance> companyInventories(String schedulerId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(COMPANY_INVENTORY)
        .superProcessInstanceId(schedulerId).list();
  }

  private ProcessInstance companyInventory(String scheduler, String company) {
    return companyInventories(scheduler).stream().filter(p -> company.equals(p.getTenantId())).findFirst().orElseThrow();
  }

  private String registerComplaint(String company) {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "frontdesk");
    intake.put("unitCode", "sz".equals(company) ? "sz-dha-a-2101" : "sh-jyhf-05-1101");
    intake.put("contactName", "刘洋");
    intake.put("contactPhone", "13800000004");
    intake.put("category", "engineering");
    intake.put("subcategory", "leakage");
    intake.put("description", "卫生间渗水");
    ProcessInstance complaint = runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake);
    runJobs(complaint);
    return complaint.getBusinessKey();
  }

  private void completeAs(String userId, Task task, ArrayNode rows) {
    AsUser.run(identityService, userId, () -> {
      taskService.claim(task.getId(), userId);
      taskService.complete(task.getId(), Map.of("overdueComplaints", SpinValues.jsonValue(rows.toString()).create()));
    });
  }

  private static void explain(ObjectNode row) {
    row.put("responsiblePerson", "王芳").put("rootCause", "材料未到货");
  }

  private void runJobs(ProcessInstance instance) {
    ProcessTests.runDueJobs(managementService, identityService, instance.getId());
  }


}
