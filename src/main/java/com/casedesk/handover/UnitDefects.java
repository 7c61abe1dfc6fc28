package com.casedesk.handover;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Defects of units and their photos (tables unit_defect, unit_defect_photo). */
@Repository
class UnitDefects {

  /** A defect as recorded and rectified. */
  record Defect(String caseNumber, String handoverCase, String companyCode, String unitCode, String room,
      String location, String category, String description, String recordedBy, LocalDateTime recordedAt,
      String contractorCode, LocalDateTime assignedAt, LocalDateTime dueAt, String status, int reworkCount,
      LocalDateTime rectifiedAt, LocalDateTime verifiedAt, Boolean rectifiedOnTime, String escalationLevel,
      LocalDateTime confirmedAt, String confirmedBy, String processInstanceId) {}

  /** A photo's description, without its bytes. */
  record Photo(long id, String defectCase, String fileName, String mimeType, LocalDateTime uploadedAt) {}

  private static final String COLUMNS = """
      case_number, handover_case, company_code, unit_code, room, location, category, description, recorded_by,
      recorded_at, contractor_code, assigned_at, due_at, status, rework_count, rectified_at, verified_at,
      rectified_on_time, escalation_level, confirmed_at, confirmed_by, process_instance_id""";

  private final JdbcClient jdbc;

  UnitDefects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Defect> find(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_defect WHERE case_number = ?")
        .param(caseNumber).query(Defect.class).optional();
  }

  List<Defect> ofUnit(String unitCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_defect WHERE unit_code = ? ORDER BY recorded_at, case_number")
        .param(unitCode).query(Defect.class).list();
  }

  List<Defect> ofHandover(String handoverCase) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM unit_defect WHERE handover_case = ? ORDER BY recorded_at, case_number")
        .param(handoverCase).query(Defect.class).list();
  }

  List<Photo> photos(String defectCase) {
    return jdbc.sql("SELECT id, defect_case, file_name, mime_type, uploaded_at FROM unit_defect_photo WHERE defect_case = ? ORDER BY id")
        .param(defectCase).query(Photo.class).list();
  }

  void insert(String caseNumber, String handoverCase, String companyCode, String unitCode, String room, String location,
      String category, String description, String recordedBy) {
    jdbc.sql("""
            INSERT INTO unit_defect (case_number, handover_case, company_code, unit_code, room, location, category,
                description, recorded_by, recorded_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(caseNumber, handoverCase, companyCode, unitCode, room, location, category, description, recordedBy,
            UnitHandovers.now())
        .update();
  }

  void addPhoto(String defectCase, String fileName, String mimeType, byte[] content) {
    jdbc.sql("INSERT INTO unit_defect_photo (defect_case, file_name, mime_type, content, uploaded_at) VALUES (?, ?, ?, ?, ?)")
        .params(defectCase, fileName, mimeType, content, UnitHandovers.now()).update();
  }

  void started(String caseNumber, String processInstanceId, Date dueAt) {
    update(caseNumber, "UPDATE unit_defect SET process_instance_id = ?, due_at = ? WHERE case_number = ?",
        processInstanceId, ts(dueAt), caseNumber);
  }

  void assigned(String caseNumber, String contractorCode) {
    update(caseNumber, "UPDATE unit_defect SET contractor_code = ?, assigned_at = ?, status = 'ASSIGNED' WHERE case_number = ?",
        contractorCode, UnitHandovers.now(), caseNumber);
  }

  void rectified(String caseNumber) {
    update(caseNumber, "UPDATE unit_defect SET rectified_at = ?, status = 'RECTIFIED' WHERE case_number = ?",
        UnitHandovers.now(), caseNumber);
  }

  /** Verification failed: back to the contractor, one more rework. */
  void reworked(String caseNumber) {
    update(caseNumber, "UPDATE unit_defect SET rework_count = rework_count + 1, status = 'ASSIGNED' WHERE case_number = ?",
        caseNumber);
  }

  /** Verified; on time when the first verified rectification met its deadline. */
  void verified(String caseNumber) {
    Timestamp now = UnitHandovers.now();
    update(caseNumber, """
        UPDATE unit_defect SET verified_at = ?, status = 'VERIFIED',
            rectified_on_time = CASE WHEN rectified_on_time IS NULL THEN (due_at IS NULL OR rectified_at <= due_at) ELSE rectified_on_time END
        WHERE case_number = ?""", now, caseNumber);
  }

  /** The owner did not accept the rectification: back to the contractor with a new deadline. */
  void reopened(String caseNumber, Date dueAt) {
    update(caseNumber, """
        UPDATE unit_defect SET rework_count = rework_count + 1, status = 'ASSIGNED', due_at = ?, verified_at = NULL
        WHERE case_number = ?""", ts(dueAt), caseNumber);
  }

  void escalated(String caseNumber, String level) {
    update(caseNumber, "UPDATE unit_defect SET escalation_level = ? WHERE case_number = ?", level, caseNumber);
  }

  void closed(String caseNumber, String confirmedBy) {
    update(caseNumber, "UPDATE unit_defect SET status = 'CLOSED', confirmed_at = ?, confirmed_by = ? WHERE case_number = ?",
        UnitHandovers.now(), confirmedBy, caseNumber);
  }

  private void update(String caseNumber, String sql, Object... params) {
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw new IllegalStateException("No defect " + caseNumber);
    }
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
