package com.casedesk.emergency;

import com.casedesk.calendar.EngineClock;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes mass incidents and their steps, in the engine's transaction. */
@Repository
public class MassIncidents {

  private static final String COLUMNS = """
      case_number, company_code, project_code, building_code, category, description, source, drill,
      households_affected, media_attention, safety_risk, level, update_cycle, commander, response_team, status,
      open_key, unified_reply, unified_reply_at, progress_updates, missed_updates, root_cause, resolution,
      review_causes, review_what_worked, review_lessons, declared_by, declared_at, resolved_at, closed_at,
      process_instance_id""";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  MassIncidents(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  record NewIncident(String caseNumber, String companyCode, String projectCode, String buildingCode, String category,
      String description, MassComplaintProcess.Source source, boolean drill, int householdsAffected,
      boolean mediaAttention, boolean safetyRisk, String declaredBy, String processInstanceId) {}

  /** A measured step of an incident (table mass_incident_step). */
  public record Step(String caseNumber, String step, String target, long targetMinutes, LocalDateTime dueAt,
      LocalDateTime doneAt, boolean escalated) {}

  public Optional<MassIncident> find(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mass_incident WHERE case_number = ?")
        .param(caseNumber).query(MassIncident.class).optional();
  }

  /**
   * The incident, its row locked until the transaction ends: checks of a complaint's reply and
   * the publication of the unified reply, links and the resolution, happen one after the other.
   */
  Optional<MassIncident> lock(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mass_incident WHERE case_number = ? FOR UPDATE")
        .param(caseNumber).query(MassIncident.class).optional();
  }

  /** The active real incident of the project and category, if there is one. */
  Optional<MassIncident> activeFor(String projectCode, String category) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mass_incident WHERE open_key = ?")
        .param(MassIncident.openKey(projectCode, category)).query(MassIncident.class).optional();
  }

