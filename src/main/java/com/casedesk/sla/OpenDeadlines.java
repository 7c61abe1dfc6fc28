package com.casedesk.sla;

import com.casedesk.calendar.EngineClock;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code sla_open_deadline} in step with the engine: a row for every open user task with a
 * due date, in the engine's transaction. Listens to the task events the Camunda Spring Boot starter
 * publishes ({@code camunda.bpm.eventing.task}, registered as built-in listeners so that "skip
 * custom listeners" cannot bypass them), so every task of every process is covered, including
 * tasks a process owner adds in Modeler.
 */
@Component
class OpenDeadlines {

  private final JdbcClient jdbc;

  OpenDeadlines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new task: its row is inserted (the engine fires "create" before "assignment"). */
  @EventListener
  public void onCreate(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    if (task.getProcessInstanceId() != null && task.getDueDate() != null) {
      insert(task);
    }
  }

  /** A changed task (due date, assignee, name): its row follows; a task given its first due date gets one. */
  @EventListener
  public void onChange(DelegateTask task) {
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_UPDATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return;
    }
    if (task.getProcessInstanceId() == null) {
      return;
    }
    if (task.getDueDate() == null) {
      remove(task);
      return;
    }
    int updated = jdbc.sql("UPDATE sla_open_deadline SET due_at = ?, assignee = ?, step_name = ? WHERE task_id = ?")
        .params(new Timestamp(task.getDueDate().getTime()), task.getAssignee(), task.getName(), task.getId()).update();
    if (updated == 0) {
      insert(task);
    }
  }

  private void insert(DelegateTask task) {
    jdbc.sql("""
            INSERT INTO sla_open_deadline (task_id, case_number, company_code, project_code, process_key,
                process_instance_id, step_id, step_name, responsible_group, assignee, due_at, created_at, drill)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(task.getId(), task.getExecution().getProcessBusinessKey(), task.getTenantId(),
            TaskFacts.projectCode(task), TaskFacts.processKey(task), task.getProcessInstanceId(),
            task.getTaskDefinitionKey(), task.getName(), TaskFacts.responsibleGroup(task), task.getAssignee(),
            new Timestamp(task.getDueDate().getTime()), new Timestamp(EngineClock.now().getTime()), TaskFacts.drill(task))
        .update();
  }

  @EventListener
  public void onClose(DelegateTask task) {
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_COMPLETE.equals(event) && !TaskListener.EVENTNAME_DELETE.equals(event)) {
      return;
    }
    remove(task);
  }

  private void remove(DelegateTask task) {
    jdbc.sql("DELETE FROM sla_open_deadline WHERE task_id = ?").param(task.getId()).update();
  }
}
