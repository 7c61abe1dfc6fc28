package com.casedesk.owner;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.IdempotentStarts;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.complaint.ComplaintIntakeRequest;
import com.casedesk.complaint.ComplaintIntakeService;
import com.casedesk.directory.Directory;
import com.casedesk.handover.OwnerDefectConfirmations;
import com.casedesk.repair.RepairIntakeRequest;
import com.casedesk.repair.RepairIntakeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The owners' public endpoints behind {@code /owner/}: no login; an owner acts on their own unit
 * with the phone on file, and reads a case with its number and phone. Bad input: 400
 * problem+json naming each field, nothing starts; a case not found or not theirs: the same 404.
 */
@RestController
@RequestMapping(path = "/owner/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OwnerPortalApi {

  static final String CALLER = "owner-web";

  /** A complaint about the owner's own unit. */
  record ComplaintForm(String unitCode, String contactName, String contactPhone, String category, String description) {}

  /** An in-home repair request for the owner's own unit. */
  record RepairForm(String unitCode, String contactName, String contactPhone, String category, String urgency,
      String preferredTime, String description) {}

  /** Number and phone: the owner's key to a case. */
  record Lookup(String caseNumber, String phone) {}

  /** The owner's rating after the callback. */
  record Rating(String caseNumber, String phone, Integer score, String comment) {}

  /** The owner's answer about a rectified defect. */
  record DefectAnswer(String caseNumber, String phone, Boolean satisfied, String comment) {}

  /** What the page shows after a submission: the number and what CaseDesk promises. */
  record Submitted(String caseNumber, String commitment, boolean replayed) {}

  private final ComplaintIntakeService complaints;
  private final RepairIntakeService repairs;
  private final OwnerCases cases;
  private final OwnerDefectConfirmations defects;
  private final Directory directory;
  private final JdbcClient jdbc;

  OwnerPortalApi(ComplaintIntakeService complaints, RepairIntakeService repairs, OwnerCases cases,
      OwnerDefectConfirmations defects, Directory directory, JdbcClient jdbc) {
    this.complaints = complaints;
    this.repairs = repairs;
    this.cases = cases;
    this.defects = defects;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** A unit to pick, with its building and project (codes and names only). */
  record UnitChoice(String projectCode, String projectName, String buildingCode, String buildingName, String unitCode,
      String roomNo) {}

  /** Projects, buildings and units to pick from. */
  @GetMapping("/units")
  List<UnitChoice> units() {
    return jdbc.sql("""
            SELECT p.code AS project_code, p.name AS project_name, b.code AS building_code, b.name AS building_name,
                   u.code AS unit_code, u.room_no
            FROM unit u JOIN building b ON b.code = u.building_code JOIN project p ON p.code = b.project_code
            ORDER BY p.code, b.code, u.code""").query(UnitChoice.class).list();
  }

  @PostMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
  Submitted complaint(@RequestBody ComplaintForm form, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    requireOwner(form.unitCode(), form.contactPhone());
    IdempotentStarts.Started started = complaints.register(new ComplaintIntakeRequest("app", form.unitCode(), null,
        form.contactName(), form.contactPhone(), form.category(), null, form.description()), key, CALLER);
    return new Submitted(started.caseNumber(), "我们将在 24 小时内答复您", started.replayed());
  }

  @PostMapping(path = "/repairs", consumes = MediaType.APPLICATION_JSON_VALUE)
  Submitted repair(@RequestBody RepairForm form, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    requireOwner(form.unitCode(), form.contactPhone());
    IdempotentStarts.Started started = repairs.register(new RepairIntakeRequest("app", "in-home", form.unitCode(), null,
        null, form.category(), form.urgency(), form.preferredTime(), form.contactName(), form.contactPhone(),
        form.description()), key, CALLER);
    return new Submitted(started.caseNumber(),
        "urgent".equals(form.urgency()) ? "维修技师将在 15 分钟内到场" : "维修技师将按预约时间上门", started.replayed());
  }

  @PostMapping(path = "/track", consumes = MediaType.APPLICATION_JSON_VALUE)
  OwnerCases.Tracked track(@RequestBody Lookup lookup) {
    return cases.track(FieldChecks.text(lookup.caseNumber()), FieldChecks.text(lookup.phone()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到与该电话匹配的案件"));
  }

  @PostMapping(path = "/rate", consumes = MediaType.APPLICATION_JSON_VALUE)
  OwnerCases.Tracked rate(@RequestBody Rating rating) {
    List<FieldError> errors = new ArrayList<>();
    if (rating.score() == null || rating.score() < 1 || rating.score() > 5) {
      errors.add(new FieldError("score", "评分应为1至5分"));
    }
    Map<String, Object> input = new HashMap<>();
    input.put("comment", rating.comment());
    String comment = FieldChecks.plainText(errors, input, "comment", false, 1000);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("评价信息有误", errors);
    }
    return cases.rate(FieldChecks.text(rating.caseNumber()), FieldChecks.text(rating.phone()), rating.score(), comment);
  }

  @PostMapping(path = "/defects/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  OwnerDefectConfirmations.Confirmed confirmDefect(@RequestBody DefectAnswer answer) {
    return defects.confirm(FieldChecks.text(answer.caseNumber()), answer.phone(), answer.satisfied(), answer.comment());
  }

  /** Only the unit's owner, by the phone on file, acts for the unit. */
  private void requireOwner(String unitCode, String phone) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> input = new HashMap<>();
    input.put("unitCode", unitCode);
    input.put("contactPhone", phone);
    String unit = FieldChecks.text(input, "unitCode");
    String checkedPhone = FieldChecks.phone(errors, input, "contactPhone");
    if (unit == null) {
      errors.add(new FieldError("unitCode", "必填"));
    }
    if (errors.isEmpty() && directory.ownerOfUnitWithPhone(unit, checkedPhone).isEmpty()) {
      errors.add(new FieldError("contactPhone", "电话与该房号登记的业主电话不一致，请使用登记电话或联系物业前台"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("提交信息有误", errors);
    }
  }
}
