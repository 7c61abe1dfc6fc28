package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.casedesk.complaint.ComplaintProcess.Element;
import com.casedesk.emergency.MassComplaintProcess;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.notification.OutboxEntry;
import com.casedesk.sla.SlaEvents;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import static com.casedesk.support.ProcessTests.at;
import static com.casedesk.support.ProcessTests.setClock;
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
import org.camunda.bpm.engine.task.IdentityLink;
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
 * Every path of complaint-handling, run by the engine with the real DMN, delegates and database;
 * timers fire by moving the engine clock and executing the due jobs. Coverage of the process
 * (flow nodes and sequence flows) must be 100 %: report in target/process-test-coverage/.
 */
// a class-specific coverage gate means a context (and engine) of its own: named apart, so that the
// shared context's engine stays the "default" one that the REST filter and the webapps look up
@TestPropertySource(properties = "camunda.bpm.process-engine-name=complaint-handling-test")
@CaseDeskIntegrationTest
class ComplaintHandlingProcessIT {

  @TestConfiguration(proxyBeanMethods = false)
  static class CoverageGate {
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys("probe-task", "probe-notify", "probe-group-level",
              MassComplaintProcess.PROCESS_KEY, EARLIER_MODEL_KEY)
          .build();
    }
  }

  /** complaint-handling as deployed before 27 Nov 2026 (under another key, so that it is not the latest) */
  static final String EARLIER_MODEL_KEY = "complaint-handling-before-labels";

  /** Monday 23 November 2026, 10:00 in Shanghai: an ordinary working day */
  private static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 11, 23, 10, 0);

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintCases cases;
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
    // a mass incident left active would take in the complaints of later tests
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MassComplaintProcess.PROCESS_KEY).list()
        .forEach(incident -> runtimeService.deleteProcessInstance(incident.getId(), "test cleanup"));
    jdbc.sql("UPDATE mass_incident SET status = 'CLOSED', open_key = NULL WHERE status = 'ACTIVE'").update();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void a_complaint_registered_at_the_front_desk_is_replied_to_handled_called_back_and_closed() {
    ProcessInstance complaint = registerAtFrontDesk(intake("垃圾清运不及时，楼道有异味", "property", "cleaning", "frontdesk"));
    String caseNumber = complaint.getBusinessKey();
    assertThat(caseNumber).matches("TS-20261123-\\d{4}");
    assertThat(complaint.getTenantId()).isEqualTo("sz");

    runJobs(complaint);
    assertThat(complaint).isWaitingAt(Element.REPLY, Element.HANDLE)
        .variables().containsEntry("firstContactOwner", "sz-frontdesk").containsEntry("severity", "ordinary");
    assertThat(labels(complaint)).as("what Tasklist shows instead of codes and timestamps")
        .containsEntry("channel", "前台来访").containsEntry("category", "物业服务").containsEntry("subcategory", "保洁")
        .containsEntry("severity", "一般").containsEntry("responsibleGroup", "物业服务")
        .containsEntry("replyDue", "2026-11-24 10:00").containsEntry("resolutionDue", "2026-11-26 10:00");
    Task reply = taskAt(complaint, Element.REPLY);
    assertThat(reply).isAssignedTo("sz-frontdesk");
    assertThat(reply.getDueDate()).isEqualTo(at(MONDAY_10.plusHours(24)));
    Task handle = taskAt(complaint, Element.HANDLE);
    assertThat(handle).hasCandidateGroup("property-service");
    assertThat(handle.getDueDate()).as("3 working days").isEqualTo(at(LocalDateTime.of(2026, 11, 26, 10, 0)));

    complete(reply, withVariables("replyText", "您好，已安排保洁今日处理。"));
    runJobs(complaint);
    assertThat(outbox.find(caseNumber, "reply", "13800000001")).get()
        .satisfies(m -> assertThat(m.body()).contains(caseNumber).contains("已安排保洁今日处理"));

    setClock(MONDAY_10.plusHours(5));
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已清运并消杀"));
    Task callback = taskAt(complaint, Element.CALLBACK);
    assertThat(callback).isAssignedTo("sz-frontdesk");
    assertThat(callback.getDueDate()).as("1 working day after resolution")
        .isEqualTo(at(LocalDateTime.of(2026, 11, 24, 15, 0)));

    complete(callback, withVariables("satisfaction", 5, "ownerSatisfied", true, "satisfactionComment", "很满意"));
    runJobs(complaint);
    assertThat(complaint).hasPassed(Element.CLOSE).isEnded();
    assertThat(complaint).hasNotPassed(Element.SUPERVISE_REPLY, Element.SUPERVISE_HANDLING, Element.MAJOR_REPORT);

    ComplaintCase record = cases.find(caseNumber).orElseThrow();
    assertThat(record.status()).isEqualTo("CLOSED");
    assertThat(record.satisfaction()).isEqualTo(5);
    assertThat(record.ownerId()).as("the caller is the unit's owner").isNotNull();
    assertThat(record.escalationLevel()).isNull();
    assertThat(outbox.find(caseNumber, "closed", "13800000001")).isPresent();
    assertThat(slaEvents.forCase(caseNumber)).extracting(SlaEvents.RecordedSlaEvent::stepId)
        .containsExactly(Element.REPLY, Element.HANDLE, Element.CALLBACK);
    assertThat(slaEvents.forCase(caseNumber)).noneMatch(SlaEvents.RecordedSlaEvent::breached);
  }

  @Test
  void a_complaint_not_answered_within_24_hours_escalates_to_the_supervisor_and_stays_with_its_owner() {
    ProcessInstance complaint = registerAtFrontDesk(intake("门禁卡失灵", "property", "security", "frontdesk"));
    runJobs(complaint);

    setClock(MONDAY_10.plusHours(25));
    runJobs(complaint);
    assertThat(complaint).hasPassed(Element.ESCALATE_REPLY).isWaitingAt(Element.REPLY, Element.SUPERVISE_REPLY);
    assertThat(taskAt(complaint, Element.SUPERVISE_REPLY)).hasCandidateGroup("cs-supervisor");
    assertThat(taskAt(complaint, Element.REPLY)).as("escalation never takes the case away").isAssignedTo("sz-frontdesk");
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("SUPERVISOR");
    assertThat(outbox.find(complaint.getBusinessKey(), "escalation-" + Element.ESCALATE_REPLY + "-r0", "group:cs-supervisor"))
        .get().satisfies(m -> assertThat(m.body()).contains("首次回复"));

    complete(taskAt(complaint, Element.SUPERVISE_REPLY), withVariables("supervisionNote", "请立即回复业主"));
    complete(taskAt(complaint, Element.REPLY), withVariables("replyText", "抱歉回复晚了，已安排维修。"));
    runJobs(complaint);
    assertThat(slaEvents.forCase(complaint.getBusinessKey()))
        .filteredOn(e -> e.stepId().equals(Element.REPLY)).singleElement()
        .satisfies(e -> assertThat(e.breached()).isTrue())
        .satisfies(e -> assertThat(e.breachMinutes()).isEqualTo(60));
  }

  @Test
  void handling_past_its_deadline_escalates_to_the_supervisor_then_the_gm_then_the_group_centre() {
    ProcessInstance complaint = registerAtFrontDesk(intake("地下室渗水", "engineering", "leakage", "frontdesk"));
    runJobs(complaint);
    replyNow(complaint);

    setClock(LocalDateTime.of(2026, 11, 26, 10, 1)); // the 3-working-day deadline has passed
    runJobs(complaint);
    assertThat(complaint).isWaitingAt(Element.HANDLE, Element.SUPERVISE_HANDLING);
    assertThat(taskAt(complaint, Element.SUPERVISE_HANDLING)).hasCandidateGroup("cs-supervisor");
    assertThat(taskAt(complaint, Element.SUPERVISE_HANDLING).getDueDate()).as("due when the GM's escalation falls due")
        .isEqualTo(at(LocalDateTime.of(2026, 11, 27, 10, 0)));
    assertThat(complaint).hasNotPassed(Element.ESCALATE_TO_GM);

    setClock(LocalDateTime.of(2026, 11, 27, 10, 1)); // + 1 working day
    runJobs(complaint);
    assertThat(taskAt(complaint, Element.GM_HANDLING)).hasCandidateGroup("project-gm");
    assertThat(taskAt(complaint, Element.GM_HANDLING).getDueDate()).as("due when the group centre's escalation falls due")
        .isEqualTo(at(LocalDateTime.of(2026, 11, 30, 10, 0)));
    assertThat(complaint).hasNotPassed(Element.ESCALATE_TO_GROUP);

    setClock(LocalDateTime.of(2026, 11, 30, 10, 1)); // + 2 working days (over the weekend)
    runJobs(complaint);
    assertThat(taskAt(complaint, Element.GROUP_HANDLING)).hasCandidateGroup("group-crc");
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("GROUP_CENTRE");
    assertThat(taskAt(complaint, Element.HANDLE)).as("the department still owns the handling").hasCandidateGroup("engineering");

    complete(taskAt(complaint, Element.SUPERVISE_HANDLING), withVariables("supervisionNote", "工程部今日上门"));
    complete(taskAt(complaint, Element.GM_HANDLING), withVariables("supervisionNote", "项目总经理已督办"));
    complete(taskAt(complaint, Element.GROUP_HANDLING), withVariables("supervisionNote", "集团关注"));
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已重做防水"));
    assertThat(complaint).isWaitingAt(Element.CALLBACK);
    assertThat(slaEvents.forCase(complaint.getBusinessKey()))
        .filteredOn(e -> e.stepId().equals(Element.HANDLE)).singleElement()
        .satisfies(e -> assertThat(e.breachMinutes()).as("4 days and 1 minute late").isEqualTo(4 * 24 * 60 + 1));
  }

  @Test
  void completing_the_handling_cancels_the_escalations_still_pending() {
    ProcessInstance complaint = registerAtFrontDesk(intake("电梯异响", "property", "lift", "frontdesk"));
    runJobs(complaint);
    setClock(LocalDateTime.of(2026, 11, 26, 10, 1));
    runJobs(complaint);
    assertThat(complaint).isWaitingAt(Element.SUPERVISE_HANDLING);

    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已维保"));
    assertThat(complaint).isNotWaitingAt(Element.SUPERVISE_HANDLING, Element.HANDLE);
    assertThat(managementService.createJobQuery().processInstanceId(complaint.getId())
        .activityId(Element.HANDLING_OVERDUE_GM).count()).isZero();
  }

  @Test
  void a_complaint_started_on_the_earlier_model_escalates_and_reopens_on_this_code() {
    // the earlier model gave escalation steps their parameters as input parameters and kept the GM's and
    // the group centre's escalation points as variables; its instances run on until they close. One
    // classified before the upgrade has the escalation points the earlier code set (given here at the start)
    // and no labels
    String deployment = repositoryService.createDeployment().name("complaint-handling before 27 Nov 2026")
        .addClasspathResource("models/" + EARLIER_MODEL_KEY + ".bpmn").deploy().getId();
    try {
      Map<String, Object> intake = intake("地下室渗水", "engineering", "leakage", "frontdesk");
      intake.put("gmEscalationDue", at(LocalDateTime.of(2026, 11, 27, 10, 0)));
      intake.put("groupEscalationDue", at(LocalDateTime.of(2026, 11, 30, 10, 0)));
      ProcessInstance complaint = AsUser.call(identityService, "sz-frontdesk",
          () -> runtimeService.startProcessInstanceByKey(EARLIER_MODEL_KEY, intake));
      runJobs(complaint);
      replyNow(complaint);
      // classified by the earlier code, which wrote no labels variable
      runtimeService.removeVariable(complaint.getId(), ComplaintProcess.Var.LABELS);

      setClock(LocalDateTime.of(2026, 11, 26, 10, 1));
      runJobs(complaint);
      assertThat(taskAt(complaint, Element.SUPERVISE_HANDLING)).hasCandidateGroup("cs-supervisor");
      assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("SUPERVISOR");
      assertThat(outbox.find(complaint.getBusinessKey(), "escalation-" + Element.ESCALATE_TO_SUPERVISOR + "-r0",
          "group:cs-supervisor")).get().satisfies(m -> assertThat(m.body()).contains("投诉处理"));

      complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已处理"));
      complete(taskAt(complaint, Element.CALLBACK),
          withVariables("satisfaction", 2, "ownerSatisfied", false, "satisfactionComment", "仍然渗水"));
      runJobs(complaint);
      assertThat(complaint).hasPassed(Element.REOPEN).isWaitingAt(Element.HANDLE);
      // reopened Thursday 26 Nov 10:01: 3 working days, then the GM one working day after that
      assertThat(labels(complaint)).containsEntry("resolutionDue", "2026-12-01 10:01").containsEntry("category", "工程质量");
      assertThat(managementService.createJobQuery().processInstanceId(complaint.getId())
          .activityId(Element.HANDLING_OVERDUE_GM).singleResult().getDuedate())
          .isEqualTo(at(LocalDateTime.of(2026, 12, 2, 10, 1)));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void a_complaint_handled_before_its_deadline_never_escalates() {
    ProcessInstance complaint = registerAtFrontDesk(intake("绿化修剪不及时", "property", "landscape", "frontdesk"));
    runJobs(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已修剪"));
    replyNow(complaint);
    assertThat(complaint).isWaitingAt(Element.CALLBACK);

    setClock(LocalDateTime.of(2026, 12, 4, 10, 0)); // long after every handling deadline
    assertThat(managementService.createJobQuery().processInstanceId(complaint.getId()).timers()
        .activityId(Element.HANDLING_OVERDUE).count()).isZero();
    assertThat(complaint).hasNotPassed(Element.ESCALATE_TO_SUPERVISOR, Element.ESCALATE_TO_GM, Element.ESCALATE_TO_GROUP);
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().status()).isEqualTo("RESOLVED");
  }

  @Test
  void a_major_complaint_brings_in_the_manager_and_closes_only_after_a_written_report() {
    ProcessInstance complaint = registerAtFrontDesk(intake("业主联名投诉渗漏，扬言找媒体曝光", "engineering", "leakage", "forum"));
    runJobs(complaint);
    assertThat(complaint).variables().containsEntry("severity", "major");
    Task handle = taskAt(complaint, Element.HANDLE);
    assertThat(handle).hasCandidateGroup("engineering").hasCandidateGroup("cs-manager");
    assertThat(handle.getDueDate()).as("7 working days").isEqualTo(at(LocalDateTime.of(2026, 12, 2, 10, 0)));
    assertThat(outbox.find(complaint.getBusinessKey(), "major-manager", "group:cs-manager")).isPresent();

    replyNow(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已全面检修"));
    complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 4, "ownerSatisfied", true, "satisfactionComment", "基本满意"));
    assertThat(complaint).isWaitingAt(Element.MAJOR_REPORT);
    assertThat(taskAt(complaint, Element.MAJOR_REPORT)).hasCandidateGroup("cs-manager");

    complete(taskAt(complaint, Element.MAJOR_REPORT), withVariables("reportWhatHappened", "12栋业主反映渗漏",
        "reportActionsTaken", "工程部返修外墙", "reportOwnerReaction", "业主认可"));
    runJobs(complaint);
    assertThat(complaint).hasPassed(Element.MAJOR_REPORT, Element.CLOSE).isEnded();
  }

  @Test
  void an_overdue_major_report_goes_to_the_project_gm() {
    ProcessInstance complaint = registerAtFrontDesk(intake("小区配电箱漏电，存在安全隐患", "property", "security", "frontdesk"));
    runJobs(complaint);
    replyNow(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已断电抢修"));
    complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 4, "ownerSatisfied", true, "satisfactionComment", "满意"));

    setClock(MONDAY_10.plusDays(2));
    runJobs(complaint);
    assertThat(complaint).isWaitingAt(Element.MAJOR_REPORT, Element.GM_REPORT);
    assertThat(taskAt(complaint, Element.GM_REPORT)).hasCandidateGroup("project-gm");
    complete(taskAt(complaint, Element.GM_REPORT), withVariables("supervisionNote", "请今日提交"));
    complete(taskAt(complaint, Element.MAJOR_REPORT), withVariables("reportWhatHappened", "配电箱漏电",
        "reportActionsTaken", "抢修", "reportOwnerReaction", "认可"));
    runJobs(complaint);
    assertThat(complaint).isEnded();
  }

  @Test
  void an_unsatisfied_owner_sends_the_case_back_to_handling_with_a_new_deadline() {
    ProcessInstance complaint = registerAtFrontDesk(intake("窗户漏风", "engineering", "doors-windows", "frontdesk"));
    runJobs(complaint);
    replyNow(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已调整窗扇"));
    setClock(MONDAY_10.plusDays(1));
    complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 2, "ownerSatisfied", false, "satisfactionComment", "仍然漏风"));
    runJobs(complaint);

    assertThat(complaint).hasPassed(Element.REOPEN).isWaitingAt(Element.HANDLE).variables().containsEntry("reopenCount", 1);
    assertThat(taskAt(complaint, Element.HANDLE).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 11, 27, 10, 0)));
    assertThat(labels(complaint)).containsEntry("resolutionDue", "2026-11-27 10:00");
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().status()).isEqualTo("REOPENED");
    assertThat(candidateGroups(taskAt(complaint, Element.HANDLE))).doesNotContain("cs-manager");

    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "更换密封条"));
    assertThat(complaint).as("a reopened case goes straight to the callback").isWaitingAt(Element.CALLBACK);
    complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 5, "ownerSatisfied", true, "satisfactionComment", "好了"));
    runJobs(complaint);
    assertThat(complaint).isEnded();
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().reopenCount()).isEqualTo(1);
  }

  @Test
  void the_second_reopen_adds_the_customer_service_manager() {
    ProcessInstance complaint = registerAtFrontDesk(intake("车位被占", "property", "parking", "frontdesk"));
    runJobs(complaint);
    replyNow(complaint);
    for (int round = 1; round <= 2; round++) {
      complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已处理第" + round + "次"));
      complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 1, "ownerSatisfied", false, "satisfactionComment", "不满意"));
      runJobs(complaint);
    }
    assertThat(complaint).variables().containsEntry("reopenCount", 2);
    assertThat(candidateGroups(taskAt(complaint, Element.HANDLE))).contains("property-service", "cs-manager");
    assertThat(outbox.find(complaint.getBusinessKey(), "reopen-manager-r2", "group:cs-manager")).isPresent();
    assertThat(outbox.find(complaint.getBusinessKey(), "reopen-manager-r1", "group:cs-manager")).isEmpty();
  }

  @Test
  void a_callback_not_made_within_one_working_day_escalates_to_the_supervisor() {
    ProcessInstance complaint = registerAtFrontDesk(intake("快递柜故障", "other", null, "frontdesk"));
    runJobs(complaint);
    assertThat(taskAt(complaint, Element.HANDLE)).hasCandidateGroup("cs-supervisor");
    replyNow(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已联系厂家"));

    setClock(MONDAY_10.plusDays(1).plusMinutes(1));
    runJobs(complaint);
    assertThat(complaint).isWaitingAt(Element.CALLBACK, Element.SUPERVISE_CALLBACK);
    complete(taskAt(complaint, Element.SUPERVISE_CALLBACK), withVariables("supervisionNote", "今日回访"));
    complete(taskAt(complaint, Element.CALLBACK), withVariables("satisfaction", 3, "ownerSatisfied", true, "satisfactionComment", "可以"));
    runJobs(complaint);
    assertThat(complaint).isEnded();
  }

  @Test
  void a_complaint_from_the_app_is_claimed_by_the_duty_front_desk_who_becomes_its_owner() {
    ProcessInstance complaint = runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY,
        intake("APP报修无人响应", "property", null, "app"));
    runJobs(complaint);
    Task reply = taskAt(complaint, Element.REPLY);
    assertThat(reply).isNotAssigned().hasCandidateGroup("frontdesk");

    AsUser.run(identityService, "sz-frontdesk", () -> taskService.claim(reply.getId(), "sz-frontdesk"));
    assertThat(complaint).variables().containsEntry("firstContactOwner", "sz-frontdesk");
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().firstContactOwner()).isEqualTo("sz-frontdesk");
    complete(taskAt(complaint, Element.REPLY), withVariables("replyText", "已收到，马上处理"));
    runJobs(complaint);
    complete(taskAt(complaint, Element.HANDLE), withVariables("handlingResult", "已处理"));
    assertThat(taskAt(complaint, Element.CALLBACK)).isAssignedTo("sz-frontdesk");
  }

  @Test
  void a_public_area_complaint_names_the_project_and_no_unit() {
    Map<String, Object> intake = intake("小区东门草坪积水", "property", "landscape", "frontdesk");
    intake.remove("unitCode");
    intake.put("projectCode", "sz-dha");
    ProcessInstance complaint = registerAtFrontDesk(intake);
    assertThat(complaint.getTenantId()).isEqualTo("sz");
    ComplaintCase record = cases.find(complaint.getBusinessKey()).orElseThrow();
    assertThat(record.projectCode()).isEqualTo("sz-dha");
    assertThat(record.unitCode()).isNull();
    assertThat(record.ownerId()).isNull();
  }

  @Test
  void a_finding_on_patrol_is_registered_by_the_patrolling_staff_member_who_then_owns_it() {
    Map<String, Object> intake = intake("巡查发现：2栋电梯厅照明损坏", "property", null, "patrol");
    intake.remove("unitCode");
    intake.put("projectCode", "sz-sjhc");
    ProcessInstance complaint = AsUser.call(identityService, "sz-property",
        () -> runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake));
    runJobs(complaint);
    assertThat(taskAt(complaint, Element.REPLY)).isAssignedTo("sz-property");
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().channel()).isEqualTo("patrol");
  }

  @Test
  void a_unit_that_is_not_in_the_named_project_is_refused() {
    Map<String, Object> intake = intake("x", "property", null, "frontdesk");
    intake.put("projectCode", "sz-dha");
    assertThatThrownBy(() -> registerAtFrontDesk(intake)).hasMessageContaining("projectCode：房号 sz-sjhc-01-0801 不属于项目 sz-dha");
  }

  @Test
  void a_hotline_complaint_must_be_answered_the_same_day() {
    setClock(LocalDateTime.of(2026, 11, 23, 16, 30));
    ProcessInstance complaint = registerAtFrontDesk(intake("热水器不出热水", "property", null, "hotline"));
    runJobs(complaint);
    assertThat(taskAt(complaint, Element.REPLY).getDueDate())
        .isEqualTo(at(LocalDateTime.of(2026, 11, 23, 23, 59, 59)));
  }

  @Test
  void a_complaint_with_bad_input_is_refused_whole_naming_each_field() {
    Map<String, Object> bad = intake("", "food", null, "pigeon");
    bad.put("unitCode", "sz-nowhere");
    bad.put("contactPhone", "call me");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY).count();
    assertThatThrownBy(() -> registerAtFrontDesk(bad))
        .hasMessageContaining("channel：未知渠道")
        .hasMessageContaining("category：未知类别")
        .hasMessageContaining("unitCode")
        .hasMessageContaining("contactPhone：电话号码格式不正确")
        .hasMessageContaining("description：必填");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void owner_text_is_kept_verbatim_as_plain_text_but_markup_is_refused() {
    String plain = "售价 < 周边楼盘 & 承诺 > 实际，要求说法";
    ProcessInstance complaint = registerAtFrontDesk(intake(plain, "sales", "promise", "frontdesk"));
    assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().description()).isEqualTo(plain);
    assertThatThrownBy(() -> registerAtFrontDesk(intake("<script>alert('x')</script>楼上噪音", "property", null, "frontdesk")))
        .hasMessageContaining("description：不能包含HTML标记或脚本");
  }

  // ---------------------------------------------------------------- mass incidents

  @Test
  void a_complaint_of_a_mass_incident_answers_with_the_approved_unified_reply_and_is_called_back_when_it_is_resolved() {
    ProcessInstance first = registerAtFrontDesk(intakeAt("sz-dha-a-2101", "刘洋", "13800000004", "户型与宣传不符", "design"));
    runJobs(first);
    assertThat(first).isWaitingAt(Element.REPLY, Element.HANDLE);

    ProcessInstance incident = AsUser.call(identityService, "sz-supervisor", () -> runtimeService.startProcessInstanceByKey(
        MassComplaintProcess.PROCESS_KEY, Map.of("projectCode", "sz-dha", "category", "design", "householdsAffected", 12,
            "mediaAttention", false, "safetyRisk", false, "description", "多户业主反映户型与宣传不符",
            "linkedComplaints", first.getBusinessKey())));
    assertThat(first).as("linked while its reply was open: the reply waits for the unified one")
        .hasPassed(Element.LINKED_TO_INCIDENT).isWaitingAt(Element.AWAIT_UNIFIED_REPLY, Element.HANDLE);

    ProcessInstance second = registerAtFrontDesk(intakeAt("sz-dha-a-2102", "陈静", "13800000005", "户型面积缩水", "design"));
    runJobs(second);
    assertThat(cases.find(second.getBusinessKey()).orElseThrow().massIncident()).isEqualTo(incident.getBusinessKey());
    assertThat(second).as("joined the active incident at once").isWaitingAt(Element.AWAIT_UNIFIED_REPLY, Element.HANDLE)
        .hasNotPassed(Element.REPLY);

    runJobs(incident);
    complete(task(MassComplaintProcess.Element.ASSEMBLE_TEAM, incident), withVariables("commander", "sz-manager", "responseTeam", "陈刚"));
    complete(task(MassComplaintProcess.Element.ACKNOWLEDGE_GROUP_CENTRE, incident), withVariables("acknowledgementNote", "知悉"));
    String unified = "各位业主：户型问题已成立专项小组，一周内答复。";
    complete(task(MassComplaintProcess.Element.DRAFT_REPLY, incident), withVariables("unifiedReplyDraft", unified));
    complete(task(MassComplaintProcess.Element.APPROVE_REPLY_GM, incident), withVariables("approved", true));
    runJobs(incident);
    runJobs(first);
    runJobs(second);
    for (ProcessInstance complaint : List.of(first, second)) {
      assertThat(complaint).hasPassed(Element.AWAIT_UNIFIED_REPLY, Element.SEND_REPLY).isWaitingAt(Element.HANDLE);
      assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().replyText()).isEqualTo(unified);
    }
    assertThat(outbox.find(first.getBusinessKey(), "reply", "13800000004")).get()
        .satisfies(m -> assertThat(m.body()).contains(unified));

    ProcessInstance third = registerAtFrontDesk(intakeAt("sz-dha-a-2101", "刘洋", "13800000004", "户型问题何时答复", "design"));
    runJobs(third);
    assertThat(third).as("the unified reply exists: sent at once").hasPassed(Element.SEND_REPLY)
        .hasNotPassed(Element.REPLY, Element.AWAIT_UNIFIED_REPLY).isWaitingAt(Element.HANDLE);

    complete(task(MassComplaintProcess.Element.COMMUNICATE, incident), withVariables("communicationMeans", "meeting",
        "communicationSummary", "业主座谈会", "messageToUnits", false));
    complete(task(MassComplaintProcess.Element.ROOT_CAUSE, incident), withVariables("rootCause", "营销宣传与设计图不一致"));
    complete(task(MassComplaintProcess.Element.RESOLVE, incident), withVariables("resolutionSummary", "按宣传标准补偿业主"));
    runJobs(incident);
    for (ProcessInstance complaint : List.of(first, second, third)) {
      runJobs(complaint);
      assertThat(complaint).as("the incident's resolution ends the handling").hasPassed(Element.INCIDENT_RESOLVED)
          .isWaitingAt(Element.CALLBACK);
      assertThat(cases.find(complaint.getBusinessKey()).orElseThrow().handlingResult()).contains("按宣传标准补偿业主");
    }
    complete(task(MassComplaintProcess.Element.REVIEW, incident), withVariables("reviewCauses", "宣传失实", "reviewWhatWorked", "口径统一",
        "reviewLessons", "营销资料须经设计复核"));
    runJobs(incident);
    assertThat(incident).isEnded();
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, Object> intakeAt(String unit, String name, String phone, String description, String category) {
    Map<String, Object> variables = intake(description, category, null, "hotline");
    variables.put("unitCode", unit);
    variables.put("contactName", name);
    variables.put("contactPhone", phone);
    return variables;
  }

  private Map<String, Object> intake(String description, String category, String subcategory, String channel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", channel);
    variables.put("unitCode", "sz-sjhc-01-0801");
    variables.put("contactName", "张伟");
    variables.put("contactPhone", "13800000001");
    variables.put("category", category);
    variables.put("subcategory", subcategory);
    variables.put("description", description);
    return variables;
  }

  private ProcessInstance registerAtFrontDesk(Map<String, Object> intake) {
    return AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake));
  }

  private void replyNow(ProcessInstance complaint) {
    complete(taskAt(complaint, Element.REPLY), withVariables("replyText", "您好，已收到您的投诉，正在处理。"));
    runJobs(complaint);
  }

  private void runJobs(ProcessInstance instance) {
    ProcessTests.runDueJobs(managementService, identityService, instance.getId());
  }

  private Task taskAt(ProcessInstance instance, String activityId) {
    return task(activityId, instance);
  }

  /** The complaint's {@code labels} variable (JSON) as a map. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> labels(ProcessInstance complaint) {
    org.camunda.spin.plugin.variable.value.JsonValue labels =
        runtimeService.getVariableTyped(complaint.getId(), ComplaintProcess.Var.LABELS);
    return labels.getValue().mapTo(Map.class);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }


}
