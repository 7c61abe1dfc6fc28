package com.casedesk.report;

import static com.casedesk.report.ReportTable.number;
import static com.casedesk.report.ReportTable.rate;
import static com.casedesk.report.ReportTable.text;
import static com.casedesk.report.ReportTable.time;

import com.casedesk.directory.Directory;
import com.casedesk.handover.ContractorReport;
import com.casedesk.repair.RepairReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly reports (月报) and the open-complaint inventory, read from the case tables
 * ({@code complaint_case}, {@code mass_incident}, {@code drill_evaluation}) and the reports of the
 * repair and handover features. Real cases only; drills have their own table.
 */
@Component
class MonthlyReports {

  private final JdbcClient jdbc;
  private final RepairReport repairReport;
  private final ContractorReport contractorReport;
  private final Directory directory;
  private final RepositoryService repositoryService;
  private final ReportProperties properties;

  MonthlyReports(JdbcClient jdbc, RepairReport repairReport, ContractorReport contractorReport, Directory directory,
      RepositoryService repositoryService, ReportProperties properties) {
    this.jdbc = jdbc;
    this.repairReport = repairReport;
    this.contractorReport = contractorReport;
    this.directory = directory;
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  private record OpenComplaint(String caseNumber, String processInstanceId, String companyCode, String projectCode,
      String unitCode, String category, String status, LocalDateTime registeredAt, String firstContactOwner,
      String stepName, LocalDateTime dueAt) {}

  /** Every open real complaint: age in days, first-contact owner, the next open step and its deadline. */
  ReportTable openComplaints(List<String> companies, String project, Instant now, Labels.Lookup names) {
    List<OpenComplaint> found = jdbc.sql("""
            SELECT c.case_number, c.process_instance_id, c.company_code, c.project_code, c.unit_code, c.category,
                c.status, c.registered_at, c.first_contact_owner, d.step_name, d.due_at
            FROM complaint_case c
            LEFT JOIN sla_open_deadline d ON d.case_number = c.case_number
            WHERE c.status <> 'CLOSED' AND c.drill = FALSE AND c.company_code IN (:companies)
              AND (CAST(:project AS VARCHAR(32)) IS NULL OR c.project_code = :project)
            ORDER BY c.registered_at, c.case_number, d.due_at""")
        .param("companies", companies).param("project", project)
        // by position: a by-name mapper costs the driver one exception per absent column spelling and row
        .query((rs, row) -> new OpenComplaint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(), rs.getString(9),
            rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toLocalDateTime()))
        .list();
    Map<String, OpenComplaint> firstDeadline = new LinkedHashMap<>();
    found.forEach(complaint -> firstDeadline.putIfAbsent(complaint.caseNumber(), complaint));
    names.loadPeople(firstDeadline.values().stream().map(OpenComplaint::firstContactOwner).toList());
    LocalDateTime localNow = LocalDateTime.ofInstant(now, ZoneId.systemDefault());
    List<Map<String, Object>> rows = new ArrayList<>();
    long overdue = 0;
    for (OpenComplaint complaint : firstDeadline.values()) {
      boolean late = complaint.dueAt() != null && complaint.dueAt().isBefore(localNow);
      overdue += late ? 1 : 0;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("caseNumber", complaint.caseNumber());
      row.put("processInstanceId", complaint.processInstanceId());
      row.put("company", names.company(complaint.companyCode()));
      row.put("project", names.project(complaint.projectCode()));
      row.put("unit", complaint.unitCode() == null ? "公共区域" : complaint.unitCode());
      row.put("category", properties.label("category", complaint.category()));
      row.put("status", properties.label("status", complaint.status()));
      row.put("registeredAt", names.time(complaint.registeredAt()));
      row.put("ageDays", Duration.between(complaint.registeredAt(), localNow).toDays());
      row.put("owner", names.person(complaint.firstContactOwner()));
      row.put("step", complaint.stepName());
      row.put("dueAt", names.time(complaint.dueAt()));
      row.put("overdue", late ? "已逾期" : "未逾期");
      rows.add(row);
    }
    return new ReportTable("inventory", "在办投诉盘点", List.of(new ReportTable.Column("caseNumber", "案件编号", "case"),
        text("company", "公司"), text("project", "项目"), text("unit", "房号"), text("category", "类别"),
        text("status", "状态"), time("registeredAt", "登记时间"), number("ageDays", "已历时（天）"),
        text("owner", "首问责任人"), text("step", "当前环节"), time("dueAt", "环节截止"), text("overdue", "是否逾期")),
        rows, Map.of("total", rows.size(), "overdue", overdue));
  }

