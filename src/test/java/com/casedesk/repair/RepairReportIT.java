package com.casedesk.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/reports/repairs on seeded orders of March 2025 whose figures are known: per technician
 * and category, per company, month boundaries in office time, and who may see which company.
 */
@CaseDeskIntegrationTest
class RepairReportIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void seed() {
    jdbc.sql("DELETE FROM repair_order WHERE case_number LIKE 'BX-2025____-9___'").update();
    jdbc.sql("DELETE FROM case_file WHERE case_number LIKE 'BX-2025____-9___'").update();
    // number, company, unit, technician, category, arrived on time, completed on time, reworks, satisfaction, charge, first completed (Shanghai)
    order("BX-20250303-9001", "sz", "sz-sjhc-01-0801", "sz-tech", "water", true, true, 0, 5, "0", LocalDateTime.of(2025, 3, 3, 11, 0));
    order("BX-20250310-9002", "sz", "sz-sjhc-01-0801", "sz-tech", "water", true, false, 1, 3, "50.00", LocalDateTime.of(2025, 3, 10, 15, 0));
    // just after midnight on 1 March in Shanghai: still 28 February in UTC, counts for March
    order("BX-20250228-9003", "sz", "sz-sjhc-01-0801", "sz-tech", "water", false, true, 0, null, "20.50", LocalDateTime.of(2025, 3, 1, 0, 10));
    order("BX-20250320-9004", "sz", "sz-sjhc-01-0801", "sz-tech2", "electric", true, true, 2, 4, "100", LocalDateTime.of(2025, 3, 20, 9, 0));
    // just after midnight on 1 April in Shanghai: still 31 March in UTC, does not count for March
    order("BX-20250331-9005", "sz", "sz-sjhc-01-0801", "sz-tech", "water", true, true, 0, 1, "999", LocalDateTime.of(2025, 4, 1, 0, 30));
    order("BX-20250312-9006", "sh", "sh-jyhf-03-0602", "sh-tech", "elevator", true, true, 0, 5, "0", LocalDateTime.of(2025, 3, 12, 10, 0));
  }

  private void order(String caseNumber, String company, String unit, String technician, String category,
      boolean arrivedOnTime, boolean completedOnTime, int reworks, Integer satisfaction, String charge,
      LocalDateTime firstCompleted) {
    String project = unit.substring(0, unit.indexOf('-', 3));
    Timestamp completed = Timestamp.from(firstCompleted.atZone(SHANGHAI).toInstant());
    Timestamp registered = Timestamp.from(firstCompleted.minusHours(3).atZone(SHANGHAI).toInstant());
    jdbc.sql("INSERT INTO case_file (case_number, case_type, company_code) VALUES (?, 'BX', ?)").params(caseNumber, company).update();
    jdbc.sql("""
            INSERT INTO repair_order (case_number, company_code, project_code, unit_code, location_type, contact_name,
                contact_phone, channel, category, urgency, description, status, registered_at, first_technician,
                technician, arrived_on_time, first_completed_at, completed_on_time, completed_at, charge_amount,
                rework_count, satisfaction, process_instance_id, updated_at)
            VALUES (?, ?, ?, ?, 'in-home', '业主', '13800000001', 'hotline', ?, 'normal', '种子数据', 'CLOSED', ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, 'seeded', ?)""")
        .params(caseNumber, company, project, unit, category, registered, technician, technician, arrivedOnTime,
            completed, completedOnTime, completed, new java.math.BigDecimal(charge), reworks, satisfaction, completed)
        .update();
  }

  private ResponseEntity<Map> report(String user, String month) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/reports/repairs?month=" + month, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(ResponseEntity<Map> answer, String name) {
    return (List<Map<String, Object>>) answer.getBody().get(name);
  }

  private static Map<String, Object> line(List<Map<String, Object>> lines, String technician, String category) {
    return lines.stream().filter(l -> technician.equals(l.get("technician")) && category.equals(l.get("category")))
        .findFirst().orElseThrow(() -> new AssertionError("no line for " + technician + "/" + category + " in " + lines));
  }

  @Test
  void the_group_centre_sees_every_company_with_known_figures() {
    ResponseEntity<Map> answer = report("crc", "2025-03");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().get("month")).isEqualTo("2025-03");
    List<Map<String, Object>> lines = list(answer, "lines");
    assertThat(lines).hasSize(3);

    Map<String, Object> water = line(lines, "sz-tech", "water");
    assertThat(water).containsEntry("companyCode", "sz").containsEntry("technicianName", "林强")
        .containsEntry("orders", 3).containsEntry("arrivedOnTime", 2).containsEntry("completedOnTime", 2)
        .containsEntry("reworked", 1).containsEntry("rated", 2);
    assertThat(water.get("onTimeArrivalRate")).isEqualTo(0.6667);
    assertThat(water.get("onTimeCompletionRate")).isEqualTo(0.6667);
    assertThat(water.get("reworkRate")).isEqualTo(0.3333);
    assertThat(water.get("averageSatisfaction")).isEqualTo(4.0);
    assertThat(water.get("charges")).isEqualTo(70.5);

    Map<String, Object> electric = line(lines, "sz-tech2", "electric");
    assertThat(electric).containsEntry("orders", 1).containsEntry("reworkRate", 1.0).containsEntry("charges", 100.0)
        .containsEntry("averageSatisfaction", 4.0);

    List<Map<String, Object>> totals = list(answer, "companyTotals");
    assertThat(totals).extracting(t -> t.get("companyCode")).containsExactly("sh", "sz");
    Map<String, Object> sz = totals.get(1);
    assertThat(sz).containsEntry("orders", 4).containsEntry("onTimeArrivalRate", 0.75).containsEntry("onTimeCompletionRate", 0.75)
        .containsEntry("reworkRate", 0.5).containsEntry("averageSatisfaction", 4.0).containsEntry("charges", 170.5);
  }

  @Test
  void a_companys_dispatcher_sees_only_that_company() {
    ResponseEntity<Map> answer = report("sz-dispatch", "2025-03");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list(answer, "lines")).extracting(l -> l.get("companyCode")).containsOnly("sz");
    assertThat(report("sh-dispatch", "2025-03").getBody().get("companies")).isEqualTo(List.of("sh"));
  }

  @Test
  void the_next_month_holds_only_the_order_completed_after_midnight_office_time() {
    List<Map<String, Object>> lines = list(report("crc", "2025-04"), "lines");
    assertThat(lines).singleElement().satisfies(l -> assertThat(l).containsEntry("orders", 1).containsEntry("charges", 999.0));
  }

  @Test
  void front_desk_staff_may_not_read_it_and_a_bad_month_is_a_400_problem() {
    assertThat(report("sz-frontdesk", "2025-03").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> bad = report("crc", "March");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(rest.withBasicAuth("crc", "demo").getForEntity("/api/reports/repairs", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
