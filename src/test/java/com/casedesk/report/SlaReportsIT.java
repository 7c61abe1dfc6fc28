package com.casedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Cockpit plugin's REST resources on a seeded SLA ledger of March and April 2023 whose figures
 * are known, read through a real Cockpit session: breach list, aggregates (median and 90th
 * percentile), trend, dashboard, CSV; a Shenzhen manager never reads Shanghai rows, even with a
 * crafted query; drills stay out of the real figures. The engine clock stands at 25 April 2023,
 * 12:00 Shanghai.
 */
@CaseDeskIntegrationTest
class SlaReportsIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String REPORTS = "/camunda/api/cockpit/plugin/casedesk-sla/default/reports/";
  private static final String APRIL = "from=2023-04-01&to=2023-04-30";
  private static final String PROCESS = "complaint-handling";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void seed() {
    ClockUtil.setCurrentTime(at(2023, 4, 25, 12, 0));
    jdbc.sql("DELETE FROM sla_event WHERE task_id LIKE 'slarep-%'").update();
    jdbc.sql("DELETE FROM sla_open_deadline WHERE task_id LIKE 'slarep-%'").update();
    // done in time, late 60, late 180 (other project), late 30, in time: Shenzhen, April
    event("a1", "TS-20230403-8001", "sz", "sz-sjhc", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sz-frontdesk", at(2023, 4, 3, 10, 0), at(2023, 4, 3, 9, 0), false);
    event("a2", "TS-20230404-8002", "sz", "sz-sjhc", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sz-frontdesk", at(2023, 4, 4, 10, 0), at(2023, 4, 4, 11, 0), false);
    event("a3", "TS-20230405-8003", "sz", "sz-dha", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sz-frontdesk", at(2023, 4, 5, 10, 0), at(2023, 4, 5, 13, 0), false);
    event("a4", "TS-20230406-8004", "sz", "sz-sjhc", "UserTask_HandleComplaint", "处理投诉", "engineering", "sz-engineering", at(2023, 4, 6, 10, 0), at(2023, 4, 6, 10, 30), false);
    event("a5", "TS-20230406-8005", "sz", "sz-sjhc", "UserTask_HandleComplaint", "处理投诉", "engineering", "sz-engineering", at(2023, 4, 7, 10, 0), at(2023, 4, 6, 18, 0), false);
    // Shanghai, April: late 300
    event("a6", "TS-20230403-8006", "sh", "sh-jyhf", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sh-frontdesk", at(2023, 4, 3, 10, 0), at(2023, 4, 3, 15, 0), false);
    // a drill in Shenzhen, April: late 600, never in real figures
    event("d1", "TS-20230403-8007", "sz", "sz-sjhc", "UserTask_ReplyToOwner", "【演练】答复业主", "frontdesk", "sz-frontdesk", at(2023, 4, 3, 10, 0), at(2023, 4, 3, 20, 0), true);
    // Shenzhen, March: late 10, in time
    event("m1", "TS-20230310-8008", "sz", "sz-sjhc", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sz-frontdesk", at(2023, 3, 10, 10, 0), at(2023, 3, 10, 10, 10), false);
    event("m2", "TS-20230311-8009", "sz", "sz-sjhc", "UserTask_ReplyToOwner", "答复业主", "frontdesk", "sz-frontdesk", at(2023, 3, 11, 10, 0), at(2023, 3, 11, 9, 0), false);
    // open: Shenzhen callback due 20 April (late 5 days 2 hours = 7320 minutes at the clock), one due in 2099,
    // Shanghai due 21 April
    open("o1", "TS-20230410-8010", "sz", "sz-sjhc", "UserTask_CallBackOwner", "回访业主", "frontdesk", "sz-frontdesk", at(2023, 4, 20, 10, 0));
    open("o2", "TS-20230424-8011", "sz", "sz-sjhc", "UserTask_CallBackOwner", "回访业主", "frontdesk", null, at(2099, 1, 1, 10, 0));
    open("o3", "TS-20230411-8012", "sh", "sh-jyhf", "UserTask_CallBackOwner", "回访业主", "frontdesk", "sh-frontdesk", at(2023, 4, 21, 10, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant());
  }

  private void event(String id, String caseNumber, String company, String project, String step, String stepName,
      String group, String doneBy, Date due, Date done, boolean drill) {
    long late = done.after(due) ? (done.getTime() - due.getTime()) / 60000 : 0;
    jdbc.sql("""
            INSERT INTO sla_event (task_id, case_number, company_code, project_code, process_key, process_instance_id,
                step_id, step_name, responsible_group, done_by, due_at, done_at, breached, breach_minutes, drill)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params("slarep-" + id, caseNumber, company, project, PROCESS, "pi-" + id, step, stepName, group, doneBy,
            new Timestamp(due.getTime()), new Timestamp(done.getTime()), late > 0, late, drill)
        .update();
  }

  private void open(String id, String caseNumber, String company, String project, String step, String stepName,
      String group, String assignee, Date due) {
    jdbc.sql("""
            INSERT INTO sla_open_deadline (task_id, case_number, company_code, project_code, process_key,
                process_instance_id, step_id, step_name, responsible_group, assignee, due_at, created_at, drill)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)""")
        .params("slarep-" + id, caseNumber, company, project, PROCESS, "pi-" + id, step, stepName, group, assignee,
            new Timestamp(due.getTime()), new Timestamp(due.getTime() - 86_400_000L))
        .update();
  }

  private JsonNode read(String user, String path) {
    HttpResponse<String> answer = WebappSession.login(port, "cockpit", user, "demo").get(REPORTS + path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    try {
      return json.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> column(JsonNode report, String key) {
    List<String> values = new ArrayList<>();
    report.get("rows").forEach(row -> values.add(row.get(key).isNull() ? null : row.get(key).asText()));
    return values;
  }

  private static JsonNode row(JsonNode report, String key, String value) {
    for (JsonNode row : report.get("rows")) {
      if (value.equals(row.get(key).asText())) {
        return row;
      }
    }
    throw new AssertionError("no row with " + key + "=" + value + " in " + report);
  }

  @Test
  void the_breach_list_shows_a_managers_missed_deadlines_latest_first_with_the_open_one() {
    JsonNode report = read("sz-manager", "breaches?" + APRIL + "&process=" + PROCESS);

    assertThat(report.get("meta").get("total").asLong()).isEqualTo(4);
    assertThat(column(report, "caseNumber"))
        .containsExactly("TS-20230410-8010", "TS-20230405-8003", "TS-20230404-8002", "TS-20230406-8004");
    assertThat(column(report, "lateMinutes")).containsExactly("7320", "180", "60", "30");
    JsonNode open = row(report, "caseNumber", "TS-20230410-8010");
    assertThat(open.get("doneAt").isNull()).isTrue();
    assertThat(open.get("status").asText()).isEqualTo("未办结");
    JsonNode late = row(report, "caseNumber", "TS-20230405-8003");
    assertThat(late.get("company").asText()).isEqualTo("深圳公司");
    assertThat(late.get("project").asText()).isNotEqualTo("sz-dha").isNotBlank();
    assertThat(late.get("department").asText()).isEqualTo("前台/客服专员");
    assertThat(late.get("person").asText()).isEqualTo("王芳");
    assertThat(late.get("processInstanceId").asText()).isEqualTo("pi-a3");
  }

  @Test
  void the_breach_list_filters_sorts_and_pages() {
    JsonNode byStep = read("sz-manager", "breaches?" + APRIL + "&step=UserTask_ReplyToOwner&sort=due&dir=asc");
    assertThat(column(byStep, "caseNumber")).containsExactly("TS-20230404-8002", "TS-20230405-8003");

    JsonNode byProject = read("sz-manager", "breaches?" + APRIL + "&project=sz-dha");
    assertThat(column(byProject, "caseNumber")).containsExactly("TS-20230405-8003");

    JsonNode byDepartment = read("sz-manager", "breaches?" + APRIL + "&department=engineering");
    assertThat(column(byDepartment, "caseNumber")).containsExactly("TS-20230406-8004");

    JsonNode byPerson = read("sz-manager", "breaches?" + APRIL + "&person=sz-frontdesk&sort=late&dir=asc");
    assertThat(column(byPerson, "lateMinutes")).containsExactly("60", "180", "7320");

    JsonNode secondPage = read("sz-manager", "breaches?" + APRIL + "&sort=late&dir=desc&size=3&page=1");
    assertThat(secondPage.get("meta").get("total").asLong()).isEqualTo(4);
    assertThat(column(secondPage, "caseNumber")).containsExactly("TS-20230406-8004");
  }

  @Test
  void aggregates_give_counts_rates_median_and_90th_percentile_of_lateness() {
    JsonNode bySteps = read("sz-manager", "aggregates?" + APRIL + "&by=step");

    JsonNode reply = row(bySteps, "key", "UserTask_ReplyToOwner");
    assertThat(reply.get("deadlines").asLong()).isEqualTo(3);
    assertThat(reply.get("breaches").asLong()).isEqualTo(2);
    assertThat(reply.get("breachRate").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(reply.get("medianLateMinutes").decimalValue()).isEqualByComparingTo("120");
    assertThat(reply.get("p90LateMinutes").decimalValue()).isEqualByComparingTo("168");
    JsonNode handle = row(bySteps, "key", "UserTask_HandleComplaint");
    assertThat(handle.get("deadlines").asLong()).isEqualTo(2);
    assertThat(handle.get("breachRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(handle.get("medianLateMinutes").decimalValue()).isEqualByComparingTo("30");

    JsonNode byPerson = read("sz-manager", "aggregates?" + APRIL + "&by=person");
    JsonNode frontdesk = row(byPerson, "key", "sz-frontdesk");
    assertThat(frontdesk.get("group").asText()).isEqualTo("王芳");
    assertThat(frontdesk.get("deadlines").asLong()).isEqualTo(4);
    assertThat(frontdesk.get("breaches").asLong()).isEqualTo(3);

    JsonNode byCompany = read("crc", "aggregates?" + APRIL + "&by=company");
    assertThat(row(byCompany, "key", "sz").get("breaches").asLong()).isEqualTo(4);
    assertThat(row(byCompany, "key", "sh").get("deadlines").asLong()).isEqualTo(2);
    assertThat(row(byCompany, "key", "sh").get("breaches").asLong()).isEqualTo(2);
  }

  @Test
  void the_trend_gives_the_breach_rate_per_month_and_per_week() {
    JsonNode monthly = read("sz-manager", "trend?from=2023-03-01&to=2023-04-30&granularity=month");
    assertThat(column(monthly, "period")).containsExactly("2023-03-01", "2023-04-01");
    assertThat(column(monthly, "deadlines")).containsExactly("2", "6");
    assertThat(column(monthly, "breaches")).containsExactly("1", "4");

    JsonNode weekly = read("sz-manager", "trend?" + APRIL + "&granularity=week");
    // weeks starting Monday 3, 17 April: five completed deadlines, then the open one due on the 20th
    assertThat(column(weekly, "period")).containsExactly("2023-04-03", "2023-04-17");
    assertThat(column(weekly, "deadlines")).containsExactly("5", "1");
  }

  @Test
  void the_dashboard_counts_open_cases_past_due_and_this_and_last_months_breaches() {
    JsonNode dashboard = read("sz-manager", "dashboard");

    assertThat(column(dashboard, "companyCode")).containsExactly("sz");
    JsonNode shenzhen = dashboard.get("rows").get(0);
    assertThat(shenzhen.get("openCasesPastDue").asLong()).isEqualTo(1);
    assertThat(shenzhen.get("breachesThisMonth").asLong()).isEqualTo(4);
    assertThat(shenzhen.get("deadlinesThisMonth").asLong()).isEqualTo(6);
    assertThat(shenzhen.get("breachRateThisMonth").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(shenzhen.get("breachRateLastMonth").decimalValue()).isEqualByComparingTo("0.5");

    JsonNode group = read("crc", "dashboard");
    assertThat(column(group, "companyCode")).containsExactly("sh", "sz");
    assertThat(row(group, "companyCode", "sh").get("openCasesPastDue").asLong()).isEqualTo(1);
  }

  @Test
  void a_shenzhen_manager_never_reads_shanghai_rows_even_with_a_crafted_query() {
    WebappSession manager = WebappSession.login(port, "cockpit", "sz-manager", "demo");

    assertThat(column(read("sz-manager", "breaches?" + APRIL), "company")).isNotEmpty().doesNotContain("上海公司");
    assertThat(column(read("sz-manager", "aggregates?" + APRIL + "&by=company"), "key")).containsExactly("sz");
    for (String crafted : List.of("breaches?company=sh", "breaches?project=sh-jyhf", "aggregates?company=sh&by=step",
        "trend?company=sh", "inventory?company=sh", "inventory?project=sh-jyhf", "monthly/categories?company=sh",
        "diagram?process=" + PROCESS + "&company=sh")) {
      HttpResponse<String> answer = manager.get(REPORTS + crafted);
      assertThat(answer.statusCode()).as(crafted).isEqualTo(403);
      assertThat(answer.body()).as(crafted).contains("无权查看").doesNotContain("8006").doesNotContain("8012");
    }
    // a company list in one parameter is not a way round: it is refused as a value
    assertThat(manager.get(REPORTS + "breaches?company=sz,sh").statusCode()).isEqualTo(403);
    assertThat(manager.get(REPORTS + "breaches?company=sz'%20OR%20'1'='1").statusCode()).isEqualTo(400);
  }

  @Test
  void staff_outside_the_reader_groups_are_refused_and_bad_parameters_are_explained() {
    HttpResponse<String> frontdesk = WebappSession.login(port, "tasklist", "sz-frontdesk", "demo").get(REPORTS + "dashboard");
    assertThat(frontdesk.statusCode()).isEqualTo(403);
    assertThat(frontdesk.body()).contains("SLA 报表仅限");

    WebappSession manager = WebappSession.login(port, "cockpit", "sz-manager", "demo");
    assertThat(manager.get(REPORTS + "breaches?from=yesterday").body()).contains("yyyy-MM-dd");
    assertThat(manager.get(REPORTS + "breaches?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(manager.get(REPORTS + "breaches?sort=password").statusCode()).isEqualTo(400);
    assertThat(manager.get(REPORTS + "aggregates?by=salary").statusCode()).isEqualTo(400);
    assertThat(manager.get(REPORTS + "breaches?size=100000").statusCode()).isEqualTo(400);
    assertThat(manager.get(REPORTS + "breaches?from=2023-05-01&to=2023-04-01").statusCode()).isEqualTo(400);
    assertThat(manager.get(REPORTS + "monthly/salaries").statusCode()).isEqualTo(400);
  }

  @Test
  void drills_stay_out_of_real_figures_and_are_reported_on_their_own() {
    assertThat(column(read("sz-manager", "breaches?" + APRIL), "caseNumber")).doesNotContain("TS-20230403-8007");

    JsonNode drills = read("sz-manager", "breaches?" + APRIL + "&drill=true");
    assertThat(column(drills, "caseNumber")).containsExactly("TS-20230403-8007");
    assertThat(column(drills, "lateMinutes")).containsExactly("600");
    JsonNode drillSteps = read("sz-manager", "aggregates?" + APRIL + "&by=step&drill=true");
    assertThat(column(drillSteps, "deadlines")).containsExactly("1");
  }

  @Test
  void every_table_exports_to_csv_that_excel_reads_as_utf8() {
    WebappSession manager = WebappSession.login(port, "cockpit", "sz-manager", "demo");

    HttpResponse<String> csv = manager.get(REPORTS + "breaches?" + APRIL + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains(".csv");
    assertThat(csv.body()).startsWith("\uFEFF案件编号,流程,环节,公司,项目,责任部门,责任人,截止时间,完成时间,状态,超时时长");
    assertThat(csv.body().lines()).hasSize(5);
    assertThat(csv.body()).contains("TS-20230405-8003").contains("2023-04-05 13:00").contains("王芳");

    for (String table : List.of("aggregates?by=step", "trend", "inventory", "dashboard", "diagram?process=" + PROCESS,
        "monthly/categories", "monthly/hotspots", "monthly/early-warnings", "monthly/repair-callbacks",
        "monthly/contractors", "monthly/drills")) {
      HttpResponse<String> export = manager.get(REPORTS + table + (table.contains("?") ? "&" : "?") + "format=csv");
      assertThat(export.statusCode()).as(table).isEqualTo(200);
      assertThat(export.body()).as(table).startsWith("\uFEFF");
    }
  }

  @Test
  void the_diagram_badges_count_per_step_of_one_process() {
    JsonNode diagram = read("sz-manager", "diagram?process=" + PROCESS + "&" + APRIL);
    assertThat(row(diagram, "stepId", "UserTask_ReplyToOwner").get("breaches").asLong()).isEqualTo(2);
    assertThat(row(diagram, "stepId", "UserTask_CallBackOwner").get("breachRate").decimalValue()).isEqualByComparingTo("1");
  }
}
