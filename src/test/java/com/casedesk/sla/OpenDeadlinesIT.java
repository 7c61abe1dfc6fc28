package com.casedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger of open deadlines follows the engine: a row when a task with a due date is created,
 * updated when its due date or assignee changes, gone when it completes (then an SLA event with
 * the project) or its process instance is cancelled.
 */
@CaseDeskIntegrationTest
class OpenDeadlinesIT {

  private static final String PROCESS = "probe-sla-deadline";
  private static final String ASSIGNED_PROCESS = "probe-sla-deadline-assigned";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired SlaEvents slaEvents;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repositoryService) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(ASSIGNED_PROCESS).count() > 0) {
      return;
    }
    repositoryService.createDeployment().name("sla-probe").addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).name("时限探针").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("UserTask_Probe").name("探针环节").camundaCandidateGroups("frontdesk")
              .camundaDueDate("${dueAt}")
              .camundaTaskListenerDelegateExpression("complete", "${recordSlaEventListener}")
            .endEvent()
            .done())
        .deploy();
    repositoryService.createDeployment().name("sla-probe-assigned").addModelInstance(ASSIGNED_PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(ASSIGNED_PROCESS).name("时限探针（已指派）").camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess().embeddedSubProcess().startEvent()
              .userTask("UserTask_AssignedProbe").name("已指派探针环节").camundaAssignee("sz-frontdesk")
                .camundaCandidateGroups("frontdesk").camundaDueDate("${dueAt}")
                .camundaTaskListenerDelegateExpression("complete", "${recordSlaEventListener}")
              .endEvent()
            .subProcessDone()
            .endEvent()
            .done())
        .deploy();
  }

  private ProcessInstance start(String businessKey) {
    return runtimeService.startProcessInstanceByKey(PROCESS, businessKey,
        Map.of("projectCode", "sz-sjhc", "dueAt", Date.from(Instant.parse("2031-01-10T02:00:00Z"))));
  }

  private Map<String, Object> openRow(String taskId) {
    return jdbc.sql("SELECT * FROM sla_open_deadline WHERE task_id = ?").param(taskId).query().singleRow();
  }

  private long openRows(String taskId) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_open_deadline WHERE task_id = ?").param(taskId).query(Long.class).single();
  }

  @Test
  void a_task_with_a_due_date_is_an_open_deadline_until_it_completes() {
    ProcessInstance instance = start("TS-20310101-7001");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    Map<String, Object> row = openRow(task.getId());
    assertThat(value(row, "case_number")).isEqualTo("TS-20310101-7001");
    assertThat(value(row, "company_code")).isEqualTo("sz");
    assertThat(value(row, "project_code")).isEqualTo("sz-sjhc");
    assertThat(value(row, "responsible_group")).isEqualTo("frontdesk");
    assertThat(value(row, "step_id")).isEqualTo("UserTask_Probe");
    assertThat(value(row, "process_key")).isEqualTo(PROCESS);

    taskService.claim(task.getId(), "sz-frontdesk");
    assertThat(value(openRow(task.getId()), "assignee")).isEqualTo("sz-frontdesk");

    task = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    task.setDueDate(Date.from(Instant.parse("2031-01-11T02:00:00Z")));
    taskService.saveTask(task);
    assertThat(((java.sql.Timestamp) value(openRow(task.getId()), "due_at")).toInstant())
        .isEqualTo(Instant.parse("2031-01-11T02:00:00Z"));

    taskService.complete(task.getId());
    assertThat(openRows(task.getId())).isZero();
    assertThat(jdbc.sql("SELECT project_code FROM sla_event WHERE task_id = ?").param(task.getId())
        .query(String.class).single()).isEqualTo("sz-sjhc");
  }

  @Test
  void a_task_assigned_when_it_is_created_in_a_subprocess_has_one_row_with_its_assignee_and_process() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ASSIGNED_PROCESS, "TS-20310101-7003",
        Map.of("projectCode", "sz-sjhc", "dueAt", Date.from(Instant.parse("2031-01-10T02:00:00Z"))));
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThat(openRows(task.getId())).isOne();
    Map<String, Object> row = openRow(task.getId());
    assertThat(value(row, "assignee")).isEqualTo("sz-frontdesk");
    assertThat(value(row, "process_key")).isEqualTo(ASSIGNED_PROCESS);
    assertThat(value(row, "step_id")).isEqualTo("UserTask_AssignedProbe");

    taskService.complete(task.getId());
    assertThat(openRows(task.getId())).isZero();
    assertThat(jdbc.sql("SELECT process_key FROM sla_event WHERE task_id = ?").param(task.getId())
        .query(String.class).single()).isEqualTo(ASSIGNED_PROCESS);
  }

  @Test
  void a_completed_task_is_recorded_once_however_often_it_is_recorded() {
    ProcessInstance instance = start("TS-20310101-7004");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.complete(task.getId());
    Map<String, Object> recorded = jdbc.sql("SELECT * FROM sla_event WHERE task_id = ?").param(task.getId())
        .query().singleRow();

    boolean again = slaEvents.record(new SlaEvents.SlaEvent(task.getId(), "TS-20310101-7004", "sz", "sz-sjhc", PROCESS,
        instance.getId(), "UserTask_Probe", "再记一次", "frontdesk", "someone-else", new Date(0), new Date(), false));

    assertThat(again).isFalse();
    assertThat(jdbc.sql("SELECT * FROM sla_event WHERE task_id = ?").param(task.getId()).query().listOfRows())
        .containsExactly(recorded);
  }

  @Test
  void a_cancelled_case_leaves_no_open_deadline() {
    ProcessInstance instance = start("TS-20310101-7002");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(openRows(task.getId())).isOne();

    runtimeService.deleteProcessInstance(instance.getId(), "test", true);

    assertThat(openRows(task.getId())).isZero();
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }
}
