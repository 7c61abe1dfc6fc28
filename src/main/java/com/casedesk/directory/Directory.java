package com.casedesk.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to companies, projects, units and contractors, and staff profile upkeep. */
@Service
public class Directory {

  private final JdbcClient jdbc;

  Directory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Company> companies() {
    return jdbc.sql("SELECT code, name, city, hotline FROM company ORDER BY code").query(Company.class).list();
  }

  /** Codes of all frontline companies (BPMN: {@code ${directory.companyCodes()}}). */
  public List<String> companyCodes() {
    return jdbc.sql("SELECT code FROM company ORDER BY code").query(String.class).list();
  }

  public Optional<Company> company(String code) {
    return jdbc.sql("SELECT code, name, city, hotline FROM company WHERE code = ?")
        .param(code).query(Company.class).optional();
  }

  public List<Contractor> contractors() {
    return jdbc.sql("SELECT code, name, trade FROM contractor ORDER BY code").query(Contractor.class).list();
  }

  /** The frontline company a project belongs to. */
  public Optional<String> companyOfProject(String projectCode) {
    return jdbc.sql("SELECT company_code FROM project WHERE code = ?")
        .param(projectCode).query(String.class).optional();
  }

  /** The frontline company a unit (房号) belongs to, through its building and project. */
  public Optional<String> companyOfUnit(String unitCode) {
    return jdbc.sql("""
            SELECT p.company_code FROM unit u
            JOIN building b ON b.code = u.building_code
            JOIN project p ON p.code = b.project_code
            WHERE u.code = ?""")
        .param(unitCode).query(String.class).optional();
  }

  /** The projects of a company, by code. */
  public List<String> projectCodesOfCompany(String companyCode) {
    return jdbc.sql("SELECT code FROM project WHERE company_code = ? ORDER BY code").param(companyCode).query(String.class).list();
  }

  /** The project a building belongs to. */
  public Optional<String> projectOfBuilding(String buildingCode) {
    return jdbc.sql("SELECT project_code FROM building WHERE code = ?")
        .param(buildingCode).query(String.class).optional();
  }

  /** The name staff and owners know a project by (四季花城). */
  public Optional<String> projectName(String projectCode) {
    return jdbc.sql("SELECT name FROM project WHERE code = ?").param(projectCode).query(String.class).optional();
  }

  /** Every project: code, name and company (for report labels and filters). */
  public record ProjectEntry(String code, String name, String companyCode) {}

  public List<ProjectEntry> projects() {
    return jdbc.sql("SELECT code, name, company_code FROM project ORDER BY company_code, code")
        .query(ProjectEntry.class).list();
  }

  /** Building code to building name (e.g. 3栋), for the buildings of these projects. */
  public java.util.Map<String, String> buildingNames(java.util.Collection<String> buildingCodes) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    if (!buildingCodes.isEmpty()) {
      jdbc.sql("SELECT code, name FROM building WHERE code IN (:codes)").param("codes", buildingCodes)
          .query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
          });
    }
    return names;
  }

  /** User id to display name (张敏), for the staff with a profile among these users. */
  public java.util.Map<String, String> staffNames(java.util.Collection<String> userIds) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    if (!userIds.isEmpty()) {
      jdbc.sql("SELECT user_id, display_name FROM staff_profile WHERE user_id IN (:ids)").param("ids", userIds)
          .query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
          });
    }
    return names;
  }

  /** A unit and its primary owner (name and phone on file), if it has one. */
  public record UnitContact(String unitCode, String buildingCode, String ownerName, String ownerPhone) {}

  /** The units of a project (or of one of its buildings), with their primary owners, by code. */
  public List<UnitContact> unitContacts(String projectCode, String buildingCode) {
    return jdbc.sql("""
            SELECT u.code AS unit_code, u.building_code, o.name AS owner_name, o.phone AS owner_phone
            FROM unit u JOIN building b ON b.code = u.building_code
            LEFT JOIN unit_owner uo ON uo.unit_code = u.code AND uo.is_primary = TRUE
            LEFT JOIN owner o ON o.id = uo.owner_id
            WHERE b.project_code = ? AND (CAST(? AS VARCHAR(32)) IS NULL OR u.building_code = ?)
            ORDER BY u.code""")
        .params(projectCode, buildingCode, buildingCode).query(UnitContact.class).list();
  }

  /** A unit with its building and primary owner. */
  public Optional<UnitContact> unitContact(String unitCode) {
    return jdbc.sql("""
            SELECT u.code AS unit_code, u.building_code, o.name AS owner_name, o.phone AS owner_phone
            FROM unit u LEFT JOIN unit_owner uo ON uo.unit_code = u.code AND uo.is_primary = TRUE
            LEFT JOIN owner o ON o.id = uo.owner_id
            WHERE u.code = ?""")
        .param(unitCode).query(UnitContact.class).optional();
  }

  /** The project a unit belongs to. */
  public Optional<String> projectOfUnit(String unitCode) {
    return jdbc.sql("SELECT b.project_code FROM unit u JOIN building b ON b.code = u.building_code WHERE u.code = ?")
        .param(unitCode).query(String.class).optional();
  }

  /** The owner of the unit with this phone number, if the caller is one. */
  public Optional<Long> ownerOfUnitWithPhone(String unitCode, String phone) {
    return jdbc.sql("""
            SELECT o.id FROM owner o JOIN unit_owner uo ON uo.owner_id = o.id
            WHERE uo.unit_code = ? AND o.phone = ?""")
        .params(unitCode, phone).query(Long.class).optional();
  }

  public Optional<StaffProfile> staffProfile(String userId) {
    return jdbc.sql("""
            SELECT user_id, display_name, company_code, contractor_code, title, phone
            FROM staff_profile WHERE user_id = ?""")
        .param(userId).query(StaffProfile.class).optional();
  }

  /** Creates or replaces a staff profile. */
  @Transactional
  public void saveStaffProfile(StaffProfile profile) {
    int updated = jdbc.sql("""
            UPDATE staff_profile SET display_name = ?, company_code = ?, contractor_code = ?, title = ?, phone = ?
            WHERE user_id = ?""")
        .params(profile.displayName(), profile.companyCode(), profile.contractorCode(), profile.title(),
            profile.phone(), profile.userId())
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO staff_profile (user_id, display_name, company_code, contractor_code, title, phone)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(profile.userId(), profile.displayName(), profile.companyCode(), profile.contractorCode(),
              profile.title(), profile.phone())
          .update();
    }
  }
}
