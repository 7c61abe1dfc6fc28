package com.casedesk.repair;

import static com.casedesk.support.ProcessTests.at;
import static com.casedesk.support.ProcessTests.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.casedesk.api.InvalidInputException;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.repair.RepairProcess.Element;
import com.casedesk.sla.SlaEvents;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of home-repair, run by the engine with the real DMN, delegates and database; timers
 * fire by moving the engine clock and executing the due jobs. Coverage of the process (flow nodes
 * and sequence flows) must be 100 %: report in target/process-test-coverage/.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=home-repair-test")
@CaseDeskIntegrationTest
class HomeRepairProcessIT {

  @TestConfiguration(proxyBeanMethods = false)
  static class CoverageGate {
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys("probe-task", "probe-notify", "probe-group-level")
          .build();
    }
  }

  /** Monday 23 November 2026, 10:00 in Shanghai: an ordinary working day */
  private static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 11, 23, 10, 0);
  private static final String UNIT = "sz-sjhc-01-0801";
  private static final String OWNER_PHONE = "13800000001";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepairOrders orders;
  @Autowired CaseNumbers caseNumbers;
  @Autowired NotificationOutbox outbox;
  @Autowired SlaEvents slaEvents;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    init(processEngine);
    setClock(MONDAY_10);
  }

  @AfterEach
  void resetClock() {
    ProcessTests.resetClock();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void an_urgent_in_home_repair_has_a_technician_on_site_within_15_minutes_and_closes_after_a_good_callback() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "厨房水管爆裂，水流不止"));
    String caseNumber = repair.getBusinessKey();
    assertThat(caseNumber).matches("BX-20261123-\\d{4}");
    assertThat(repair.getTenantId()).isEqualTo("sz");
    runJobs(repair);

    Task dispatch = taskAt(repair, Element.DISPATCH);
    assertThat(dispatch).hasCandidateGroup("repair-dispatch");
    assertThat(dispatch.getDueDate()).as("15 calendar minutes").isEqualTo(at(MONDAY_10.plusMinutes(15)));
    assertThat(repair).variables().containsEntry("onSiteWithin", "PT15M").containsEntry("byAppointment", false)
        .containsEntry("caseNumber", caseNumber).containsEntry("unitCode", UNIT).containsEntry("contactName", "张伟");

    setClock(MONDAY_10.plusMinutes(2));
    complete(dispatch, withVariables("technician", "sz-tech", "dispatchNote", "带管钳"));
    Task arrival = taskAt(repair, Element.CONFIRM_ARRIVAL);
    assertThat(arrival).isAssignedTo("sz-tech");
    assertThat(arrival.getDueDate()).isEqualTo(at(MONDAY_10.plusMinutes(15)));
    assertThat(outbox.find(caseNumber, "dispatched-r0", OWNER_PHONE)).get()
        .satisfies(m -> assertThat(m.body()).contains(caseNumber).contains("林强").contains("10:15"));

    setClock(MONDAY_10.plusMinutes(12));
    complete(arrival, withVariables("arrivalNote", "已关闭总阀"));
    Task work = taskAt(repair, Element.DO_REPAIR);
    assertThat(work).isAssignedTo("sz-tech");
    assertThat(work.getDueDate()).as("4 hours from arrival").isEqualTo(at(MONDAY_10.plusMinutes(12).plusHours(4)));

    setClock(MONDAY_10.plusHours(1));
    complete(work, withVariables("workDone", "更换破裂水管", "materials", "PPR管1米", "inWarranty", false,
        "chargeAmount", 45.5, "chargeAgreed", true));
    assertThat(outbox.find(caseNumber, "done-r0", OWNER_PHONE)).get()
        .satisfies(m -> assertThat(m.body()).contains("45.50元"));
    Task callback = taskAt(repair, Element.CALLBACK);
    assertThat(callback).hasCandidateGroup("frontdesk");
    assertThat(callback.getDueDate()).as("1 working day after completion").isEqualTo(at(LocalDateTime.of(2026, 11, 24, 11, 0)));

    complete(callback, withVariables("satisfaction", 5, "satisfied", true, "chargeDisputed", false,
        "callbackComment", "很满意", "followUpRequested", false));
    assertThat(repair).hasPassed(Element.CLOSE).isEnded();
    assertThat(repair).hasNotPassed(Element.ESCALATE_LATE_ARRIVAL, Element.ESCALATE_LATE_COMPLETION,
        Element.ESCALATE_LATE_CALLBACK, Element.ARRANGE_REWORK, Element.START_FOLLOW_UP);

    RepairOrder order = orders.find(caseNumber).orElseThrow();
    assertThat(order.status()).isEqualTo("CLOSED");
    assertThat(order.arrivedOnTime()).isTrue();
    assertThat(order.completedOnTime()).isTrue();
    assertThat(order.firstTechnician()).isEqualTo("sz-tech");
    assertThat(order.chargeAmount()).isEqualByComparingTo("45.50");
    assertThat(order.satisfaction()).isEqualTo(5);
    assertThat(order.ownerId()).as("the caller is the unit's owner").isNotNull();
    assertThat(order.escalationLevel()).isNull();
    assertThat(caseNumbers.processInstanceOf(caseNumber)).contains(repair.getId());
    assertThat(slaEvents.forCase(caseNumber)).extracting(SlaEvents.RecordedSlaEvent::stepId)
        .containsExactly(Element.DISPATCH, Element.CONFIRM_ARRIVAL, Element.DO_REPAIR, Element.CALLBACK);
    assertThat(slaEvents.forCase(caseNumber)).noneMatch(SlaEvents.RecordedSlaEvent::breached);
  }

  @Test
  void no_technician_on_site_after_15_minutes_escalates_to_dispatch_then_to_the_supervisor() {
    ProcessInstance repair = reportAtFrontDesk(inHome("electric", "urgent", "全屋跳闸断电"));
    runJobs(repair);

    setClock(MONDAY_10.plusMinutes(16));
    runJobs(repair);
    assertThat(repair).hasPassed(Element.ESCALATE_LATE_ARRIVAL).isWaitingAt(Element.DISPATCH);
    assertThat(outbox.find(repair.getBusinessKey(), "escalation-" + Element.ESCALATE_LATE_ARRIVAL + "-r0", "group:repair-dispatch"))
        .get().satisfies(m -> assertThat(m.body()).contains("技师到场"));
    assertThat(orders.find(repair.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("DISPATCH");
    assertThat(repair).hasNotPassed(Element.ESCALATE_LATE_ARRIVAL_SUPERVISOR);

    complete(taskAt(repair, Element.DISPATCH), withVariables("technician", "sz-tech2"));
    setClock(MONDAY_10.plusMinutes(31));
    runJobs(repair);
    assertThat(repair).isWaitingAt(Element.CONFIRM_ARRIVAL, Element.SUPERVISE_LATE_ARRIVAL);
    assertThat(taskAt(repair, Element.SUPERVISE_LATE_ARRIVAL)).hasCandidateGroup("cs-supervisor");
    assertThat(orders.find(repair.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("SUPERVISOR");

    complete(taskAt(repair, Element.SUPERVISE_LATE_ARRIVAL), withVariables("supervisionNote", "已电话催促技师"));
    setClock(MONDAY_10.plusMinutes(40));
    complete(taskAt(repair, Element.CONFIRM_ARRIVAL));
    assertThat(repair).isWaitingAt(Element.DO_REPAIR);
    assertThat(orders.find(repair.getBusinessKey()).orElseThrow().arrivedOnTime()).isFalse();
    assertThat(slaEvents.forCase(repair.getBusinessKey()))
        .filteredOn(e -> e.stepId().equals(Element.CONFIRM_ARRIVAL)).singleElement()
        .satisfies(e -> assertThat(e.breachMinutes()).isEqualTo(25));
  }

  @Test
  void arriving_ends_the_late_arrival_escalations_still_pending() {
    ProcessInstance repair = reportAtFrontDesk(inHome("electric", "urgent", "插座冒烟"));
    runJobs(repair);
    setClock(MONDAY_10.plusMinutes(31));
    runJobs(repair);
    assertThat(repair).isWaitingAt(Element.DISPATCH, Element.SUPERVISE_LATE_ARRIVAL);

    dispatchAndArrive(repair, "sz-tech");
    assertThat(repair).isWaitingAt(Element.DO_REPAIR).isNotWaitingAt(Element.SUPERVISE_LATE_ARRIVAL);
    assertThat(managementService.createJobQuery().processInstanceId(repair.getId()).timers()
        .activityId(Element.LATE_ARRIVAL_SUPERVISOR).count()).isZero();
  }

  @Test
  void a_normal_in_home_repair_is_due_at_the_booked_time() {
    Map<String, Object> intake = inHome("door-window", "normal", "卧室窗户关不严");
    intake.put("preferredTime", "2026-11-24T14:00+08:00");
    ProcessInstance repair = reportAtFrontDesk(intake);
    runJobs(repair);
    assertThat(taskAt(repair, Element.DISPATCH).getDueDate()).as("booked time + 30 minutes grace")
        .isEqualTo(at(LocalDateTime.of(2026, 11, 24, 14, 30)));
    assertThat(repair).variables().containsEntry("byAppointment", true).containsEntry("completionWithin", "P1D");
  }

  @Test
  void public_facilities_follow_the_maintenance_time_limit_table() {
    ProcessInstance lift = reportAtFrontDesk(publicArea("elevator", "urgent", "3栋1单元电梯", "电梯困人"));
    ProcessInstance wall = reportAtFrontDesk(publicArea("wall-floor", "normal", "会所外墙", "外墙瓷砖脱落一块"));
    runJobs(lift);
    runJobs(wall);
    assertThat(taskAt(lift, Element.DISPATCH).getDueDate()).isEqualTo(at(MONDAY_10.plusMinutes(15)));
    assertThat(taskAt(wall, Element.DISPATCH).getDueDate()).isEqualTo(at(MONDAY_10.plusDays(2)));
    RepairOrder order = orders.find(lift.getBusinessKey()).orElseThrow();
    assertThat(order.unitCode()).isNull();
    assertThat(order.projectCode()).isEqualTo("sz-sjhc");
    assertThat(order.locationType()).isEqualTo("public");
  }

  @Test
  void work_not_done_by_the_completion_deadline_escalates_to_dispatch_then_to_the_supervisor() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "卫生间水管漏水"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");

    setClock(MONDAY_10.plusHours(4).plusMinutes(10));
    runJobs(repair);
    assertThat(repair).hasPassed(Element.ESCALATE_LATE_COMPLETION).isWaitingAt(Element.DO_REPAIR);
    assertThat(outbox.find(repair.getBusinessKey(), "escalation-" + Element.ESCALATE_LATE_COMPLETION + "-r0",
        "group:repair-dispatch")).isPresent();

    setClock(MONDAY_10.plusHours(4).plusMinutes(30));
    runJobs(repair);
    assertThat(repair).isWaitingAt(Element.DO_REPAIR, Element.SUPERVISE_LATE_COMPLETION);
    complete(taskAt(repair, Element.SUPERVISE_LATE_COMPLETION), withVariables("supervisionNote", "缺配件，已协调"));
    completeWork(repair, 0, false);
    assertThat(repair).isWaitingAt(Element.CALLBACK);
    assertThat(orders.find(repair.getBusinessKey()).orElseThrow().completedOnTime()).isFalse();
  }

  @Test
  void a_callback_not_made_within_one_working_day_escalates_to_the_supervisor() {
    ProcessInstance repair = reportAtFrontDesk(inHome("drainage", "urgent", "下水道堵塞返水"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");
    completeWork(repair, 0, true);

    setClock(LocalDateTime.of(2026, 11, 24, 18, 0));
    runJobs(repair);
    assertThat(repair).isWaitingAt(Element.CALLBACK, Element.SUPERVISE_LATE_CALLBACK);
    assertThat(taskAt(repair, Element.SUPERVISE_LATE_CALLBACK)).hasCandidateGroup("cs-supervisor");
    assertThat(outbox.find(repair.getBusinessKey(), "escalation-" + Element.ESCALATE_LATE_CALLBACK + "-r0",
        "group:cs-supervisor")).get().satisfies(m -> assertThat(m.body()).contains("回访"));

    complete(taskAt(repair, Element.SUPERVISE_LATE_CALLBACK), withVariables("supervisionNote", "今日完成回访"));
    callback(repair, 4, true, false);
    assertThat(repair).isEnded();
    assertThat(slaEvents.forCase(repair.getBusinessKey()))
        .filteredOn(e -> e.stepId().equals(Element.CALLBACK)).singleElement()
        .satisfies(e -> assertThat(e.breached()).isTrue());
  }

  @Test
  void an_unsatisfied_owner_and_a_disputed_charge_send_the_repair_back_twice_before_it_closes() {
    ProcessInstance repair = reportAtFrontDesk(inHome("waterproof", "normal", "卫生间墙面渗水"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");
    completeWork(repair, 80, false);
    callback(repair, 2, false, false);

    assertThat(repair).hasPassed(Element.REOPEN_FOR_REWORK).isWaitingAt(Element.ARRANGE_REWORK);
    Task rework = taskAt(repair, Element.ARRANGE_REWORK);
    assertThat(rework).hasCandidateGroup("repair-dispatch");
    assertThat(rework.getDueDate()).as("the table's 24 hours, counted from now").isEqualTo(at(MONDAY_10.plusHours(24)));
    assertThat(orders.find(repair.getBusinessKey()).orElseThrow())
        .satisfies(o -> assertThat(o.status()).isEqualTo("REWORK"))
        .satisfies(o -> assertThat(o.reworkCount()).isEqualTo(1));

    complete(rework, withVariables("technician", "sz-tech2", "dispatchNote", "复查渗水点"));
    assertThat(outbox.find(repair.getBusinessKey(), "dispatched-r1", OWNER_PHONE)).get()
        .satisfies(m -> assertThat(m.body()).contains("周磊"));
    complete(taskAt(repair, Element.CONFIRM_ARRIVAL));
    completeWork(repair, 20, false);
    callback(repair, 3, true, true); // satisfied with the work, but disputes the charge

    assertThat(repair).isWaitingAt(Element.ARRANGE_REWORK);
    complete(taskAt(repair, Element.ARRANGE_REWORK), withVariables("technician", "sz-tech", "dispatchNote", "核实收费"));
    complete(taskAt(repair, Element.CONFIRM_ARRIVAL));
    completeWork(repair, 0, false);
    callback(repair, 5, true, false);

    assertThat(repair).isEnded();
    RepairOrder order = orders.find(repair.getBusinessKey()).orElseThrow();
    assertThat(order.reworkCount()).isEqualTo(2);
    assertThat(order.firstTechnician()).as("the first visit's technician stays on record").isEqualTo("sz-tech");
    assertThat(order.chargeAmount()).isEqualByComparingTo(new BigDecimal("100.00"));
    assertThat(order.satisfaction()).isEqualTo(5);
    assertThat(outbox.forCase(repair.getBusinessKey())).extracting(m -> m.purpose())
        .contains("dispatched-r0", "done-r0", "dispatched-r1", "done-r1", "dispatched-r2", "done-r2");
  }

  @Test
  void anything_else_the_owner_asks_for_at_the_callback_becomes_a_new_repair() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "水龙头爆裂"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");
    completeWork(repair, 0, true);
    complete(taskAt(repair, Element.CALLBACK), withVariables("satisfaction", 5, "satisfied", true,
        "chargeDisputed", false, "callbackComment", "满意", "otherNeeds", "阳台灯不亮，想请师傅看看",
        "followUpRequested", true, "followUpCategory", "electric", "followUpUrgency", "normal"));

    assertThat(repair).hasPassed(Element.START_FOLLOW_UP).isEnded();
    String followUp = orders.find(repair.getBusinessKey()).orElseThrow().followUpCaseNumber();
    assertThat(followUp).matches("BX-20261123-\\d{4}").isNotEqualTo(repair.getBusinessKey());
    RepairOrder next = orders.find(followUp).orElseThrow();
    assertThat(next.followUpOf()).isEqualTo(repair.getBusinessKey());
    assertThat(next.category()).isEqualTo("electric");
    assertThat(next.description()).isEqualTo("阳台灯不亮，想请师傅看看");
    assertThat(next.unitCode()).isEqualTo(UNIT);
    ProcessInstance nextInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(followUp).singleResult();
    assertThat(nextInstance.getTenantId()).isEqualTo("sz");
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void a_bad_request_starts_nothing_and_names_every_wrong_field() {
    Map<String, Object> intake = inHome("plumbing", "soon", "<script>alert(1)</script>");
    intake.put("unitCode", "no-such-unit");
    intake.put("contactPhone", "call me");
    intake.put("preferredTime", "tomorrow");
    long before = jdbc.sql("SELECT COUNT(*) FROM repair_order").query(Long.class).single();
    assertThatThrownBy(() -> reportAtFrontDesk(intake))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("category", "urgency", "unitCode", "contactPhone", "description", "preferredTime"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM repair_order").query(Long.class).single()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.PROCESS_KEY)
        .variableValueEquals("contactPhone", "call me").count()).isZero();
  }

  @Test
  void a_public_repair_needs_a_project_and_a_place_and_a_booking_cannot_be_in_the_past() {
    Map<String, Object> intake = publicArea("lighting", "normal", null, "路灯不亮");
    intake.remove("projectCode");
    assertThatThrownBy(() -> reportAtFrontDesk(intake)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("projectCode", "location"));
    Map<String, Object> past = inHome("water", "normal", "漏水");
    past.put("preferredTime", "2026-11-22T10:00+08:00");
    assertThatThrownBy(() -> reportAtFrontDesk(past)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("预约时间不能早于现在");
  }

  @Test
  void a_charge_in_warranty_or_without_the_owners_consent_is_refused_and_the_task_stays_open() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "热水器接口漏水"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");
    Task work = taskAt(repair, Element.DO_REPAIR);

    assertThatThrownBy(() -> taskService.complete(work.getId(), Map.of("workDone", "更换接口", "inWarranty", true,
        "chargeAmount", 50, "chargeAgreed", true)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("保修期内维修不收费");
    assertThatThrownBy(() -> taskService.complete(work.getId(), Map.of("workDone", "更换接口", "inWarranty", false,
        "chargeAmount", 50, "chargeAgreed", false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("经业主同意");
    assertThatThrownBy(() -> taskService.complete(work.getId(), Map.of("workDone", "更换接口", "inWarranty", false,
        "chargeAmount", 99999)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能超过");
    assertThat(repair).isWaitingAt(Element.DO_REPAIR);
    assertThat(taskService.createTaskQuery().taskId(work.getId()).count()).as("nothing lost").isOne();
    assertThat(outbox.find(repair.getBusinessKey(), "done-r0", OWNER_PHONE)).isEmpty();
  }

  @Test
  void only_a_technician_of_the_company_can_be_dispatched() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "水管爆裂"));
    runJobs(repair);
    Task dispatch = taskAt(repair, Element.DISPATCH);
    assertThatThrownBy(() -> taskService.complete(dispatch.getId(), Map.of("technician", "sh-tech")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是本公司的维修技师");
    assertThatThrownBy(() -> taskService.complete(dispatch.getId(), Map.of("technician", "sz-frontdesk")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(repair).isWaitingAt(Element.DISPATCH);
    assertThat(outbox.forCase(repair.getBusinessKey())).isEmpty();
  }

  @Test
  void a_follow_up_without_the_owners_words_or_with_a_bad_score_keeps_the_callback_open() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "水管爆裂"));
    runJobs(repair);
    dispatchAndArrive(repair, "sz-tech");
    completeWork(repair, 0, true);
    Task callback = taskAt(repair, Element.CALLBACK);
    assertThatThrownBy(() -> taskService.complete(callback.getId(), Map.of("satisfaction", 9, "satisfied", true,
        "callbackComment", "好", "followUpRequested", true)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("satisfaction", "otherNeeds"));
    assertThat(repair).isWaitingAt(Element.CALLBACK);
  }

  @Test
  void the_technician_options_of_the_dispatch_form_are_the_companys_technicians() {
    ProcessInstance repair = reportAtFrontDesk(inHome("water", "urgent", "水管爆裂"));
    Object options = runtimeService.getVariableTyped(repair.getId(), RepairProcess.Var.TECHNICIAN_OPTIONS, false).getValue();
    assertThat(options.toString()).contains("\"value\":\"sz-tech\"").contains("\"value\":\"sz-tech2\"").doesNotContain("sh-tech");
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, Object> inHome(String category, String urgency, String description) {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "hotline");
    intake.put("locationType", "in-home");
    intake.put("unitCode", UNIT);
    intake.put("category", category);
    intake.put("urgency", urgency);
    intake.put("contactName", "张伟");
    intake.put("contactPhone", OWNER_PHONE);
    intake.put("description", description);
    return intake;
  }

  private Map<String, Object> publicArea(String category, String urgency, String location, String description) {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "patrol");
    intake.put("locationType", "public");
    intake.put("projectCode", "sz-sjhc");
    intake.put("location", location);
    intake.put("category", category);
    intake.put("urgency", urgency);
    intake.put("contactName", "巡查员");
    intake.put("contactPhone", "0755-88886666");
    intake.put("description", description);
    return intake;
  }

  private ProcessInstance reportAtFrontDesk(Map<String, Object> intake) {
    return AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(RepairProcess.PROCESS_KEY, intake));
  }

  private void dispatchAndArrive(ProcessInstance repair, String technician) {
    complete(taskAt(repair, Element.DISPATCH), withVariables("technician", technician));
    complete(taskAt(repair, Element.CONFIRM_ARRIVAL));
  }

  private void completeWork(ProcessInstance repair, int charge, boolean inWarranty) {
    complete(taskAt(repair, Element.DO_REPAIR), withVariables("workDone", "已修复", "materials", "", "inWarranty", inWarranty,
        "chargeAmount", charge, "chargeAgreed", charge > 0));
  }

  private void callback(ProcessInstance repair, int satisfaction, boolean satisfied, boolean chargeDisputed) {
    complete(taskAt(repair, Element.CALLBACK), withVariables("satisfaction", satisfaction, "satisfied", satisfied,
        "chargeDisputed", chargeDisputed, "callbackComment", "回访记录", "followUpRequested", false));
  }

  private void runJobs(ProcessInstance instance) {
    ProcessTests.runDueJobs(managementService, identityService, instance.getId());
  }

  private Task taskAt(ProcessInstance instance, String activityId) {
    return task(activityId, instance);
  }
}