  /**
   * Inserts the incident; a real one claims the project's and category's open key.
   *
   * @return false when another active incident holds the key (nothing inserted)
   */
  boolean insert(NewIncident incident) {
    Timestamp now = now();
    try {
      savepoint.executeWithoutResult(tx -> jdbc.sql("""
              INSERT INTO mass_incident (case_number, company_code, project_code, building_code, category, description,
                  source, drill, households_affected, media_attention, safety_risk, status, open_key, declared_by,
                  declared_at, process_instance_id, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""")
          .params(incident.caseNumber(), incident.companyCode(), incident.projectCode(), incident.buildingCode(),
              incident.category(), incident.description(), incident.source().name(), incident.drill(),
              incident.householdsAffected(), incident.mediaAttention(), incident.safetyRisk(),
              incident.drill() ? null : MassIncident.openKey(incident.projectCode(), incident.category()),
              incident.declaredBy(), now, incident.processInstanceId(), now)
          .update());
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  void graded(String caseNumber, String level, String updateCycle) {
    update(caseNumber, "UPDATE mass_incident SET level = ?, update_cycle = ?, updated_at = ? WHERE case_number = ?",
        level, updateCycle, now(), caseNumber);
  }

  void teamAssembled(String caseNumber, String commander, String team) {
    update(caseNumber, "UPDATE mass_incident SET commander = ?, response_team = ?, updated_at = ? WHERE case_number = ?",
        commander, team, now(), caseNumber);
  }

  void unifiedReplyPublished(String caseNumber, String reply) {
    update(caseNumber, "UPDATE mass_incident SET unified_reply = ?, unified_reply_at = ?, updated_at = ? WHERE case_number = ?",
        reply, now(), now(), caseNumber);
  }

  void rootCause(String caseNumber, String rootCause) {
    update(caseNumber, "UPDATE mass_incident SET root_cause = ?, updated_at = ? WHERE case_number = ?",
        rootCause, now(), caseNumber);
  }

  void progressPublished(String caseNumber) {
    update(caseNumber, "UPDATE mass_incident SET progress_updates = progress_updates + 1, updated_at = ? WHERE case_number = ?",
        now(), caseNumber);
  }

  void updateMissed(String caseNumber) {
    update(caseNumber, "UPDATE mass_incident SET missed_updates = missed_updates + 1, updated_at = ? WHERE case_number = ?",
        now(), caseNumber);
  }

  /** Resolved: the open key is released, so a new cluster raises a new incident. */
  void resolved(String caseNumber, String resolution) {
    update(caseNumber, """
        UPDATE mass_incident SET status = 'RESOLVED', open_key = NULL, resolution = ?, resolved_at = ?, updated_at = ?
        WHERE case_number = ?""", resolution, now(), now(), caseNumber);
  }

  void reviewed(String caseNumber, String causes, String whatWorked, String lessons) {
    update(caseNumber, """
        UPDATE mass_incident SET review_causes = ?, review_what_worked = ?, review_lessons = ?, updated_at = ?
        WHERE case_number = ?""", causes, whatWorked, lessons, now(), caseNumber);
  }

  void closed(String caseNumber) {
    update(caseNumber, "UPDATE mass_incident SET status = 'CLOSED', open_key = NULL, closed_at = ?, updated_at = ? WHERE case_number = ?",
        now(), now(), caseNumber);
  }

  // ---------------------------------------------------------------- steps

  void planStep(String caseNumber, ResponseStep step, String target, long targetMinutes, Date dueAt) {
    int updated = jdbc.sql("UPDATE mass_incident_step SET target = ?, target_minutes = ?, due_at = ? WHERE case_number = ? AND step = ?")
        .params(target, targetMinutes, new Timestamp(dueAt.getTime()), caseNumber, step.id()).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO mass_incident_step (case_number, step, target, target_minutes, due_at) VALUES (?, ?, ?, ?, ?)")
          .params(caseNumber, step.id(), target, targetMinutes, new Timestamp(dueAt.getTime())).update();
    }
  }

  /** Records when a step was first done; later calls change nothing. */
  void stepDone(String caseNumber, ResponseStep step) {
    jdbc.sql("UPDATE mass_incident_step SET done_at = ? WHERE case_number = ? AND step = ? AND done_at IS NULL")
        .params(now(), caseNumber, step.id()).update();
  }

  void stepEscalated(String caseNumber, ResponseStep step) {
    jdbc.sql("UPDATE mass_incident_step SET escalated = TRUE WHERE case_number = ? AND step = ?")
        .params(caseNumber, step.id()).update();
  }

  public List<Step> steps(String caseNumber) {
    return jdbc.sql("""
            SELECT case_number, step, target, target_minutes, due_at, done_at, escalated
            FROM mass_incident_step WHERE case_number = ? ORDER BY due_at, step""")
        .param(caseNumber).query(Step.class).list();
  }

  // ---------------------------------------------------------------- early-warning lock

  /** Holds the early-warning lock of a project and category until the transaction ends. */
  void lockEarlyWarning(String projectCode, String category) {
    try {
      savepoint.executeWithoutResult(tx -> jdbc.sql("""
              INSERT INTO early_warning_lock (project_code, category)
              SELECT ?, ? FROM (VALUES (1)) AS one (x)
              WHERE NOT EXISTS (SELECT 1 FROM early_warning_lock WHERE project_code = ? AND category = ?)""")
          .params(projectCode, category, projectCode, category).update());
    } catch (DuplicateKeyException raced) {
      // the other check made the row: lock it below
    }
    jdbc.sql("UPDATE early_warning_lock SET checked_at = ? WHERE project_code = ? AND category = ?")
        .params(now(), projectCode, category).update();
  }

  private void update(String caseNumber, String sql, Object... params) {
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw new IllegalStateException("No mass incident " + caseNumber);
    }
  }

  static Timestamp now() {
    return new Timestamp(EngineClock.now().getTime());
  }
}
