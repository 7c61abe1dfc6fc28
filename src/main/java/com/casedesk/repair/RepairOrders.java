package com.casedesk.repair;

import com.casedesk.calendar.EngineClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Date;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes repair orders, step by step, in the engine's transaction. */
@Repository
public class RepairOrders {

  private final JdbcClient jdbc;

  RepairOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewRepair(String caseNumber, String companyCode, String projectCode, String unitCode, String locationType,
      String location, Long ownerId, String contactName, String contactPhone, String channel, String category,
      String urgency, String description, Date preferredTime, String registeredBy, String followUpOf,
      String processInstanceId) {}

  /** Every repair order of a unit, oldest first (the unit case file). */
  public java.util.List<RepairOrder> ofUnit(String unitCode) {
    return jdbc.sql("SELECT * FROM repair_order WHERE unit_code = ? ORDER BY registered_at, case_number")
        .param(unitCode).query(RepairOrder.class).list();
  }

  public Optional<RepairOrder> find(String caseNumber) {
    return jdbc.sql("SELECT * FROM repair_order WHERE case_number = ?")
        .param(caseNumber).query(RepairOrder.class).optional();
  }

  void insert(NewRepair repair) {
    Timestamp now = now();
    jdbc.sql("""
            INSERT INTO repair_order (case_number, company_code, project_code, unit_code, location_type, location,
                owner_id, contact_name, contact_phone, channel, category, urgency, description, preferred_time,
                registered_by, follow_up_of, status, registered_at, process_instance_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?)""")
        .params(repair.caseNumber(), repair.companyCode(), repair.projectCode(), repair.unitCode(),
            repair.locationType(), repair.location(), repair.ownerId(), repair.contactName(), repair.contactPhone(),
            repair.channel(), repair.category(), repair.urgency(), repair.description(), ts(repair.preferredTime()),
            repair.registeredBy(), repair.followUpOf(), now, repair.processInstanceId(), now)
        .update();
  }

  void scheduled(String caseNumber, Date onSiteDue) {
    update(caseNumber, "UPDATE repair_order SET on_site_due = ?, updated_at = ? WHERE case_number = ?",
        ts(onSiteDue), now(), caseNumber);
  }

  /** A technician is sent; the first one stays the order's technician of record. */
  void dispatched(String caseNumber, String technician) {
    update(caseNumber, """
        UPDATE repair_order SET first_technician = COALESCE(first_technician, ?), technician = ?, dispatched_at = ?,
            status = 'DISPATCHED', updated_at = ? WHERE case_number = ?""",
        technician, technician, now(), now(), caseNumber);
  }

  /** The technician is on site; the first arrival is measured against the on-site deadline. */
  void arrived(String caseNumber, Date completionDue) {
    Timestamp now = now();
    update(caseNumber, """
        UPDATE repair_order SET
            arrived_on_time = CASE WHEN first_arrived_at IS NULL THEN (on_site_due IS NULL OR ? <= on_site_due)
                ELSE arrived_on_time END,
            first_arrived_at = COALESCE(first_arrived_at, ?), completion_due = ?, status = 'ON_SITE', updated_at = ?
        WHERE case_number = ?""",
        now, now, ts(completionDue), now, caseNumber);
  }

  /** The work is done; the first completion is measured against its deadline, charges add up. */
  void repaired(String caseNumber, String workDone, String materials, boolean inWarranty, BigDecimal charge,
      Boolean chargeAgreed, Date callbackDue) {
    Timestamp now = now();
    update(caseNumber, """
        UPDATE repair_order SET
            completed_on_time = CASE WHEN first_completed_at IS NULL THEN (completion_due IS NULL OR ? <= completion_due)
                ELSE completed_on_time END,
            first_completed_at = COALESCE(first_completed_at, ?), completed_at = ?, work_done = ?, materials = ?,
            in_warranty = ?, charge_amount = charge_amount + ?, charge_agreed = ?, callback_due = ?,
            status = 'REPAIRED', updated_at = ?
        WHERE case_number = ?""",
        now, now, now, workDone, materials, inWarranty, charge, chargeAgreed, ts(callbackDue), now, caseNumber);
  }

  /** Raises the recorded escalation level; a lower level than the recorded one changes nothing. */
  void escalated(String caseNumber, RepairOrder.EscalationLevel level) {
    RepairOrder current = find(caseNumber).orElseThrow(() -> unknown(caseNumber));
    if (current.escalationLevel() == null
        || RepairOrder.EscalationLevel.valueOf(current.escalationLevel()).compareTo(level) < 0) {
      update(caseNumber, "UPDATE repair_order SET escalation_level = ?, updated_at = ? WHERE case_number = ?",
          level.name(), now(), caseNumber);
    }
  }

  void calledBack(String caseNumber, boolean satisfied, Integer satisfaction, boolean chargeDisputed, String comment,
      String otherNeeds) {
    update(caseNumber, """
        UPDATE repair_order SET callback_at = ?, satisfied = ?, satisfaction = ?, charge_disputed = ?,
            callback_comment = ?, other_needs = ?, updated_at = ? WHERE case_number = ?""",
        now(), satisfied, satisfaction, chargeDisputed, comment, otherNeeds, now(), caseNumber);
  }

  void followUp(String caseNumber, String followUpCaseNumber) {
    update(caseNumber, "UPDATE repair_order SET follow_up_case_number = ?, updated_at = ? WHERE case_number = ?",
        followUpCaseNumber, now(), caseNumber);
  }

  void reopenedForRework(String caseNumber, int reworkCount, Date onSiteDue) {
    update(caseNumber, """
        UPDATE repair_order SET status = 'REWORK', rework_count = ?, on_site_due = ?, callback_due = NULL,
            updated_at = ? WHERE case_number = ?""",
        reworkCount, ts(onSiteDue), now(), caseNumber);
  }

  void closed(String caseNumber) {
    update(caseNumber, "UPDATE repair_order SET status = 'CLOSED', closed_at = ?, updated_at = ? WHERE case_number = ?",
        now(), now(), caseNumber);
  }

  private void update(String caseNumber, String sql, Object... params) {
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw unknown(caseNumber);
    }
  }

  private static IllegalStateException unknown(String caseNumber) {
    return new IllegalStateException("No repair order " + caseNumber);
  }

  private static Timestamp now() {
    return new Timestamp(EngineClock.now().getTime());
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
