package com.casedesk.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily inventory of open complaints (投诉日盘点): which complaints of a company are open,
 * which are overdue, and what the supervisor recorded for them.
 */
@Component
class ComplaintInventory {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ComplaintCases cases;
  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  ComplaintInventory(ComplaintCases cases, JdbcClient jdbc, ObjectMapper objectMapper) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  /** Rows for the supervisor's form: every open complaint, and the overdue ones to be explained. */
  record Snapshot(ArrayNode open, ArrayNode overdue, List<String> overdueCaseNumbers) {}

  /** Timestamps of the case record are in the JVM's zone; {@code displayZone} is the staff's. */
  Snapshot take(String companyCode, java.time.Instant now, ZoneId displayZone) {
    ArrayNode open = objectMapper.createArrayNode();
    ArrayNode overdue = objectMapper.createArrayNode();
    List<String> overdueNumbers = new ArrayList<>();
    for (ComplaintCase complaint : cases.openForCompany(companyCode)) {
      java.time.Instant deadline = instant(currentDeadline(complaint));
      boolean late = deadline != null && deadline.isBefore(now);
      ObjectNode row = open.addObject()
          .put("caseNumber", complaint.caseNumber())
          .put("category", complaint.category())
          .put("status", complaint.status())
          .put("ageDays", Duration.between(instant(complaint.registeredAt()), now).toDays())
          .put("owner", complaint.firstContactOwner() == null ? "（待认领）" : complaint.firstContactOwner())
          .put("department", complaint.responsibleGroup())
          .put("deadline", deadline == null ? "" : MINUTE.format(deadline.atZone(displayZone)))
          .put("overdue", late ? "是" : "否");
      if (late) {
        overdue.addObject()
            .put("caseNumber", complaint.caseNumber())
            .put("summary", row.get("category").asText() + "，" + row.get("ageDays").asText() + "天，期限 " + row.get("deadline").asText())
            .put("responsiblePerson", "")
            .put("rootCause", "");
        overdueNumbers.add(complaint.caseNumber());
      }
    }
    return new Snapshot(open, overdue, overdueNumbers);
  }

  /** The deadline the complaint is working towards now: reply, resolution or callback. */
  static LocalDateTime currentDeadline(ComplaintCase complaint) {
    if (complaint.repliedAt() == null && complaint.replyDue() != null) {
      return complaint.replyDue();
    }
    if ("RESOLVED".equals(complaint.status())) {
      return complaint.callbackDue();
    }
    return complaint.resolutionDue();
  }

  /**
   * Checks that each overdue complaint has a named responsible person and a root cause.
   *
   * @return what is missing, in the supervisor's words; empty when complete
   */
  List<String> missingExplanations(JsonNode submitted, List<String> overdueCaseNumbers) {
    List<String> missing = new ArrayList<>();
    for (String caseNumber : overdueCaseNumbers) {
      JsonNode row = find(submitted, caseNumber);
      if (row == null) {
        missing.add(caseNumber + "：缺少该逾期投诉");
      } else if (blank(row, "responsiblePerson") || blank(row, "rootCause")) {
        missing.add(caseNumber + "：请填写责任人和逾期原因");
      }
    }
    return missing;
  }

  void record(LocalDate day, String companyCode, JsonNode open, JsonNode overdue, String reviewedBy, java.util.Date now) {
    for (JsonNode row : open) {
      String caseNumber = row.get("caseNumber").asText();
      boolean known = jdbc.sql("SELECT COUNT(*) FROM complaint_inventory WHERE inventory_day = ? AND case_number = ?")
          .params(day, caseNumber).query(Integer.class).single() > 0;
      if (known) {
        continue;
      }
      JsonNode explanation = find(overdue, caseNumber);
      jdbc.sql("""
              INSERT INTO complaint_inventory (inventory_day, company_code, case_number, overdue, age_days,
                  responsible_person, root_cause, reviewed_by, recorded_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(day, companyCode, caseNumber, "是".equals(row.get("overdue").asText()), row.get("ageDays").asInt(),
              explanation == null ? null : explanation.get("responsiblePerson").asText(),
              explanation == null ? null : explanation.get("rootCause").asText(),
              reviewedBy, new Timestamp(now.getTime()))
          .update();
    }
  }

  record InventoryRow(String caseNumber, boolean overdue, String responsiblePerson, String rootCause, String reviewedBy) {}

  List<InventoryRow> recorded(LocalDate day, String companyCode) {
    return jdbc.sql("""
            SELECT case_number, overdue, responsible_person, root_cause, reviewed_by FROM complaint_inventory
            WHERE inventory_day = ? AND company_code = ? ORDER BY case_number""")
        .params(day, companyCode).query(InventoryRow.class).list();
  }

  /** A JSON variable (Spin JSON from the engine or the form) as a Jackson tree; null as an empty list. */
  JsonNode parse(Object value) {
    if (value == null) {
      return objectMapper.createArrayNode();
    }
    try {
      return objectMapper.readTree(value.toString());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("盘点数据格式不正确：" + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode find(JsonNode rows, String caseNumber) {
    if (rows == null) {
      return null;
    }
    for (JsonNode row : rows) {
      if (caseNumber.equals(row.path("caseNumber").asText())) {
        return row;
      }
    }
    return null;
  }

  private static boolean blank(JsonNode row, String field) {
    return row.path(field).asText("").isBlank();
  }

  private static java.time.Instant instant(LocalDateTime systemZoneTime) {
    return systemZoneTime == null ? null : systemZoneTime.atZone(ZoneId.systemDefault()).toInstant();
  }
}
