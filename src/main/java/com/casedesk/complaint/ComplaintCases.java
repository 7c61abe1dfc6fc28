package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes complaint case records, step by step, in the engine's transaction. */
@Repository
public class ComplaintCases {

  /** The stored escalation level as its rank in {@link ComplaintCase.EscalationLevel} (0 = SUPERVISOR). */
  private static final String ESCALATION_RANK = Arrays.stream(ComplaintCase.EscalationLevel.values())
      .map(level -> "WHEN '" + level.name() + "' THEN " + level.ordinal())
      .collect(Collectors.joining(" ", "CASE escalation_level ", " END"));

  private final JdbcClient jdbc;

  ComplaintCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewComplaint(String caseNumber, String companyCode, String projectCode, String unitCode, Long ownerId,
      String contactName, String contactPhone, String channel, String category, String subcategory,
      String description, String firstContactOwner, String registeredBy, String processInstanceId,
      String massIncident, boolean drill) {}

  public Optional<ComplaintCase> find(String caseNumber) {
    return jdbc.sql("SELECT * FROM complaint_case WHERE case_number = ?")
        .param(caseNumber).query(ComplaintCase.class).optional();
  }

  /** Every real (not drill) complaint of the company that is not closed yet, oldest first. */
  public List<ComplaintCase> openForCompany(String companyCode) {
    return jdbc.sql("""
            SELECT * FROM complaint_case WHERE company_code = ? AND status <> 'CLOSED' AND drill = FALSE
            ORDER BY registered_at, case_number""")
        .param(companyCode).query(ComplaintCase.class).list();
  }

  /**
   * How many households (the unit, or the caller of a public-area complaint) the project's
   * early-warning cluster of the category holds since the instant: what {@link #unlinkedCluster}
   * would return, counted by the database (every complaint checks it, under the project's lock).
   */
  public int unlinkedClusterHouseholds(String projectCode, String category, Date since) {
    return jdbc.sql("""
            SELECT count(DISTINCT COALESCE(c.unit_code, 'phone:' || c.contact_phone)) FROM complaint_case c
            WHERE c.project_code = ? AND c.category = ? AND c.registered_at >= ? AND c.status <> 'CLOSED'
              AND c.drill = FALSE AND c.mass_incident IS NULL""")
        .params(projectCode, category, ts(since)).query(Integer.class).single();
  }

  /**
   * The early-warning cluster around a complaint: real complaints of the category in the project
   * (or only in the building, when one is given) registered since the instant, not closed and not
   * linked to a mass incident yet, oldest first.
   */
  public List<ComplaintCase> unlinkedCluster(String projectCode, String buildingCode, String category, Date since) {
    String inBuilding = buildingCode == null ? "" : " AND c.unit_code IN (SELECT u.code FROM unit u WHERE u.building_code = ?)";
    List<Object> params = new java.util.ArrayList<>(List.of(projectCode, category, ts(since)));
    if (buildingCode != null) {
      params.add(buildingCode);
    }
    return jdbc.sql("""
            SELECT c.* FROM complaint_case c
            WHERE c.project_code = ? AND c.category = ? AND c.registered_at >= ? AND c.status <> 'CLOSED'
              AND c.drill = FALSE AND c.mass_incident IS NULL""" + inBuilding + " ORDER BY c.registered_at, c.case_number")
        .params(params).query(ComplaintCase.class).list();
  }

  /** The building of the complaint's unit; empty for a public-area complaint. */
  public Optional<String> buildingOf(String caseNumber) {
    return jdbc.sql("SELECT u.building_code FROM complaint_case c JOIN unit u ON u.code = c.unit_code WHERE c.case_number = ?")
        .param(caseNumber).query(String.class).optional();
  }

  /** Every complaint about a unit, oldest first (the unit case file). */
  public List<ComplaintCase> ofUnit(String unitCode) {
    return jdbc.sql("SELECT * FROM complaint_case WHERE unit_code = ? ORDER BY registered_at, case_number")
        .param(unitCode).query(ComplaintCase.class).list();
  }

  /** Complaints linked to a mass incident, oldest first. */
  public List<ComplaintCase> linkedTo(String incidentCaseNumber) {
    return jdbc.sql("SELECT * FROM complaint_case WHERE mass_incident = ? ORDER BY registered_at, case_number")
        .param(incidentCaseNumber).query(ComplaintCase.class).list();
  }

