package com.casedesk.handover;

import com.casedesk.complaint.ComplaintCase;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.directory.Directory;
import com.casedesk.repair.RepairOrder;
import com.casedesk.repair.RepairOrders;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The unit case file (单元房案例): everything CaseDesk knows about a unit, for renovation and
 * maintenance later: its handovers, every defect with its photos and rectification, the unit's
 * history, and the complaints and repairs about it.
 */
@Service
class UnitCaseFile {

  /** A defect with the names of its photos. */
  record DefectEntry(UnitDefects.Defect defect, List<UnitDefects.Photo> photos) {}

  /** A complaint about the unit, in short. */
  record ComplaintEntry(String caseNumber, String category, String status, LocalDateTime registeredAt, String description) {}

  /** A repair of the unit, in short. */
  record RepairEntry(String caseNumber, String category, String status, LocalDateTime registeredAt, String description) {}

  /** The case file. */
  record CaseFile(String unitCode, String companyCode, String projectCode, String buildingCode,
      List<UnitHandovers.Handover> handovers, List<DefectEntry> defects, List<UnitEvents.Event> history,
      List<ComplaintEntry> complaints, List<RepairEntry> repairs) {}

  private final Directory directory;
  private final UnitHandovers handovers;
  private final UnitDefects defects;
  private final UnitEvents events;
  private final ComplaintCases complaints;
  private final RepairOrders repairs;
  private final JdbcClient jdbc;

  UnitCaseFile(Directory directory, UnitHandovers handovers, UnitDefects defects, UnitEvents events,
      ComplaintCases complaints, RepairOrders repairs, JdbcClient jdbc) {
    this.directory = directory;
    this.handovers = handovers;
    this.defects = defects;
    this.events = events;
    this.complaints = complaints;
    this.repairs = repairs;
    this.jdbc = jdbc;
  }

  Optional<CaseFile> of(String unitCode) {
    Optional<Directory.UnitContact> unit = directory.unitContact(unitCode);
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    String project = directory.projectOfUnit(unitCode).orElseThrow();
    String company = directory.companyOfUnit(unitCode).orElseThrow();
    List<DefectEntry> defectEntries = defects.ofUnit(unitCode).stream()
        .map(defect -> new DefectEntry(defect, defects.photos(defect.caseNumber()))).toList();
    List<ComplaintEntry> complaintEntries = complaints.ofUnit(unitCode).stream()
        .filter(complaint -> !complaint.drill())
        .map((ComplaintCase c) -> new ComplaintEntry(c.caseNumber(), c.category(), c.status(), c.registeredAt(), c.description()))
        .toList();
    List<RepairEntry> repairEntries = repairs.ofUnit(unitCode).stream()
        .map((RepairOrder r) -> new RepairEntry(r.caseNumber(), r.category(), r.status(), r.registeredAt(), r.description()))
        .toList();
    return Optional.of(new CaseFile(unitCode, company, project, unit.get().buildingCode(), handovers.ofUnit(unitCode),
        defectEntries, events.ofUnit(unitCode), complaintEntries, repairEntries));
  }

  /** A photo's bytes with its type, if it belongs to a defect of the unit. */
  Optional<PhotoContent> photo(String unitCode, long photoId) {
    return jdbc.sql("""
            SELECT p.file_name, p.mime_type, p.content FROM unit_defect_photo p
            JOIN unit_defect d ON d.case_number = p.defect_case
            WHERE d.unit_code = ? AND p.id = ?""")
        .params(unitCode, photoId)
        .query((rs, row) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  record PhotoContent(String fileName, String mimeType, byte[] content) {}
}