  /** Complaints registered in the month by category and subcategory, with their share. */
  ReportTable complaintCategories(List<String> companies, Instant from, Instant to, YearMonth month) {
    List<Map<String, Object>> rows = new ArrayList<>();
    long[] total = {0};
    jdbc.sql("""
            SELECT category, subcategory, COUNT(*) AS complaints FROM complaint_case
            WHERE drill = FALSE AND company_code IN (:companies) AND registered_at >= :from AND registered_at < :to
            GROUP BY category, subcategory
            ORDER BY complaints DESC, category, subcategory""")
        .param("companies", companies).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(rs -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("category", properties.label("category", rs.getString("category")));
          row.put("subcategory", rs.getString("subcategory") == null ? "（未细分）"
              : properties.label("subcategory", rs.getString("subcategory")));
          row.put("complaints", rs.getLong("complaints"));
          total[0] += rs.getLong("complaints");
          rows.add(row);
        });
    rows.forEach(row -> row.put("share", share((Long) row.get("complaints"), total[0])));
    return new ReportTable("categories", month + " 投诉分类统计", List.of(text("category", "一级分类"),
        text("subcategory", "二级分类"), number("complaints", "件数"), rate("share", "占比")), rows,
        Map.of("month", month.toString(), "total", total[0]));
  }

  /** The projects and buildings with the most complaints in the month (top 10). */
  ReportTable hotSpots(List<String> companies, Instant from, Instant to, YearMonth month, Labels.Lookup names) {
    record Spot(String companyCode, String projectCode, String buildingCode, long complaints, long major) {}
    List<Spot> spots = jdbc.sql("""
            SELECT c.company_code, c.project_code, u.building_code, COUNT(*) AS complaints,
                SUM(CASE WHEN c.severity = 'major' THEN 1 ELSE 0 END) AS major
            FROM complaint_case c LEFT JOIN unit u ON u.code = c.unit_code
            WHERE c.drill = FALSE AND c.company_code IN (:companies) AND c.registered_at >= :from AND c.registered_at < :to
            GROUP BY c.company_code, c.project_code, u.building_code
            ORDER BY complaints DESC, c.project_code, u.building_code
            LIMIT 10""")
        .param("companies", companies).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(Spot.class).list();
    Map<String, String> buildings = directory.buildingNames(spots.stream().map(Spot::buildingCode)
        .filter(java.util.Objects::nonNull).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Spot spot : spots) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("company", names.company(spot.companyCode()));
      row.put("project", names.project(spot.projectCode()));
      row.put("building", spot.buildingCode() == null ? "公共区域" : buildings.getOrDefault(spot.buildingCode(), spot.buildingCode()));
      row.put("complaints", spot.complaints());
      row.put("major", spot.major());
      rows.add(row);
    }
    return new ReportTable("hotspots", month + " 投诉热点（项目/楼栋）", List.of(text("company", "公司"),
        text("project", "项目"), text("building", "楼栋"), number("complaints", "投诉件数"), number("major", "其中重大")),
        rows, Map.of("month", month.toString()));
  }

  /** Mass complaints (群诉预警) declared in the month, real ones. */
  ReportTable earlyWarnings(List<String> companies, Instant from, Instant to, YearMonth month, Labels.Lookup names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.sql("""
            SELECT m.case_number, m.process_instance_id, m.company_code, m.project_code, m.category, m.level, m.source,
                m.households_affected, m.status, m.declared_at,
                (SELECT COUNT(*) FROM complaint_case c WHERE c.mass_incident = m.case_number) AS linked
            FROM mass_incident m
            WHERE m.drill = FALSE AND m.company_code IN (:companies) AND m.declared_at >= :from AND m.declared_at < :to
            ORDER BY m.declared_at""")
        .param("companies", companies).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(rs -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("caseNumber", rs.getString("case_number"));
          row.put("processInstanceId", rs.getString("process_instance_id"));
          row.put("company", names.company(rs.getString("company_code")));
          row.put("project", names.project(rs.getString("project_code")));
          row.put("category", properties.label("category", rs.getString("category")));
          row.put("level", properties.label("level", rs.getString("level")));
          row.put("source", properties.label("source", rs.getString("source")));
          row.put("households", rs.getLong("households_affected"));
          row.put("linked", rs.getLong("linked"));
          row.put("status", properties.label("incidentStatus", rs.getString("status")));
          row.put("declaredAt", names.time(rs.getTimestamp("declared_at").toLocalDateTime()));
          rows.add(row);
        });
    return new ReportTable("early-warnings", month + " 群诉预警", List.of(new ReportTable.Column("caseNumber", "事件编号", "case"),
        text("company", "公司"), text("project", "项目"), text("category", "类别"), text("level", "等级"),
        text("source", "来源"), number("households", "涉及户数"), number("linked", "关联投诉"), text("status", "状态"),
        time("declaredAt", "发起时间")), rows, Map.of("month", month.toString()));
  }

  /** The repair-callback month per technician and category (the repair feature's report). */
  ReportTable repairCallbacks(List<String> companies, YearMonth month, Labels.Lookup names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RepairReport.Line line : repairReport.forMonth(month, companies).lines()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("company", names.company(line.companyCode()));
      row.put("technician", line.technicianName() == null ? line.technician() : line.technicianName());
      row.put("category", properties.label("repairCategory", line.category()));
      row.put("orders", line.orders());
      row.put("onTimeArrivalRate", line.onTimeArrivalRate());
      row.put("onTimeCompletionRate", line.onTimeCompletionRate());
      row.put("reworkRate", line.reworkRate());
      row.put("rated", line.rated());
      row.put("averageSatisfaction", line.averageSatisfaction());
      rows.add(row);
    }
    return new ReportTable("repair-callbacks", month + " 维修回访", List.of(text("company", "公司"),
        text("technician", "维修技师"), text("category", "类别"), number("orders", "工单数"),
        rate("onTimeArrivalRate", "准时到场率"), rate("onTimeCompletionRate", "按时完工率"), rate("reworkRate", "返修率"),
        number("rated", "回访评价数"), number("averageSatisfaction", "平均满意度（5分制）")), rows,
        Map.of("month", month.toString()));
  }

  /** Contractor quality in the month (the handover feature's statistics). */
  ReportTable contractors(List<String> companies, YearMonth month, Labels.Lookup names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ContractorReport.Line line : contractorReport.forMonth(month, companies).lines()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("company", names.company(line.companyCode()));
      row.put("contractor", line.contractorName());
      row.put("received", line.received());
      row.put("rectifiedOnTime", line.rectifiedOnTime());
      row.put("onTimeRate", share(line.rectifiedOnTime(), line.received()));
      row.put("overdue", line.overdue());
      row.put("reworks", line.reworks());
      row.put("averageDays", line.averageDays());
      rows.add(row);
    }
    return new ReportTable("contractors", month + " 承建商整改质量", List.of(text("company", "公司"),
        text("contractor", "承建商"), number("received", "接收问题数"), number("rectifiedOnTime", "按期整改"),
        rate("onTimeRate", "按期率"), number("overdue", "逾期"), number("reworks", "返工次数"),
        number("averageDays", "平均整改天数")), rows, Map.of("month", month.toString()));
  }

  /** Drills declared in the month and their evaluations (reported apart from real figures). */
  ReportTable drills(List<String> companies, Instant from, Instant to, YearMonth month, Labels.Lookup names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.sql("""
            SELECT m.case_number, m.process_instance_id, m.company_code, m.project_code, m.level, m.declared_at,
                m.status, e.evaluated_at, e.passed, e.steps_passed, e.steps_total
            FROM mass_incident m LEFT JOIN drill_evaluation e ON e.case_number = m.case_number
            WHERE m.drill = TRUE AND m.company_code IN (:companies) AND m.declared_at >= :from AND m.declared_at < :to
            ORDER BY m.declared_at""")
        .param("companies", companies).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(rs -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("caseNumber", rs.getString("case_number"));
          row.put("processInstanceId", rs.getString("process_instance_id"));
          row.put("company", names.company(rs.getString("company_code")));
          row.put("project", names.project(rs.getString("project_code")));
          row.put("level", properties.label("level", rs.getString("level")));
          row.put("declaredAt", names.time(rs.getTimestamp("declared_at").toLocalDateTime()));
          Timestamp evaluated = rs.getTimestamp("evaluated_at");
          row.put("evaluatedAt", evaluated == null ? null : names.time(evaluated.toLocalDateTime()));
          row.put("result", evaluated == null ? "进行中" : rs.getBoolean("passed") ? "通过" : "未通过");
          row.put("stepsPassed", evaluated == null ? null : rs.getInt("steps_passed") + "/" + rs.getInt("steps_total"));
          rows.add(row);
        });
    return new ReportTable("drills", month + " 应急演练评估", List.of(new ReportTable.Column("caseNumber", "演练编号", "case"),
        text("company", "公司"), text("project", "项目"), text("level", "等级"), time("declaredAt", "发起时间"),
        time("evaluatedAt", "评估时间"), text("result", "结果"), text("stepsPassed", "达标环节")), rows,
        Map.of("month", month.toString()));
  }

  /** The choices of the report filters, from the directory and the deployed models. */
  Map<String, Object> options(List<String> companies, Labels.Lookup names) {
    List<Map<String, Object>> companyOptions = companies.stream()
        .map(code -> Map.<String, Object>of("code", code, "name", names.company(code))).toList();
    List<Map<String, Object>> projects = directory.projects().stream()
        .filter(project -> companies.contains(project.companyCode()))
        .map(project -> Map.<String, Object>of("code", project.code(), "name", project.name(), "companyCode", project.companyCode()))
        .toList();
    List<Map<String, Object>> processes = new ArrayList<>();
    TreeSet<String> departments = new TreeSet<>();
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().listPage(0, 1000).stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey)).toList();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ProcessDefinition definition : definitions) {
      if (!seen.add(definition.getKey())) {
        continue;
      }
      List<Map<String, Object>> steps = new ArrayList<>();
      for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
        steps.add(Map.of("id", task.getId(), "name", task.getName() == null ? task.getId() : task.getName()));
        String groups = task.getCamundaCandidateGroups();
        if (groups != null && !groups.contains("$")) {
          departments.add(java.util.Arrays.stream(groups.split(",")).map(String::trim).sorted()
              .collect(java.util.stream.Collectors.joining(",")));
        }
      }
      if (!steps.isEmpty()) {
        processes.add(Map.of("key", definition.getKey(), "name", names.process(definition.getKey()), "steps", steps));
      }
    }
    List<Map<String, Object>> departmentOptions = departments.stream()
        .map(code -> Map.<String, Object>of("code", code, "name", names.department(code))).toList();
    return Map.of("companies", companyOptions, "projects", projects, "processes", processes,
        "departments", departmentOptions);
  }

  private static BigDecimal share(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
