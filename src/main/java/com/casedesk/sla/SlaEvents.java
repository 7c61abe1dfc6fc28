package com.casedesk.sla;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA ledger shared by all processes: one event per deadline, met or breached, with how late
 * it was and who did it. Written in the engine's transaction when a task with a due date completes.
 */
@Service
public class SlaEvents {

  private final JdbcClient jdbc;

  SlaEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A deadline and when it was met. */
  public record SlaEvent(
      String taskId,
      String caseNumber,
      String companyCode,
      String projectCode,
      String processKey,
      String processInstanceId,
      String stepId,
      String stepName,
      String responsibleGroup,
      String doneBy,
      Date dueAt,
      Date doneAt,
      boolean drill) {

    public boolean breached() {
      return doneAt.after(dueAt);
    }

    public long breachMinutes() {
      return breached() ? Duration.between(dueAt.toInstant(), doneAt.toInstant()).toMinutes() : 0;
    }
  }

  /** A recorded event, as reports read it. */
  public record RecordedSlaEvent(String caseNumber, String stepId, String stepName, String doneBy,
      Date dueAt, Date doneAt, boolean breached, long breachMinutes, boolean drill) {}

  /**
   * Records the event once per task; a second call for the same task changes nothing and returns
   * false. One statement: the insert itself skips a task already recorded (and the unique key on
   * {@code task_id} refuses a concurrent second one).
   */
  @Transactional
  public boolean record(SlaEvent event) {
    return jdbc.sql("""
            INSERT INTO sla_event (task_id, case_number, company_code, project_code, process_key, process_instance_id,
                step_id, step_name, responsible_group, done_by, due_at, done_at, breached, breach_minutes, drill)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM sla_event WHERE task_id = ?)""")
        .params(event.taskId(), event.caseNumber(), event.companyCode(), event.projectCode(), event.processKey(),
            event.processInstanceId(), event.stepId(), event.stepName(), event.responsibleGroup(), event.doneBy(),
            new java.sql.Timestamp(event.dueAt().getTime()), new java.sql.Timestamp(event.doneAt().getTime()),
            event.breached(), event.breachMinutes(), event.drill(), event.taskId())
        .update() > 0;
  }

  public List<RecordedSlaEvent> forCase(String caseNumber) {
    return jdbc.sql("""
            SELECT case_number, step_id, step_name, done_by, due_at, done_at, breached, breach_minutes, drill
            FROM sla_event WHERE case_number = ? ORDER BY id""")
        .param(caseNumber).query(RecordedSlaEvent.class).list();
  }
}