  /**
   * Links a complaint to a mass incident.
   *
   * @return false when it was linked to an incident already (it stays with that one)
   */
  public boolean linkToIncident(String caseNumber, String incidentCaseNumber) {
    find(caseNumber).orElseThrow(() -> unknown(caseNumber));
    return jdbc.sql("UPDATE complaint_case SET mass_incident = ?, updated_at = ? WHERE case_number = ? AND mass_incident IS NULL")
        .params(incidentCaseNumber, now(), caseNumber).update() == 1;
  }

  void insert(NewComplaint complaint) {
    Timestamp now = now();
    jdbc.sql("""
            INSERT INTO complaint_case (case_number, company_code, project_code, unit_code, owner_id, contact_name,
                contact_phone, channel, category, subcategory, description, first_contact_owner, registered_by,
                status, registered_at, process_instance_id, updated_at, mass_incident, drill)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?, ?)""")
        .params(complaint.caseNumber(), complaint.companyCode(), complaint.projectCode(), complaint.unitCode(),
            complaint.ownerId(), complaint.contactName(), complaint.contactPhone(), complaint.channel(),
            complaint.category(), complaint.subcategory(), complaint.description(), complaint.firstContactOwner(),
            complaint.registeredBy(), now, complaint.processInstanceId(), now, complaint.massIncident(),
            complaint.drill())
        .update();
  }

  void classified(String caseNumber, String severity, String responsibleGroup, Date replyDue, Date resolutionDue) {
    update(caseNumber, """
        UPDATE complaint_case SET severity = ?, responsible_group = ?, reply_due = ?, resolution_due = ?,
            status = 'IN_HANDLING', updated_at = ? WHERE case_number = ?""",
        severity, responsibleGroup, ts(replyDue), ts(resolutionDue), now(), caseNumber);
  }

  void firstContactOwner(String caseNumber, String userId) {
    update(caseNumber, "UPDATE complaint_case SET first_contact_owner = ?, updated_at = ? WHERE case_number = ?",
        userId, now(), caseNumber);
  }

  void replied(String caseNumber, String replyText) {
    update(caseNumber, "UPDATE complaint_case SET replied_at = ?, reply_text = ?, updated_at = ? WHERE case_number = ?",
        now(), replyText, now(), caseNumber);
  }

  /**
   * Raises the case's escalation level, never lowers it: one conditional update (a storm runs this
   * 20,000 times), the case read only when nothing was updated, to tell a lower level from no case.
   */
  void escalated(String caseNumber, ComplaintCase.EscalationLevel level) {
    int updated = jdbc.sql("UPDATE complaint_case SET escalation_level = ?, updated_at = ? WHERE case_number = ?"
            + " AND (escalation_level IS NULL OR " + ESCALATION_RANK + " < ?)")
        .params(level.name(), now(), caseNumber, level.ordinal()).update();
    if (updated == 0) {
      find(caseNumber).orElseThrow(() -> unknown(caseNumber));
    }
  }

  void resolved(String caseNumber, String handlingResult, Date callbackDue) {
    update(caseNumber, """
        UPDATE complaint_case SET status = 'RESOLVED', resolved_at = ?, handling_result = ?, callback_due = ?,
            updated_at = ? WHERE case_number = ?""",
        now(), handlingResult, ts(callbackDue), now(), caseNumber);
  }

  void reopened(String caseNumber, int reopenCount, Integer satisfaction, String comment, Date resolutionDue) {
    update(caseNumber, """
        UPDATE complaint_case SET status = 'REOPENED', reopen_count = ?, satisfaction = ?, satisfaction_comment = ?,
            resolution_due = ?, resolved_at = NULL, callback_due = NULL, updated_at = ? WHERE case_number = ?""",
        reopenCount, satisfaction, comment, ts(resolutionDue), now(), caseNumber);
  }

  void closed(String caseNumber, Integer satisfaction, String comment) {
    update(caseNumber, """
        UPDATE complaint_case SET status = 'CLOSED', closed_at = ?, satisfaction = ?, satisfaction_comment = ?,
            updated_at = ? WHERE case_number = ?""",
        now(), satisfaction, comment, now(), caseNumber);
  }

  private void update(String caseNumber, String sql, Object... params) {
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw unknown(caseNumber);
    }
  }

  private static IllegalStateException unknown(String caseNumber) {
    return new IllegalStateException("No complaint case " + caseNumber);
  }

  private static Timestamp now() {
    return new Timestamp(EngineClock.now().getTime());
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
