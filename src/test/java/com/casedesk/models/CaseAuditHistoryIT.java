package com.casedesk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.casedesk.bench.ComplaintLifecycle;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shipped history level, {@code case-audit}, on a complaint from registration to closing: the
 * case's process instance, who did each step and the final value of what staff entered are kept
 * (in the history, or in complaint_case where casedesk.history.case-record-variables says so);
 * neither the variables CaseDesk derives (casedesk.history.derived-variables) nor activity instances
 * are written. Process tests run on {@code audit} (camunda-bpm-assert reads
 * activity instances), so this test has a database of its own: the engine refuses a database whose
 * recorded level differs from its own. In-memory H2 in both builds; CI's PostgreSQL nodes (topology,
 * faults, cluster, the lifecycle benchmark) run on {@code case-audit} as shipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.history-level=" + CaseAuditHistoryLevel.NAME,
    "spring.datasource.url=jdbc:h2:mem:casedesk-case-audit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
@ActiveProfiles("test")
class CaseAuditHistoryIT {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void a_closed_complaint_keeps_its_case_its_steps_and_what_staff_entered_not_derived_or_recorded_variables_nor_activity_instances() {
    String instance = new ComplaintLifecycle(engine, true, Map::of).run(1);

    HistoryService history = engine.getHistoryService();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
        .isEqualTo(CaseAuditHistoryLevel.NAME);
    assertThat(engine.getManagementService().getProperties())
        .containsEntry("historyLevel", String.valueOf(CaseAuditHistoryLevel.ID));

    HistoricProcessInstance complaint =
        history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    assertThat(complaint.getStartUserId()).isEqualTo("sz-frontdesk");
    assertThat(complaint.getEndTime()).isNotNull();
    assertThat(complaint.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(complaint.getRemovalTime()).as("removable historyTimeToLive days after the start").isNotNull();

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .orderByHistoricActivityInstanceStartTime().asc().orderByTaskDefinitionKey().asc().list())
        .extracting(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getDeleteReason)
        .containsExactlyInAnyOrder(
            tuple("UserTask_ReplyToOwner", "completed"),
            tuple("UserTask_HandleComplaint", "completed"),
            tuple("UserTask_CallbackOwner", "completed"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).list())
        .allSatisfy(task -> assertThat(task.getEndTime()).isNotNull());

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
        .as("what staff entered and no case record holds")
        .contains(tuple("ownerSatisfied", true));
    assertThat(jdbc.sql("SELECT reply_text, handling_result, satisfaction_comment FROM complaint_case"
            + " WHERE process_instance_id = ?").param(instance).query().singleRow())
        .as("what staff entered, in the case record (casedesk.history.case-record-variables)")
        .containsValues("您好，已安排保洁今日处理。", "已清运并消杀", "很满意");
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance).count())
        .as("the case has ended: no runtime variables left").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName)
        .as("derived from the DMN tables and the calendar (casedesk.history.derived-variables): not kept")
        .doesNotContain("labels", "handlingGroups", "replyDue", "resolutionDue", "callbackDue",
            "resolutionWorkingDays", "groupEscalationWorkingDays", "gmEscalationWorkingDays")
        .as("held by complaint_case (casedesk.history.case-record-variables): not kept")
        .doesNotContain("caseNumber", "description", "severity", "responsibleGroup", "firstContactOwner",
            "replyText", "handlingResult", "satisfaction", "satisfactionComment", "drill")
        .contains("replyMode", "ownerSatisfied", "massIncident");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey("UserTask_ReplyToOwner").singleResult().getDueDate())
        .as("the reply's due date is kept on its task instance").isNotNull();

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void an_incident_is_kept_with_its_message_and_its_resolution() {
    engine.getRepositoryService().createDeployment().name("case-audit-probe").addModelInstance("case-audit-probe.bpmn",
        Bpmn.createExecutableProcess("case-audit-probe").camundaHistoryTimeToLive(1)
            .startEvent().userTask("UserTask_Probe").name("探针").endEvent().done()).deploy();
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey("case-audit-probe", Map.of("companyCode", "sz")).getId();

    Incident incident = engine.getRuntimeService().createIncident("probe", instance, "probe-configuration", "探针故障");
    engine.getRuntimeService().resolveIncident(incident.getId());

    HistoricIncident kept = engine.getHistoryService().createHistoricIncidentQuery().incidentId(incident.getId())
        .singleResult();
    assertThat(kept.getIncidentMessage()).isEqualTo("探针故障");
    assertThat(kept.isResolved()).isTrue();
  }
}
