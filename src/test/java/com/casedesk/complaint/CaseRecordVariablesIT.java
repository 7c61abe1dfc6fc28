package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.bench.ComplaintLifecycle;
import com.casedesk.models.CaseAuditHistoryLevel;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History level {@code case-audit} writes no history of the complaint variables listed in
 * {@code casedesk.history.case-record-variables.complaint-handling}, because {@code complaint_case}
 * holds their final value: checked here on {@code audit} (the test profile's level, which keeps every
 * variable), for a complaint closed at the first callback and for one reopened once, name by name
 * against the record's column of the same name in snake_case.
 */
@CaseDeskIntegrationTest
class CaseRecordVariablesIT {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CaseAuditHistoryLevel.Properties history;

  @Test
  void the_case_record_holds_the_final_value_of_every_variable_whose_history_case_audit_leaves_out() {
    Set<String> names = history.caseRecordVariables().get(ComplaintProcess.PROCESS_KEY);
    assertThat(names).contains("description", "replyText", "handlingResult", "satisfaction", "reopenCount");

    for (String instance : List.of(new ComplaintLifecycle(engine, true, Map::of).run(1), reopenedOnce())) {
      Map<String, Object> finalValues = new HashMap<>();
      engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list()
          .forEach(variable -> finalValues.put(variable.getName(), variable.getValue()));
      Map<String, Object> record = jdbc.sql("SELECT * FROM complaint_case WHERE process_instance_id = ?")
          .param(instance).query().singleRow();
      for (String name : names) {
        String column = name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        assertThat(record).as("complaint_case has a column for %s", name).containsKey(column);
        assertThat(String.valueOf(record.get(column))).as("%s of %s", name, instance)
            .isEqualTo(String.valueOf(finalValues.get(name)));
      }
      assertThat(finalValues).as("the variables kept in history are not all gone")
          .containsKeys("replyMode", "ownerSatisfied");
    }
  }

  /** the owner is not satisfied at the first callback: handled again, then closed */
  private String reopenedOnce() {
    Map<String, Object> intake = new HashMap<>(Map.of("channel", "hotline", "unitCode", "sz-sjhc-01-0801",
        "contactName", "李娜", "contactPhone", "13800000002", "category", "property", "subcategory", "cleaning",
        "description", "电梯厅地面长期有污渍"));
    String instance = startAs(intake);
    run(instance);
    complete(instance, ComplaintProcess.Element.REPLY, Map.of("replyText", "已通知保洁，明日处理。"));
    run(instance);
    complete(instance, ComplaintProcess.Element.HANDLE, Map.of("handlingResult", "已清洗一次"));
    complete(instance, ComplaintProcess.Element.CALLBACK,
        Map.of("satisfaction", 2, "ownerSatisfied", false, "satisfactionComment", "仍有污渍"));
    run(instance);
    complete(instance, ComplaintProcess.Element.HANDLE, Map.of("handlingResult", "已用专用清洁剂再次清洗"));
    complete(instance, ComplaintProcess.Element.CALLBACK,
        Map.of("satisfaction", 4, "ownerSatisfied", true, "satisfactionComment", "已干净"));
    run(instance);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
        .as("closed").isZero();
    return instance;
  }

  private String startAs(Map<String, Object> intake) {
    engine.getIdentityService().setAuthentication("sz-frontdesk", List.of("frontdesk"), List.of("sz"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void complete(String instance, String taskKey, Map<String, Object> variables) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
        .singleResult().getId();
    engine.getTaskService().complete(task, variables);
  }

  private void run(String instance) {
    ProcessTests.runDueJobs(engine.getManagementService(), engine.getIdentityService(), instance);
  }
}
