package com.casedesk.handover;

import static com.casedesk.support.ProcessTests.at;
import static com.casedesk.support.ProcessTests.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.casedesk.handover.HandoverProcess.Defect;
import com.casedesk.handover.HandoverProcess.Element;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.notification.OutboxEntry;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of unit-handover, unit-handover-batch and defect-rectification, run by the engine
 * with the real DMN, delegates and database; timers fire by moving the engine clock and executing
 * the due jobs as the job executor would. Coverage of the three processes must be 100 %. Each
 * test hands over units of its own (a unit is handed over once).
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=handover-test")
@CaseDeskIntegrationTest
class HandoverProcessIT {

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

  /** Monday 6 July 2026, 10:00 in Shanghai: an ordinary working week */
  private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 7, 6, 10, 0);
  /** Monday 3 August 2026, 10:00: the month of the contractor statistics the first test checks */
  private static final LocalDateTime AUGUST = LocalDateTime.of(2026, 8, 3, 10, 0);
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired UnitHandovers handovers;
  @Autowired UnitDefects defects;
  @Autowired NotificationOutbox outbox;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    init(processEngine);
    setClock(MONDAY);
  }

  @AfterEach
  void resetClock() {
    ProcessTests.resetClock();
  }

  // ---------------------------------------------------------------- the whole life of a handover

  @Test
  void an_owner_takes_the_keys_with_defects_that_are_rectified_verified_and_confirmed_and_is_reminded_before_each_warranty_ends() {
    setClock(AUGUST);
    ProcessInstance handover = schedule("sz-sjhc-01-1202", at(AUGUST.plusDays(2)), true);
    String handoverNumber = handover.getBusinessKey();
    assertThat(handoverNumber).matches("JF-20260803-\\d{4}");
    assertThat(handover.getTenantId()).isEqualTo("sz");
    runJobs(handover);
    Task pre = task(Element.PRE_INSPECTION, handover);
    assertThat(pre).isAssignedTo("sz-frontdesk");
    assertThat(pre.getDueDate()).as("before the handover").isEqualTo(at(AUGUST.plusDays(2)));
    completeAs("sz-frontdesk", pre, Map.of("preInspectionRemarks", "客厅墙面有细小裂缝"));

    setClock(AUGUST.plusDays(2).plusMinutes(30));
    Task inspection = task(Element.JOINT_INSPECTION, handover);
    assertThat(taskService.createTaskQuery().taskId(inspection.getId()).initializeFormKeys().singleResult().getFormKey())
        .as("photos are uploaded: an embedded form").isEqualTo("embedded:deployment:forms/unit-joint-inspection.html");
    Map<String, Object> found = inspection(true, null,
        defect("主卫", "地面", "waterproof", "地漏周边渗水", "defectPhoto1"),
        defect("客厅", "推拉门", "door-window", "推拉门关不严"));
    found.put("defectPhoto1", Variables.fileValue("leak.jpg").file(JPEG).mimeType("image/jpeg").create());
    completeAs("sz-frontdesk", inspection, found);
    List<UnitDefects.Defect> recorded = defects.ofHandover(handoverNumber);
    assertThat(recorded).hasSize(2).allSatisfy(d -> {
      assertThat(d.caseNumber()).matches("ZG-20260805-\\d{4}");
      assertThat(d.recordedBy()).as("the staff member who recorded it owns it").isEqualTo("sz-frontdesk");
    });
    assertThat(defects.photos(recorded.get(0).caseNumber())).extracting(UnitDefects.Photo::fileName).containsExactly("leak.jpg");
    assertThat(runtimeService.getVariable(handover.getId(), "defectPhoto1")).as("the photo lives in the case file").isNull();

    runJobs(handover);
    assertThat(handover).hasPassed(Element.HAND_OVER_KEYS).isWaitingAt(Element.CARE_VISIT, Element.WARRANTY_REMINDER_DUE);
    assertThat(handovers.find(handoverNumber).orElseThrow().status()).isEqualTo("HANDED_OVER");
    assertThat(outbox.find(handoverNumber, "welcome", "13800000002")).get()
        .satisfies(m -> assertThat(m.body()).contains("林晓").contains("0755-83001234").contains("四季花城"));
    // one reminder a month before each warranty item ends, as timers in the database
    List<Job> timers = managementService.createJobQuery().processInstanceId(handover.getId()).timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).extracting(Job::getDuedate).containsExactly(
        at(AUGUST.plusDays(9).plusMinutes(30)),     // the care visit: within a week of the keys
        at(LocalDateTime.of(2028, 2, 15, 10, 0)),   // heating/cooling: 2 heating seasons, to 15 March 2028
        at(LocalDateTime.of(2028, 7, 5, 10, 0)),    // electrical, plumbing, equipment: 2 years
        at(LocalDateTime.of(2028, 7, 5, 10, 0)),    // decoration: 2 years
        at(LocalDateTime.of(2031, 7, 5, 10, 0)));   // waterproofing: 5 years
    assertThat(task(Element.CARE_VISIT, handover).getDueDate()).isEqualTo(at(AUGUST.plusDays(9).plusMinutes(30)));

    // the leak: assigned to the waterproofing contractor, whose first try fails verification
    ProcessInstance leak = rectification(recorded.get(0).caseNumber());
    runJobs(leak);
    Task assign = task(Defect.ASSIGN, leak);
    assertThat(assign).hasCandidateGroup("rectification");
    completeAs("sz-rectify", assign, Map.of("contractorCode", "pengcheng"));
    Task rectify = task(Defect.RECTIFY, leak);
    assertThat(rectify).hasCandidateGroup("contractor-pengcheng");
    assertThat(rectify.getDueDate()).as("waterproofing: 15 working days").isEqualTo(at(LocalDateTime.of(2026, 8, 26, 10, 30)));
    assertThat(visibleTo("pengcheng", leak)).containsExactly(Defect.RECTIFY);
    assertThat(visibleTo("shenda", leak)).as("another contractor sees nothing of it").isEmpty();
    completeAs("pengcheng", rectify, Map.of("rectificationNote", "已修补地漏"));
    completeAs("sz-engineering", task(Defect.VERIFY, leak), Map.of("verificationPassed", false, "verificationNote", "闭水试验仍渗水"));
    assertThat(leak).isWaitingAt(Defect.RECTIFY);
    assertThat(defects.find(leak.getBusinessKey()).orElseThrow().reworkCount()).isEqualTo(1);
    completeAs("pengcheng", task(Defect.RECTIFY, leak), Map.of("rectificationNote", "重做防水层并闭水48小时"));
    completeAs("sz-engineering", task(Defect.VERIFY, leak), Map.of("verificationPassed", true));
    Task confirm = task(Defect.OWNER_CONFIRMATION, leak);
    assertThat(confirm).isAssignedTo("sz-frontdesk");
    // the owner confirms in the app, with the phone on file
    assertThat(confirmOnline(leak.getBusinessKey(), "13900009999", true).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(confirmOnline("ZG-20260805-9999", "13800000002", true).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(confirmOnline(leak.getBusinessKey(), "13800000002", true).getStatusCode()).isEqualTo(HttpStatus.OK);
    runJobs(leak);
    assertThat(leak).hasPassed(Defect.CONFIRMED_ONLINE).isEnded().hasPassed(Defect.END_CLOSED);
    assertThat(defects.find(leak.getBusinessKey()).orElseThrow()).satisfies(d -> {
      assertThat(d.status()).isEqualTo("CLOSED");
      assertThat(d.confirmedBy()).isEqualTo("owner");
      assertThat(d.rectifiedOnTime()).isTrue();
    });
    assertThat(confirmOnline(leak.getBusinessKey(), "13800000002", true).getStatusCode()).as("nothing left to confirm")
        .isEqualTo(HttpStatus.CONFLICT);

    // the door: the owner does not accept the first rectification, staff record it
    ProcessInstance door = rectification(recorded.get(1).caseNumber());
    runJobs(door);
    completeAs("sz-rectify", task(Defect.ASSIGN, door), Map.of("contractorCode", "shenda"));
    completeAs("shenda", task(Defect.RECTIFY, door), Map.of("rectificationNote", "调整门轨"));
    completeAs("sz-engineering", task(Defect.VERIFY, door), Map.of("verificationPassed", true));
    completeAs("sz-frontdesk", task(Defect.OWNER_CONFIRMATION, door), Map.of("ownerSatisfied", false, "confirmationNote", "仍有缝隙"));
    assertThat(door).hasPassed(Defect.REOPEN).isWaitingAt(Defect.RECTIFY);
    completeAs("shenda", task(Defect.RECTIFY, door), Map.of("rectificationNote", "更换密封条"));
    completeAs("sz-engineering", task(Defect.VERIFY, door), Map.of("verificationPassed", true));
    // this time the owner confirms on the owners' page, with the phone on file
    JsonNode tracked = ownerPage("/owner/api/track", "{\"caseNumber\":\"" + door.getBusinessKey() + "\",\"phone\":\"13800000002\"}");
    assertThat(tracked.get("canConfirm").asBoolean()).isTrue();
    assertThat(tracked.get("statusLabel").asText()).isEqualTo("整改完成，待您确认");
    JsonNode confirmed = ownerPage("/owner/api/defects/confirm",
        "{\"caseNumber\":\"" + door.getBusinessKey() + "\",\"phone\":\"13800000002\",\"satisfied\":true}");
    assertThat(confirmed.get("satisfied").asBoolean()).isTrue();
    runJobs(door);
    assertThat(door).isEnded().hasPassed(Defect.END_CLOSED);
    assertThat(defects.find(door.getBusinessKey()).orElseThrow().reworkCount()).isEqualTo(1);

    completeAs("sz-frontdesk", task(Element.CARE_VISIT, handover), Map.of("careVisitNote", "业主已入住，无其他需求"));
    setClock(LocalDateTime.of(2028, 2, 15, 10, 1));
    runJobs(handover);
    assertThat(outbox.find(handoverNumber, "warranty-heating-cooling", "13800000002")).get()
        .satisfies(m -> assertThat(m.body()).contains("供热与供冷系统").contains("2028-03-15"));
    assertThat(outbox.find(handoverNumber, "warranty-waterproofing", "13800000002")).isEmpty();
    setClock(LocalDateTime.of(2031, 7, 5, 10, 1));
    runJobs(handover);
    assertThat(outbox.forCase(handoverNumber)).filteredOn(m -> m.purpose().startsWith("warranty-"))
        .extracting(OutboxEntry::purpose).containsExactlyInAnyOrder("warranty-waterproofing", "warranty-heating-cooling",
            "warranty-electrical", "warranty-decoration");
    assertThat(handover).isEnded().hasPassed(Element.END_COMPLETE);

    // the unit case file: the handover, both defects with their rework, photos and history
    ResponseEntity<JsonNode> file = rest.withBasicAuth("sz-frontdesk", "demo")
        .getForEntity("/api/units/sz-sjhc-01-1202/case-file", JsonNode.class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = file.getBody();
    assertThat(body.get("handovers")).hasSize(1);
    assertThat(body.get("handovers").get(0).get("preInspectionRemarks").asText()).isEqualTo("客厅墙面有细小裂缝");
    assertThat(body.get("defects")).hasSize(2);
    assertThat(body.get("defects").get(0).get("defect").get("reworkCount").asInt()).isEqualTo(1);
    List<String> history = new ArrayList<>();
    body.get("history").forEach(event -> history.add(event.get("event").asText()));
    assertThat(history).contains("handover-scheduled", "pre-inspection", "defect-recorded", "joint-inspection",
        "keys-handed-over", "defect-assigned", "defect-rectified", "verification-failed", "defect-verified",
        "owner-confirmed", "owner-refused", "defect-closed", "care-visit", "warranty-reminded");
    long photoId = body.get("defects").get(0).get("photos").get(0).get("id").asLong();
    ResponseEntity<byte[]> photo = rest.withBasicAuth("sz-frontdesk", "demo")
        .getForEntity("/api/units/sz-sjhc-01-1202/case-file/photos/" + photoId, byte[].class);
    assertThat(photo.getHeaders().getContentType()).hasToString("image/jpeg");
    assertThat(photo.getBody()).isEqualTo(JPEG);
    assertThat(rest.withBasicAuth("sh-frontdesk", "demo").getForEntity("/api/units/sz-sjhc-01-1202/case-file", String.class)
        .getStatusCode()).as("another company's unit").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("pengcheng", "demo").getForEntity("/api/units/sz-sjhc-01-1202/case-file", String.class)
        .getStatusCode()).as("contractors do not read case files").isEqualTo(HttpStatus.FORBIDDEN);

    // the contractors' month (assigned in August 2026; no other test assigns then)
    JsonNode report = rest.withBasicAuth("sz-rectify", "demo").getForEntity("/api/reports/contractors?month=2026-08", JsonNode.class).getBody();
    Map<String, JsonNode> lines = new HashMap<>();
    report.get("lines").forEach(line -> lines.put(line.get("contractorCode").asText(), line));
    assertThat(lines.get("pengcheng").get("received").asInt()).isEqualTo(1);
    assertThat(lines.get("pengcheng").get("rectifiedOnTime").asInt()).isEqualTo(1);
    assertThat(lines.get("pengcheng").get("overdue").asInt()).isZero();
    assertThat(lines.get("pengcheng").get("reworks").asInt()).isEqualTo(1);
    assertThat(lines.get("pengcheng").get("averageDays").asDouble()).isZero();
    assertThat(lines.get("shenda").get("reworks").asInt()).as("the owner's send-back counts").isEqualTo(1);
  }

  @Test
  void an_owner_who_refuses_the_keys_is_inspected_again_on_a_new_appointment() {
    ProcessInstance handover = schedule("sz-dha-a-2101", at(MONDAY.plusHours(2)), false);
    runJobs(handover);
    assertThat(handover).hasNotPassed(Element.PRE_INSPECTION).isWaitingAt(Element.JOINT_INSPECTION);
    setClock(MONDAY.plusHours(2));
    assertThatThrownBy(() -> completeAs("sz-frontdesk", task(Element.JOINT_INSPECTION, handover), inspection(false, null)))
        .as("a refusal needs its reason").hasMessageContaining("refusalReason");
    Map<String, Object> bad = inspection(true, null, defect("卧室", "墙面", "cracks", "<b>开裂</b>"));
    assertThatThrownBy(() -> completeAs("sz-frontdesk", task(Element.JOINT_INSPECTION, handover), bad))
        .hasMessageContaining("defects[1].category").hasMessageContaining("defects[1].description");
    assertThat(handover).isWaitingAt(Element.JOINT_INSPECTION);
    completeAs("sz-frontdesk", task(Element.JOINT_INSPECTION, handover),
        inspection(false, "卫生间严重渗水，修好再收", defect("卫生间", "顶棚", "waterproof", "楼上渗水至顶棚")));
    runJobs(handover);
    assertThat(handover).hasPassed(Element.RECORD_REFUSAL).isWaitingAt(Element.SCHEDULE_REINSPECTION);
    assertThat(handovers.find(handover.getBusinessKey()).orElseThrow().status()).isEqualTo("REFUSED");
    assertThat(defects.ofHandover(handover.getBusinessKey())).as("rectification starts anyway").hasSize(1);

    setClock(MONDAY.plusDays(3).plusHours(3));
    runJobs(handover);
    assertThat(handover).as("3 working days to book again").hasPassed("ServiceTask_EscalateReinspection");
    assertThat(outbox.find(handover.getBusinessKey(), "escalation-reinspection-1", "group:cs-supervisor")).isPresent();
    completeAs("sz-frontdesk", task(Element.SCHEDULE_REINSPECTION, handover),
        Map.of("appointmentAt", "2026-07-13T10:00+08:00"));
    setClock(LocalDateTime.of(2026, 7, 13, 10, 0));
    completeAs("sz-frontdesk", task(Element.JOINT_INSPECTION, handover), inspection(true, null));
    runJobs(handover);
    assertThat(handover).hasPassed(Element.HAND_OVER_KEYS).isWaitingAt(Element.CARE_VISIT, Element.WARRANTY_REMINDER_DUE);
    assertThat(handovers.find(handover.getBusinessKey()).orElseThrow().inspections()).isEqualTo(2);
  }

  @Test
  void a_building_is_scheduled_in_bulk_one_handover_per_unit_with_an_owner() {
    ProcessInstance batch = AsUser.call(identityService, "sz-frontdesk", () -> runtimeService.startProcessInstanceByKey(
        HandoverProcess.BATCH_PROCESS_KEY, Map.of("projectCode", "sz-sjhc", "buildingCode", "sz-sjhc-02",
            "firstAppointmentAt", "2026-07-20T09:00+08:00", "slotMinutes", 30, "preInspection", false)));
    runJobs(batch);
    assertThat(batch).isEnded();
    List<UnitHandovers.Handover> planned = new ArrayList<>();
    for (String unit : List.of("sz-sjhc-02-0303", "sz-sjhc-02-0501", "sz-sjhc-02-0601", "sz-sjhc-02-0701")) {
      planned.addAll(handovers.ofUnit(unit));
    }
    planned.sort(Comparator.comparing(UnitHandovers.Handover::appointmentAt));
    assertThat(planned).hasSize(4).allSatisfy(h -> {
      assertThat(h.firstContactOwner()).isEqualTo("sz-frontdesk");
      assertThat(h.status()).isEqualTo("SCHEDULED");
    });
    assertThat(planned).extracting(UnitHandovers.Handover::unitCode)
        .containsExactly("sz-sjhc-02-0303", "sz-sjhc-02-0501", "sz-sjhc-02-0601", "sz-sjhc-02-0701");
    assertThat(java.time.Duration.between(planned.get(0).appointmentAt(), planned.get(3).appointmentAt()))
        .isEqualTo(java.time.Duration.ofMinutes(90));
    assertThatThrownBy(() -> AsUser.call(identityService, "sz-frontdesk", () -> runtimeService.startProcessInstanceByKey(
        HandoverProcess.BATCH_PROCESS_KEY, Map.of("projectCode", "sz-sjhc", "buildingCode", "sz-sjhc-02",
            "firstAppointmentAt", "2026-07-20T09:00+08:00", "slotMinutes", 30, "preInspection", false))))
        .as("every unit is being handed over already").hasMessageContaining("没有待交付");
    assertThatThrownBy(() -> schedule("sz-sjhc-02-0303", at(MONDAY.plusDays(1)), false)).hasMessageContaining("已有进行中的交付");
  }

  @Test
  void every_missed_deadline_escalates_and_a_late_rectification_goes_up_to_the_project_gm() {
    ProcessInstance handover = schedule("sz-sjhc-01-0801", at(MONDAY.plusHours(1)), true);
    runJobs(handover);
    setClock(MONDAY.plusHours(1).plusMinutes(1));
    runJobs(handover);
    assertThat(handover).hasPassed("ServiceTask_EscalatePreInspection");
    completeAs("sz-frontdesk", task(Element.PRE_INSPECTION, handover), Map.of("preInspectionRemarks", "无"));
    setClock(MONDAY.plusHours(5).plusMinutes(1));
    runJobs(handover);
    assertThat(handover).as("inspection due 4 h after the appointment").hasPassed("ServiceTask_EscalateInspection");
    completeAs("sz-frontdesk", task(Element.JOINT_INSPECTION, handover),
        inspection(true, null, defect("厨房", "水槽下", "plumbing", "下水管接口漏水")));
    runJobs(handover);
    ProcessInstance leak = rectification(defects.ofHandover(handover.getBusinessKey()).get(0).caseNumber());
    runJobs(leak);

    setClock(LocalDateTime.of(2026, 7, 7, 15, 2));
    runJobs(leak);
    assertThat(leak).as("not assigned within a working day").hasPassed("ServiceTask_EscalateAssign");
    assertThat(outbox.find(leak.getBusinessKey(), "escalation-assign-project-gm-r0", "group:project-gm")).isPresent();
    completeAs("sz-rectify", task(Defect.ASSIGN, leak), Map.of("contractorCode", "pengcheng"));
    assertThat(task(Defect.RECTIFY, leak).getDueDate()).as("plumbing: 3 working days")
        .isEqualTo(at(LocalDateTime.of(2026, 7, 9, 15, 1)));

    setClock(LocalDateTime.of(2026, 7, 9, 15, 2));
    runJobs(leak);
    assertThat(task(Defect.SUPERVISE_OVERDUE, leak)).hasCandidateGroup("rectification");
    setClock(LocalDateTime.of(2026, 7, 13, 15, 2));
    runJobs(leak);
    assertThat(task(Defect.GM_SUPERVISE, leak)).hasCandidateGroup("project-gm");
    assertThat(defects.find(leak.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo("project-gm");
    completeAs("sz-rectify", task(Defect.SUPERVISE_OVERDUE, leak), Map.of("supervisionNote", "请施工单位今日完成"));
    completeAs("sz-gm", task(Defect.GM_SUPERVISE, leak), Map.of("supervisionNote", "约谈施工单位"));
    completeAs("pengcheng", task(Defect.RECTIFY, leak), Map.of("rectificationNote", "更换接口"));
    completeAs("sz-engineering", task(Defect.VERIFY, leak), Map.of("verificationPassed", true));
    assertThat(defects.find(leak.getBusinessKey()).orElseThrow().rectifiedOnTime()).isFalse();
    setClock(LocalDateTime.of(2026, 7, 16, 15, 3));
    runJobs(leak);
    assertThat(leak).as("no sign-off within 3 working days").hasPassed("ServiceTask_EscalateConfirmation");
    completeAs("sz-frontdesk", task(Defect.OWNER_CONFIRMATION, leak), Map.of("ownerSatisfied", true));
    runJobs(leak);
    assertThat(leak).isEnded();

    setClock(LocalDateTime.of(2026, 7, 20, 10, 0));
    runJobs(handover);
    assertThat(handover).as("no care visit within a week").hasPassed("ServiceTask_EscalateCareVisit");
    assertThat(outbox.find(handover.getBusinessKey(), "escalation-care-visit-1", "group:cs-supervisor")).isPresent();

    JsonNode report = rest.withBasicAuth("sz-gm", "demo").getForEntity("/api/reports/contractors?month=2026-07", JsonNode.class).getBody();
    assertThat(report.get("companies").toString()).contains("sz").doesNotContain("sh");
    assertThat(report.get("lines").toString()).contains("pengcheng");
  }

  @Test
  void a_handover_is_refused_with_its_reasons_and_nothing_starts() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(HandoverProcess.PROCESS_KEY).count();
    assertThatThrownBy(() -> schedule("sz-sjhc-99-9999", at(MONDAY.plusDays(1)), false)).hasMessageContaining("房号不存在");
    assertThatThrownBy(() -> schedule("sz-sjhc-01-0901", at(MONDAY.minusDays(2)), false)).hasMessageContaining("不能早于今天");
    Map<String, Object> badTime = new HashMap<>(Map.of("unitCode", "sz-sjhc-01-0901", "appointmentAt", "下周一", "preInspection", false));
    assertThatThrownBy(() -> AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(HandoverProcess.PROCESS_KEY, badTime))).hasMessageContaining("时间格式不正确");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(HandoverProcess.PROCESS_KEY).count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance schedule(String unit, java.util.Date appointment, boolean preInspection) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("unitCode", unit);
    variables.put("appointmentAt", appointment.toInstant().toString());
    variables.put("preInspection", preInspection);
    return AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(HandoverProcess.PROCESS_KEY, variables));
  }

  private static Map<String, Object> defect(String room, String location, String category, String description, String... photos) {
    Map<String, Object> defect = new HashMap<>();
    defect.put("room", room);
    defect.put("location", location);
    defect.put("category", category);
    defect.put("description", description);
    defect.put("photos", List.of(photos));
    return defect;
  }

  @SafeVarargs
  private Map<String, Object> inspection(boolean accepts, String refusalReason, Map<String, Object>... found) {
    Map<String, Object> variables = new HashMap<>();
    try {
      variables.put("defects", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(List.of(found)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    variables.put("ownerAccepts", accepts);
    variables.put("refusalReason", refusalReason);
    return variables;
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    AsUser.run(identityService, user, () -> taskService.complete(task.getId(), variables));
  }

  private ProcessInstance rectification(String defectNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(HandoverProcess.DEFECT_PROCESS_KEY)
        .processInstanceBusinessKey(defectNumber).singleResult();
  }

  private List<String> visibleTo(String user, ProcessInstance instance) {
    return AsUser.call(identityService, user, () -> taskService.createTaskQuery().processInstanceId(instance.getId()).listPage(0, 100))
        .stream().map(Task::getTaskDefinitionKey).toList();
  }

  private ResponseEntity<String> confirmOnline(String defectNumber, String phone, boolean satisfied) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("owner-app", "demo").postForEntity("/api/defects/" + defectNumber + "/confirm",
        new HttpEntity<>("{\"phone\":\"" + phone + "\",\"satisfied\":" + satisfied + "}", headers), String.class);
  }

  private JsonNode ownerPage(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> response = rest.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private void runJobs(ProcessInstance instance) {
    ProcessTests.runDueJobs(managementService, identityService, instance.getId());
  }
}
