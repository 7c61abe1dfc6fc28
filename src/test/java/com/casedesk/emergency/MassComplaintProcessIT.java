package com.casedesk.emergency;

import static com.casedesk.support.ProcessTests.at;
import static com.casedesk.support.ProcessTests.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.casedesk.complaint.ComplaintCase;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.emergency.MassComplaintProcess.Element;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.notification.OutboxEntry;
import com.casedesk.sla.SlaEvents;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of mass-complaint and emergency-drill-schedule, run by the engine with the real DMN
 * tables, delegates, complaint-handling and database; timers fire by moving the engine clock and
 * executing the due jobs. Coverage of both processes must be 100 % (complaint-handling's new paths
 * are covered by ComplaintHandlingProcessIT). Each test has a day of its own in June 2026, so that
 * the early-warning windows of different tests never overlap.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=mass-complaint-test")
@CaseDeskIntegrationTest
class MassComplaintProcessIT {

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

  private static final String[][] SJHC_UNITS = {
      {"sz-sjhc-01-0801", "张伟", "13800000001"}, {"sz-sjhc-01-0802", "周婷", "13800000012"},
      {"sz-sjhc-01-0901", "吴昊", "13800000013"}, {"sz-sjhc-01-1001", "郑爽", "13800000014"},
      {"sz-sjhc-02-0501", "冯刚", "13800000015"}, {"sz-sjhc-02-0601", "褚红", "13800000016"},
      {"sz-sjhc-02-0701", "卫东", "13800000017"}, {"sz-sjhc-01-1202", "李娜", "13800000002"}};

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintCases complaints;
  @Autowired MassIncidents incidents;
  @Autowired NotificationOutbox outbox;
  @Autowired SlaEvents slaEvents;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    init(processEngine);
  }

  /** A real incident a test leaves active would take in other tests' complaints: none is left. */
  @AfterEach
  void closeLeftoverIncidents() {
    ProcessTests.resetClock();
    for (String caseNumber : jdbc.sql("SELECT case_number FROM mass_incident WHERE status = 'ACTIVE' AND drill = FALSE")
        .query(String.class).list()) {
      String processInstanceId = incidents.find(caseNumber).orElseThrow().processInstanceId();
      if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtimeService.deleteProcessInstance(processInstanceId, "test cleanup");
      }
      incidents.closed(caseNumber);
    }
  }

  // ---------------------------------------------------------------- early warning, real incident end to end

  @Test
  void five_households_complaining_of_one_thing_within_24_hours_raise_an_incident_that_answers_them_with_one_voice() {
    LocalDateTime t0 = LocalDateTime.of(2026, 6, 1, 10, 0);
    setClock(t0);
    List<ProcessInstance> cluster = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cluster.add(registerComplaint(SJHC_UNITS[i], "engineering", "外墙渗水，雨后卧室墙面发霉"));
    }
    // the same household complaining again is still four households
    cluster.add(registerComplaint(SJHC_UNITS[0], "engineering", "外墙渗水还没人来看"));
    assertThat(complaints.find(cluster.get(4).getBusinessKey()).orElseThrow().massIncident()).isNull();
    assertThat(task(ComplaintProcess.Element.REPLY, cluster.get(0))).as("an ordinary complaint is answered by its owner").isNotNull();

    setClock(t0.plusHours(3));
    ProcessInstance fifthHousehold = registerComplaint(SJHC_UNITS[4], "engineering", "外墙渗水，阳台积水");
    cluster.add(fifthHousehold);
    String incidentNumber = complaints.find(fifthHousehold.getBusinessKey()).orElseThrow().massIncident();
    assertThat(incidentNumber).as("the fifth household raises the incident").matches("QS-20260601-\\d{4}");
    MassIncident incident = incidents.find(incidentNumber).orElseThrow();
    assertThat(incident.source()).isEqualTo("EARLY_WARNING");
    assertThat(incident.householdsAffected()).isEqualTo(5);
    assertThat(incident.description()).startsWith("系统预警：24小时内5户业主就同一工程质量问题投诉（6件）。外墙渗水");
    assertThat(incident.openKey()).isEqualTo("sz-sjhc|engineering");
    assertThat(complaints.linkedTo(incidentNumber)).extracting(ComplaintCase::caseNumber)
        .containsExactlyElementsOf(cluster.stream().map(ProcessInstance::getBusinessKey).toList());
    for (ProcessInstance complaint : cluster) {
      assertThat(complaint).as("no complaint answers on its own").isWaitingAt(ComplaintProcess.Element.AWAIT_UNIFIED_REPLY);
    }
    assertThat(cluster.get(0)).hasPassed(ComplaintProcess.Element.LINKED_TO_INCIDENT);

    ProcessInstance incidentProcess = incidentInstance(incidentNumber);
    runJobs(incidentProcess);
    assertThat(incidentProcess).isWaitingAt(Element.ASSEMBLE_TEAM, Element.ACKNOWLEDGE_GROUP_CENTRE)
        .variables().containsEntry("level", "III").containsEntry("notifyGroups", "project-gm,group-crc");
    assertThat(task(Element.ASSEMBLE_TEAM, incidentProcess)).hasCandidateGroup("project-gm");
    assertThat(task(Element.ASSEMBLE_TEAM, incidentProcess).getDueDate()).as("level III: team within 2 h of the warning")
        .isEqualTo(at(t0.plusHours(5)));
    assertThat(outbox.find(incidentNumber, "alert", "group:project-gm")).get()
        .satisfies(m -> assertThat(m.body()).contains("四季花城").contains(incidentNumber).doesNotContain("【演练】"));
    assertThat(outbox.find(incidentNumber, "alert", "group:group-crc")).isPresent();
    assertThat(outbox.find(incidentNumber, "alert", "group:company-head")).as("level III: not the company head").isEmpty();

    // a sixth household of the same cluster joins the active incident, no second incident
    ProcessInstance sixth = registerComplaint(SJHC_UNITS[5], "engineering", "外墙渗水");
    assertThat(complaints.find(sixth.getBusinessKey()).orElseThrow().massIncident()).isEqualTo(incidentNumber);
    assertThat(sixth).isWaitingAt(ComplaintProcess.Element.AWAIT_UNIFIED_REPLY);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mass_incident WHERE project_code = 'sz-sjhc' AND category = 'engineering' AND status = 'ACTIVE' AND drill = FALSE")
        .query(Integer.class).single()).isEqualTo(1);
    cluster.add(sixth);

    complete(task(Element.ASSEMBLE_TEAM, incidentProcess), withVariables("commander", "sz-manager", "responseTeam", "陈刚（总指挥）、吴斌（工程）"));
    complete(task(Element.ACKNOWLEDGE_GROUP_CENTRE, incidentProcess), withVariables("acknowledgementNote", "集团跟进"));
    Task draft = task(Element.DRAFT_REPLY, incidentProcess);
    assertThat(draft).isAssignedTo("sz-manager");
    complete(draft, withVariables("unifiedReplyDraft", "各位业主：外墙渗水问题已成立专项小组。"));
    // the GM sends the draft back once: nothing reaches owners meanwhile
    complete(task(Element.APPROVE_REPLY_GM, incidentProcess), withVariables("approved", false, "rejectionNote", "请写明整改时间"));
    assertThat(incidentProcess).isWaitingAt(Element.DRAFT_REPLY).variables().containsEntry("rejectionNote", "请写明整改时间");
    assertThat(outbox.find(cluster.get(0).getBusinessKey(), "reply", "13800000001")).isEmpty();
    String unified = "各位业主：外墙渗水问题已成立专项小组，三天内公布整改方案，七天内完成修复。";
    complete(task(Element.DRAFT_REPLY, incidentProcess), withVariables("unifiedReplyDraft", unified));
    complete(task(Element.APPROVE_REPLY_GM, incidentProcess), withVariables("approved", true));
    assertThat(incidentProcess).as("level III: the GM's approval is enough").isWaitingAt(Element.PUBLISH_UNIFIED_REPLY)
        .hasNotPassed(Element.APPROVE_REPLY_GROUP_CENTRE);
    runJobs(incidentProcess);
    for (ProcessInstance complaint : cluster) {
      assertThat(outbox.find(complaint.getBusinessKey(), "reply", phoneOf(complaint))).as("unified reply to " + complaint.getBusinessKey())
          .get().satisfies(m -> assertThat(m.body()).contains(unified).contains(complaint.getBusinessKey()));
      assertThat(complaints.find(complaint.getBusinessKey()).orElseThrow().replyText()).isEqualTo(unified);
    }
    // a complaint linked after the publication sends the unified reply at once
    ProcessInstance late = registerComplaint(SJHC_UNITS[6], "engineering", "外墙渗水");
    runJobs(late);
    assertThat(outbox.find(late.getBusinessKey(), "reply", SJHC_UNITS[6][2])).get().satisfies(m -> assertThat(m.body()).contains(unified));
    cluster.add(late);

    assertThat(incidentProcess).isWaitingAt(Element.COMMUNICATE, Element.ROOT_CAUSE, Element.PUBLISH_UPDATE)
        .hasNotPassed(Element.LIAISON);
    assertThat(task(Element.ROOT_CAUSE, incidentProcess)).hasCandidateGroup("engineering");
    setClock(t0.plusHours(8));
    complete(task(Element.COMMUNICATE, incidentProcess), withVariables("communicationMeans", "meeting",
        "communicationSummary", "召开业主座谈会，说明整改计划", "messageToUnits", true, "ownerMessage", "本周六上午10点在会所召开业主座谈会。"));
    Set<String> phones = new LinkedHashSet<>();
    cluster.forEach(c -> phones.add(phoneOf(c)));
    for (String phone : phones) {
      assertThat(outbox.find(incidentNumber, "owner-notice", phone)).as("notice to " + phone).get()
          .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxEntry.PENDING));
    }
    complete(task(Element.PUBLISH_UPDATE, incidentProcess), withVariables("progressText", "工程部已完成外墙勘察。"));
    assertThat(outbox.find(incidentNumber, "progress-1", "13800000001")).isPresent();
    assertThat(incidentProcess).isWaitingAt(Element.NEXT_CYCLE);
    complete(task(Element.ROOT_CAUSE, incidentProcess), withVariables("rootCause", "外墙防水层施工缺陷"));
    setClock(t0.plusDays(3));
    complete(task(Element.RESOLVE, incidentProcess), withVariables("resolutionSummary", "外墙已修补，淋水试验合格"));
    runJobs(incidentProcess);

    for (ProcessInstance complaint : cluster) {
      assertThat(complaint).as("resolving the incident moves every linked complaint to its callback")
          .isWaitingAt(ComplaintProcess.Element.CALLBACK);
      ComplaintCase record = complaints.find(complaint.getBusinessKey()).orElseThrow();
      assertThat(record.status()).isEqualTo("RESOLVED");
      assertThat(record.handlingResult()).contains(incidentNumber).contains("淋水试验合格");
    }
    assertThat(incidents.find(incidentNumber).orElseThrow().status()).isEqualTo(MassIncident.RESOLVED);
    assertThat(incidents.find(incidentNumber).orElseThrow().openKey()).isNull();

    complete(task(Element.REVIEW, incidentProcess), withVariables("reviewCauses", "防水施工监管不到位",
        "reviewWhatWorked", "统一口径及时", "reviewLessons", "外墙防水增加隐蔽工程验收"));
    runJobs(incidentProcess);
    assertThat(incidentProcess).isEnded().hasPassed(Element.END_INCIDENT_CLOSED);
    MassIncident closed = incidents.find(incidentNumber).orElseThrow();
    assertThat(closed.status()).isEqualTo(MassIncident.CLOSED);
    assertThat(closed.commander()).isEqualTo("sz-manager");
    assertThat(closed.rootCause()).isEqualTo("外墙防水层施工缺陷");
    assertThat(closed.progressUpdates()).isEqualTo(1);
    assertThat(incidents.steps(incidentNumber)).allSatisfy(step -> assertThat(step.doneAt()).as(step.step()).isNotNull());
    assertThat(slaEvents.forCase(incidentNumber)).isNotEmpty().noneMatch(SlaEvents.RecordedSlaEvent::drill);
  }

  @Test
  void fewer_than_five_households_raise_no_incident() {
    setClock(LocalDateTime.of(2026, 6, 3, 10, 0));
    List<ProcessInstance> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(registerComplaint(SJHC_UNITS[i], "design", "户型与样板房不符"));
      four.add(registerComplaint(SJHC_UNITS[i], "design", "户型与样板房不符，再次投诉"));
    }
    for (ProcessInstance complaint : four) {
      assertThat(complaints.find(complaint.getBusinessKey()).orElseThrow().massIncident()).isNull();
      assertThat(complaint).isWaitingAt(ComplaintProcess.Element.REPLY, ComplaintProcess.Element.HANDLE);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mass_incident WHERE project_code = 'sz-sjhc' AND category = 'design'")
        .query(Integer.class).single()).isZero();
  }

  // ---------------------------------------------------------------- level I, approvals and every escalation

  @Test
  void a_level_one_incident_involves_the_company_head_and_group_approval_and_every_missed_target_escalates() {
    LocalDateTime t0 = LocalDateTime.of(2026, 6, 5, 10, 0);
    setClock(t0);
    ProcessInstance complaint = registerComplaint(SJHC_UNITS[7], "property", "电梯困人，业主聚集在物业中心");
    ProcessInstance incidentProcess = declare("sz-supervisor", declaration("sz-sjhc", "property", 8, false, true,
        "电梯困人后业主聚集，要求更换电梯", complaint.getBusinessKey()));
    String incidentNumber = incidentProcess.getBusinessKey();
    assertThat(incidents.find(incidentNumber).orElseThrow().source()).isEqualTo("MANUAL");
    assertThat(incidents.find(incidentNumber).orElseThrow().declaredBy()).isEqualTo("sz-supervisor");
    assertThat(complaint).as("declared by hand, the named complaint joins").isWaitingAt(ComplaintProcess.Element.AWAIT_UNIFIED_REPLY);
    runJobs(incidentProcess);
    assertThat(incidentProcess).isWaitingAt(Element.ASSEMBLE_TEAM, Element.ACKNOWLEDGE_GROUP_CENTRE, Element.ACKNOWLEDGE_COMPANY_HEAD)
        .variables().containsEntry("level", "I");
    assertThat(task(Element.ACKNOWLEDGE_COMPANY_HEAD, incidentProcess)).hasCandidateGroup("company-head");
    assertThat(outbox.find(incidentNumber, "alert", "group:company-head")).isPresent();

    setClock(t0.plusMinutes(61));
    runJobs(incidentProcess);
    assertThat(incidentProcess).as("level I: team within 1 h").hasPassed(Element.ESCALATE_MOBILISATION);
    assertThat(outbox.find(incidentNumber, "escalation-assemble-team", "group:group-crc")).isPresent();
    assertThat(outbox.find(incidentNumber, "escalation-assemble-team", "group:company-head")).isPresent();
    assertThatThrownBy(() -> complete(task(Element.ASSEMBLE_TEAM, incidentProcess),
        withVariables("commander", "sh-gm", "responseTeam", "上海的人")))
        .as("the commander works for the company").hasMessageContaining("commander");
    complete(task(Element.ASSEMBLE_TEAM, incidentProcess), withVariables("commander", "sz-gm", "responseTeam", "郑国华、马超"));
    complete(task(Element.ACKNOWLEDGE_GROUP_CENTRE, incidentProcess), withVariables("acknowledgementNote", "集团派员"));
    complete(task(Element.ACKNOWLEDGE_COMPANY_HEAD, incidentProcess), withVariables("acknowledgementNote", "总经理亲自过问"));

    complete(task(Element.DRAFT_REPLY, incidentProcess), withVariables("unifiedReplyDraft", "各位业主：电梯已停用检修。"));
    complete(task(Element.APPROVE_REPLY_GM, incidentProcess), withVariables("approved", true));
    complete(task(Element.APPROVE_REPLY_GROUP_CENTRE, incidentProcess), withVariables("approved", false, "rejectionNote", "须说明更换计划"));
    assertThat(incidentProcess).isWaitingAt(Element.DRAFT_REPLY).variables().containsEntry("gmApproved", true);
    setClock(t0.plusMinutes(121));
    runJobs(incidentProcess);
    assertThat(incidentProcess).as("level I: reply within 2 h").hasPassed(Element.ESCALATE_UNIFIED_REPLY);
    complete(task(Element.DRAFT_REPLY, incidentProcess), withVariables("unifiedReplyDraft", "各位业主：电梯已停用，一个月内整体更换。"));
    complete(task(Element.APPROVE_REPLY_GM, incidentProcess), withVariables("approved", true));
    complete(task(Element.APPROVE_REPLY_GROUP_CENTRE, incidentProcess), withVariables("approved", true));
    runJobs(incidentProcess);
    runJobs(complaint);
    assertThat(outbox.find(complaint.getBusinessKey(), "reply", "13800000002")).get()
        .satisfies(m -> assertThat(m.body()).contains("一个月内整体更换"));
    assertThat(incidentProcess).isWaitingAt(Element.COMMUNICATE, Element.ROOT_CAUSE, Element.LIAISON, Element.PUBLISH_UPDATE);
    assertThat(task(Element.LIAISON, incidentProcess)).hasCandidateGroup("group-crc");
    assertThat(task(Element.PUBLISH_UPDATE, incidentProcess).getDueDate()).as("level I: every 12 h").isEqualTo(at(t0.plusHours(12)));

    setClock(t0.plusHours(12).plusMinutes(1));
    runJobs(incidentProcess);
    assertThat(incidentProcess).hasPassed(Element.UPDATE_MISSED, "ServiceTask_EscalateOwnerCommunication");
    assertThat(task(Element.SUPERVISE_MISSED_UPDATE, incidentProcess)).hasCandidateGroup("group-crc");
    assertThat(outbox.find(incidentNumber, "escalation-progress-update-1", "group:group-crc")).isPresent();
    assertThat(incidents.find(incidentNumber).orElseThrow().missedUpdates()).isEqualTo(1);
    complete(task(Element.SUPERVISE_MISSED_UPDATE, incidentProcess), withVariables("supervisionNote", "请立即通报"));
    complete(task(Element.PUBLISH_UPDATE, incidentProcess), withVariables("progressText", "新电梯已订货"));
    runJobs(incidentProcess);
    assertThat(incidentProcess).as("the next cycle's update").hasPassed(Element.NEXT_CYCLE).variables().containsEntry("updateRound", 2);
    assertThat(task(Element.PUBLISH_UPDATE, incidentProcess).getDueDate()).isEqualTo(at(t0.plusHours(24)));

    setClock(t0.plusHours(24).plusMinutes(1));
    complete(task(Element.PUBLISH_UPDATE, incidentProcess), withVariables("progressText", "新电梯下周安装"));
    runJobs(incidentProcess);
    assertThat(incidentProcess).hasPassed("ServiceTask_EscalateLiaison");
    complete(task(Element.COMMUNICATE, incidentProcess), withVariables("communicationMeans", "notice-board",
        "communicationSummary", "公告栏张贴更换计划", "messageToUnits", false));
    complete(task(Element.LIAISON, incidentProcess), withVariables("liaisonSummary", "已向区质监站报备"));
    setClock(t0.plusDays(2).plusMinutes(1));
    runJobs(incidentProcess);
    assertThat(incidentProcess).hasPassed("ServiceTask_EscalateRootCause");
    complete(task(Element.ROOT_CAUSE, incidentProcess), withVariables("rootCause", "电梯曳引机老化"));
    setClock(t0.plusDays(5).plusMinutes(1));
    runJobs(incidentProcess);
    assertThat(incidentProcess).hasPassed("ServiceTask_EscalateResolve");
    complete(task(Element.RESOLVE, incidentProcess), withVariables("resolutionSummary", "新电梯已安装并通过验收"));
    runJobs(incidentProcess);
    runJobs(complaint);
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.CALLBACK);

    setClock(t0.plusDays(10).plusMinutes(1));
    runJobs(incidentProcess);
    assertThat(incidentProcess).hasPassed("ServiceTask_EscalateReview");
    complete(task(Element.REVIEW, incidentProcess), withVariables("reviewCauses", "维保不到位", "reviewWhatWorked", "集团介入快",
        "reviewLessons", "设计选型时提高电梯配置标准"));
    runJobs(incidentProcess);
    assertThat(incidentProcess).isEnded().hasPassed(Element.END_INCIDENT_CLOSED);
    assertThat(incidents.steps(incidentNumber)).filteredOn(MassIncidents.Step::escalated).extracting(MassIncidents.Step::step)
        .containsExactlyInAnyOrder("assemble-team", "unified-reply", "owner-communication", "liaison", "root-cause", "resolve", "review");
  }

  @Test
  void a_declaration_is_refused_with_its_reasons_and_nothing_starts() {
    setClock(LocalDateTime.of(2026, 6, 10, 10, 0));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MassComplaintProcess.PROCESS_KEY).count();
    Map<String, Object> drill = declaration("sz-sjhc", "other", 12, false, false, "演练", null);
    drill.put("drill", true);
    assertThatThrownBy(() -> declare("sz-supervisor", drill)).hasMessageContaining("只有集团客户关系中心可以发起演练");
    assertThatThrownBy(() -> declare("sz-supervisor", declaration("sz-nowhere", "other", 0, false, false, "<b>x</b>", null)))
        .hasMessageContaining("projectCode：项目不存在").hasMessageContaining("householdsAffected")
        .hasMessageContaining("description：不能包含HTML标记");
    ProcessInstance shComplaint = registerComplaintAt("sh-frontdesk", "sh-jyhf-03-0602", "杨帆", "13900000006", "other", "其他问题");
    assertThatThrownBy(() -> declare("sz-supervisor", declaration("sz-sjhc", "other", 12, false, false, "噪音扰民",
        shComplaint.getBusinessKey()))).hasMessageContaining("不属于项目 sz-sjhc");

    ProcessInstance first = declare("sz-supervisor", declaration("sz-sjhc", "other", 12, false, false, "装修噪音扰民", null));
    assertThatThrownBy(() -> declare("sz-gm", declaration("sz-sjhc", "other", 20, false, false, "装修噪音", null)))
        .hasMessageContaining("已有进行中的群诉事件 " + first.getBusinessKey());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MassComplaintProcess.PROCESS_KEY).count())
        .isEqualTo(before + 1);
  }

  // ---------------------------------------------------------------- drills

  @Test
  void a_drill_runs_the_same_process_sends_nothing_to_owners_marks_every_task_and_is_evaluated_step_by_step() {
    LocalDateTime t0 = LocalDateTime.of(2026, 6, 8, 10, 0);
    setClock(t0);
    Map<String, Object> variables = declaration("sz-sjhc", "engineering", 30, false, false, "多户业主反映外墙渗水（演练）", null);
    variables.put("drill", true);
    ProcessInstance drill = declare("crc", variables);
    String drillNumber = drill.getBusinessKey();
    runJobs(drill);
    List<ComplaintCase> simulated = complaints.linkedTo(drillNumber);
    assertThat(simulated).hasSize(5).allSatisfy(c -> {
      assertThat(c.drill()).isTrue();
      assertThat(c.description()).startsWith("【演练】");
    });
    assertThat(incidents.find(drillNumber).orElseThrow().openKey()).as("a drill blocks no real incident").isNull();
    assertThat(drill).isWaitingAt(Element.ASSEMBLE_TEAM, Element.ACKNOWLEDGE_GROUP_CENTRE).variables().containsEntry("level", "II");
    assertThat(outbox.find(drillNumber, "alert", "group:project-gm")).get()
        .satisfies(m -> {
          assertThat(m.body()).startsWith("【演练】");
          assertThat(m.status()).as("a drill's messages never leave, staff alerts included").isEqualTo(OutboxEntry.SUPPRESSED);
        });

    setClock(t0.plusMinutes(30));
    complete(task(Element.ASSEMBLE_TEAM, drill), withVariables("commander", "sz-manager", "responseTeam", "陈刚、吴斌"));
    complete(task(Element.ACKNOWLEDGE_GROUP_CENTRE, drill), withVariables("acknowledgementNote", "演练开始"));
    setClock(t0.plusHours(2));
    complete(task(Element.DRAFT_REPLY, drill), withVariables("unifiedReplyDraft", "各位业主：外墙渗水已成立专项小组（演练）。"));
    setClock(t0.plusHours(3));
    complete(task(Element.APPROVE_REPLY_GM, drill), withVariables("approved", true));
    runJobs(drill);
    setClock(t0.plusHours(20));
    complete(task(Element.PUBLISH_UPDATE, drill), withVariables("progressText", "工程部已勘察（演练）"));
    setClock(t0.plusHours(30));
    runJobs(drill);
    assertThat(drill).hasPassed("ServiceTask_EscalateOwnerCommunication");
    complete(task(Element.COMMUNICATE, drill), withVariables("communicationMeans", "message", "communicationSummary", "短信通知",
        "messageToUnits", true, "ownerMessage", "周六召开座谈会（演练）"));
    setClock(t0.plusHours(46));
    runJobs(drill);
    complete(task(Element.PUBLISH_UPDATE, drill), withVariables("progressText", "修补方案已定（演练）"));
    setClock(t0.plusHours(47));
    complete(task(Element.ROOT_CAUSE, drill), withVariables("rootCause", "外墙防水层施工缺陷（演练）"));
    setClock(t0.plusDays(6));
    complete(task(Element.RESOLVE, drill), withVariables("resolutionSummary", "外墙已修补（演练）"));
    runJobs(drill);
    setClock(t0.plusDays(8));
    complete(task(Element.REVIEW, drill), withVariables("reviewCauses", "演练", "reviewWhatWorked", "口径及时",
        "reviewLessons", "业主沟通要在24小时内"));
    runJobs(drill);
    assertThat(drill).isWaitingAt(Element.REVIEW_DRILL_EVALUATION);

    // every task of the drill, the simulated complaints' included, is marked
    List<String> taskNames = new ArrayList<>();
    org.camunda.bpm.engine.HistoryService history = processEngine.getHistoryService();
    for (String pid : drillInstances(drillNumber)) {
      history.createHistoricTaskInstanceQuery().processInstanceId(pid).list().forEach(t -> taskNames.add(t.getName()));
    }
    assertThat(taskNames).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(name).startsWith("【演练】"));
    // nothing reached an owner: every owner message was recorded and suppressed
    List<OutboxEntry> toOwners = new ArrayList<>(outbox.forCase(drillNumber));
    simulated.forEach(c -> toOwners.addAll(outbox.forCase(c.caseNumber())));
    assertThat(toOwners.stream().filter(m -> "OWNER".equals(m.recipientKind())).toList())
        .extracting(OutboxEntry::purpose).contains("reply", "owner-notice", "progress-1", "progress-2");
    assertThat(toOwners).filteredOn(m -> "OWNER".equals(m.recipientKind()))
        .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxEntry.SUPPRESSED));
    assertThat(slaEvents.forCase(drillNumber)).isNotEmpty().allMatch(SlaEvents.RecordedSlaEvent::drill);
    assertThat(complaints.openForCompany("sz")).as("drills stay out of the daily inventory")
        .noneMatch(ComplaintCase::drill);

    // the evaluation of the scripted timeline
    DrillEvaluationsView evaluation = new DrillEvaluationsView(rest.withBasicAuth("crc", "demo")
        .getForEntity("/api/reports/drills/" + drillNumber, JsonNode.class));
    assertThat(evaluation.status()).isEqualTo(HttpStatus.OK);
    assertThat(evaluation.minutesByStep()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "alert", 0L, "assemble-team", 30L, "unified-reply", 180L, "first-update", 1200L,
        "owner-communication", 1800L, "root-cause", 2820L, "resolve", 8640L, "review", 11520L));
    assertThat(evaluation.failedSteps()).containsExactly("owner-communication");
    assertThat(evaluation.body().get("passed").asBoolean()).isFalse();
    assertThat(evaluation.body().get("stepsPassed").asInt()).isEqualTo(7);
    assertThat(evaluation.body().get("stepsTotal").asInt()).isEqualTo(8);
    assertThat(runtimeService.getVariable(drill.getId(), "drillEvaluationText").toString())
        .contains("未通过（7/8 个环节达标）").contains("✘ 业主沟通：目标 24小时，实际 30小时（曾升级）");
    assertThat(rest.withBasicAuth("sh-gm", "demo").getForEntity("/api/reports/drills/" + drillNumber, String.class).getStatusCode())
        .as("another company's drill").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("sz-frontdesk", "demo").getForEntity("/api/reports/drills/" + drillNumber, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    setClock(t0.plusDays(11).plusMinutes(1));
    runJobs(drill);
    assertThat(drill).hasPassed("ServiceTask_EscalateDrillEvaluation");
    complete(task(Element.REVIEW_DRILL_EVALUATION, drill), withVariables("evaluationComment", "业主沟通环节超时，需加强"));
    assertThat(drill).isEnded().hasPassed(Element.END_DRILL_CLOSED);
  }

  @Test
  void the_schedule_starts_a_drill_in_every_company_each_quarter() {
    Job schedule = managementService.createJobQuery().processDefinitionKey(MassComplaintProcess.SCHEDULE_PROCESS_KEY)
        .timers().singleResult();
    LocalDateTime due = LocalDateTime.ofInstant(schedule.getDuedate().toInstant(), ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).isEqualTo(15);
    assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
    assertThat(due.toLocalTime()).hasToString("10:00");

    setClock(LocalDateTime.of(2026, 6, 12, 10, 0));
    Set<String> before = new LinkedHashSet<>(drillCaseNumbers());
    ProcessTests.executeAsJobExecutor(managementService, identityService, schedule);
    ProcessInstance run = runtimeService.createProcessInstanceQuery().processDefinitionKey(MassComplaintProcess.SCHEDULE_PROCESS_KEY)
        .active().singleResult();
    runJobs(run);
    assertThat(run).isEnded();
    List<String> started = drillCaseNumbers().stream().filter(number -> !before.contains(number)).toList();
    assertThat(started).hasSize(2);
    assertThat(started.stream().map(number -> incidents.find(number).orElseThrow().companyCode()).toList())
        .containsExactlyInAnyOrder("sz", "sh");
    assertThat(started).allSatisfy(number -> assertThat(incidents.find(number).orElseThrow().source()).isEqualTo("DRILL"));
  }

  // ---------------------------------------------------------------- helpers

  private record DrillEvaluationsView(HttpStatus status, JsonNode body) {
    DrillEvaluationsView(ResponseEntity<JsonNode> response) {
      this(HttpStatus.valueOf(response.getStatusCode().value()), response.getBody());
    }

    Map<String, Long> minutesByStep() {
      Map<String, Long> minutes = new HashMap<>();
      body.get("steps").forEach(step -> minutes.put(step.get("step").asText(), step.get("actualMinutes").asLong()));
      return minutes;
    }

    List<String> failedSteps() {
      List<String> failed = new ArrayList<>();
      body.get("steps").forEach(step -> {
        if (!step.get("passed").asBoolean()) {
          failed.add(step.get("step").asText());
        }
      });
      return failed;
    }
  }

  private ProcessInstance registerComplaint(String[] unit, String category, String description) {
    return registerComplaintAt("sz-frontdesk", unit[0], unit[1], unit[2], category, description);
  }

  private ProcessInstance registerComplaintAt(String user, String unit, String name, String phone, String category,
      String description) {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "hotline");
    intake.put("unitCode", unit);
    intake.put("contactName", name);
    intake.put("contactPhone", phone);
    intake.put("category", category);
    intake.put("description", description);
    ProcessInstance complaint = AsUser.call(identityService, user,
        () -> runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake));
    runJobs(complaint);
    return complaint;
  }

  private static Map<String, Object> declaration(String project, String category, int households, boolean media,
      boolean safety, String description, String linked) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("projectCode", project);
    variables.put("category", category);
    variables.put("householdsAffected", households);
    variables.put("mediaAttention", media);
    variables.put("safetyRisk", safety);
    variables.put("description", description);
    variables.put("linkedComplaints", linked);
    variables.put("buildingCode", ""); // Tasklist submits an empty optional field as ""
    return variables;
  }

  private ProcessInstance declare(String user, Map<String, Object> variables) {
    return AsUser.call(identityService, user,
        () -> runtimeService.startProcessInstanceByKey(MassComplaintProcess.PROCESS_KEY, variables));
  }

  private ProcessInstance incidentInstance(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MassComplaintProcess.PROCESS_KEY).singleResult();
  }

  private String phoneOf(ProcessInstance complaint) {
    return complaints.find(complaint.getBusinessKey()).orElseThrow().contactPhone();
  }

  private List<String> drillInstances(String drillNumber) {
    List<String> ids = new ArrayList<>();
    ids.add(incidents.find(drillNumber).orElseThrow().processInstanceId());
    complaints.linkedTo(drillNumber).forEach(c -> ids.add(c.processInstanceId()));
    return ids;
  }

  private List<String> drillCaseNumbers() {
    return jdbc.sql("SELECT case_number FROM mass_incident WHERE drill = TRUE").query(String.class).list();
  }

  /**
   * Executes the due jobs of the instance and, for an incident, of every complaint linked to it,
   * until none is left (the jobs of other tests' instances are left alone).
   */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 100; round++) {
      Set<String> ids = new LinkedHashSet<>();
      ids.add(instance.getId());
      if (instance.getBusinessKey() != null && instance.getBusinessKey().startsWith("QS-")) {
        complaints.linkedTo(instance.getBusinessKey()).forEach(c -> ids.add(c.processInstanceId()));
      }
      List<Job> due = new ArrayList<>();
      for (String id : ids) {
        due.addAll(managementService.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      // a job may have gone meanwhile (a timer cancelled by the job before it)
      due.stream().filter(job -> managementService.createJobQuery().jobId(job.getId()).count() == 1)
          .forEach(job -> ProcessTests.executeAsJobExecutor(managementService, identityService, job));
    }
    throw new AssertionError("jobs keep coming for " + instance.getId());
  }
}
