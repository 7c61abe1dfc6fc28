package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Handover records (table unit_handover), written in the engine's transaction. */
@Repository
class UnitHandovers {

  /** A handover of a unit. */
  record Handover(String caseNumber, String companyCode, String projectCode, String buildingCode, String unitCode,
      Long ownerId, String ownerName, String ownerPhone, LocalDateTime appointmentAt, String firstContactOwner,
      String status, String preInspectionRemarks, int inspections, String refusalReason, LocalDateTime keysHandedAt,
      LocalDateTime careVisitAt, String careVisitNote, String processInstanceId) {}

  private static final String COLUMNS = """
      case_number, company_code, project_code, building_code, unit_code, owner_id, owner_name, owner_phone,
      appointment_at, first_contact_owner, status, pre_inspection_remarks, inspections, refusal_reason, keys_handed_at,
      care_visit_at, care_visit_note, process_instance_id""";

  private final JdbcClient jdbc;

  UnitHandovers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Handover> find(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_handover WHERE case_number = ?")
        .param(caseNumber).query(Handover.class).optional();
  }

  List<Handover> ofUnit(String unitCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_handover WHERE unit_code = ? ORDER BY created_at, case_number")
        .param(unitCode).query(Handover.class).list();
  }

  /** The unit's handover, pending or done, if any: a unit is handed over once. */
  Optional<Handover> existingOfUnit(String unitCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_handover WHERE unit_code = ? FETCH FIRST 1 ROWS ONLY")
        .param(unitCode).query(Handover.class).optional();
  }

  void insert(Handover h) {
    Timestamp now = now();
    jdbc.sql("""
            INSERT INTO unit_handover (case_number, company_code, project_code, building_code, unit_code, owner_id,
                owner_name, owner_phone, appointment_at, first_contact_owner, status, process_instance_id, created_at,
                updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?)""")
        .params(h.caseNumber(), h.companyCode(), h.projectCode(), h.buildingCode(), h.unitCode(), h.ownerId(),
            h.ownerName(), h.ownerPhone(), Timestamp.valueOf(h.appointmentAt()), h.firstContactOwner(),
            h.processInstanceId(), now, now)
        .update();
  }

  void preInspected(String caseNumber, String remarks) {
    update(caseNumber, "UPDATE unit_handover SET pre_inspection_remarks = ?, updated_at = ? WHERE case_number = ?",
        remarks, now(), caseNumber);
  }

  void inspected(String caseNumber) {
    update(caseNumber, "UPDATE unit_handover SET inspections = inspections + 1, updated_at = ? WHERE case_number = ?",
        now(), caseNumber);
  }

  void refused(String caseNumber, String reason) {
    update(caseNumber, "UPDATE unit_handover SET status = 'REFUSED', refusal_reason = ?, updated_at = ? WHERE case_number = ?",
        reason, now(), caseNumber);
  }

  void rescheduled(String caseNumber, Date appointment) {
    update(caseNumber, "UPDATE unit_handover SET appointment_at = ?, updated_at = ? WHERE case_number = ?",
        new Timestamp(appointment.getTime()), now(), caseNumber);
  }

  void handedOver(String caseNumber) {
    update(caseNumber, "UPDATE unit_handover SET status = 'HANDED_OVER', keys_handed_at = ?, updated_at = ? WHERE case_number = ?",
        now(), now(), caseNumber);
  }

  void careVisited(String caseNumber, String note) {
    update(caseNumber, "UPDATE unit_handover SET care_visit_at = ?, care_visit_note = ?, updated_at = ? WHERE case_number = ?",
        now(), note, now(), caseNumber);
  }

  private void update(String caseNumber, String sql, Object... params) {
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw new IllegalStateException("No handover " + caseNumber);
    }
  }

  static Timestamp now() {
    return new Timestamp(EngineClock.now().getTime());
  }
}
