package com.casedesk.report;

import static com.casedesk.report.ReportTable.minutes;
import static com.casedesk.report.ReportTable.number;
import static com.casedesk.report.ReportTable.rate;
import static com.casedesk.report.ReportTable.text;
import static com.casedesk.report.ReportTable.time;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.directory.Directory;
import com.casedesk.sla.SlaReports;
import com.casedesk.sla.SlaReports.Aggregate;
import com.casedesk.sla.SlaReports.Breach;
import com.casedesk.sla.SlaReports.Dimension;
import com.casedesk.sla.SlaReports.Filter;
import com.casedesk.sla.SlaReports.SortColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Service;

/**
 * The SLA reports as managers read them: each method checks who asks (a reader group, and only the
 * companies the caller works for — a crafted company or project outside them is refused), reads
 * the figures and names them in Chinese. Real cases only, unless {@code drill=true} asks for the
 * drills' figures, which are never mixed with real ones.
 */
@Service
public class SlaReportService {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._,-]{0,199}");

  private final SlaReports sla;
  private final MonthlyReports monthly;
  private final Directory directory;
  private final Labels labels;
  private final WorkingTime workingTime;
  private final ReportProperties properties;

  SlaReportService(SlaReports sla, MonthlyReports monthly, Directory directory, Labels labels,
      WorkingTime workingTime, ReportProperties properties) {
    this.sla = sla;
    this.monthly = monthly;
    this.directory = directory;
    this.labels = labels;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  /** The dashboard card: per company in scope, open cases past due, this and last month's breaches. */
  public ReportTable dashboard(ReportCaller caller) {
    List<String> companies = scope(caller, Map.of());
    ZoneId zone = workingTime.zone();
    Instant now = EngineClock.now().toInstant();
    YearMonth month = YearMonth.from(now.atZone(zone));
    Labels.Lookup names = labels.lookup();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SlaReports.CompanyCard card : sla.dashboard(companies, start(month, zone), start(month.minusMonths(1), zone),
        start(month.plusMonths(1), zone), now)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("companyCode", card.companyCode());
      row.put("company", names.company(card.companyCode()));
      row.put("openCasesPastDue", card.openCasesPastDue());
      row.put("breachesThisMonth", card.breachesThisMonth());
      row.put("deadlinesThisMonth", card.deadlinesThisMonth());
      row.put("breachRateThisMonth", card.breachRateThisMonth());
      row.put("breachRateLastMonth", card.breachRateLastMonth());
      rows.add(row);
    }
    return new ReportTable("dashboard", "SLA 概况（" + month + "）", List.of(text("company", "公司"),
        number("openCasesPastDue", "当前逾期未办案件"), number("breachesThisMonth", "本月超时"),
        number("deadlinesThisMonth", "本月到期环节"), rate("breachRateThisMonth", "本月超时率"),
        rate("breachRateLastMonth", "上月超时率")), rows, Map.of("month", month.toString()));
  }

  /** Missed deadlines, filtered, sorted and paged (or up to the export limit for CSV). */
  public ReportTable breaches(ReportCaller caller, Map<String, String> query, boolean export) {
    Filter filter = filter(caller, query, LocalDate.now(workingTime.zone()).minusDays(30));
    SortColumn sort = parse(query.getOrDefault("sort", "late"), SortColumn::parse, "sort", "排序列不存在");
    boolean ascending = "asc".equalsIgnoreCase(query.getOrDefault("dir", "desc"));
    int size = export ? properties.exportLimit() : boundedInt(query, "size", 20, 1, properties.maxPageSize());
    int page = export ? 0 : boundedInt(query, "page", 0, 0, 100_000);
    SlaReports.Page<Breach> result = sla.breaches(filter, EngineClock.now().toInstant(), sort, ascending, page, size);
    Labels.Lookup names = labels.lookup();
    names.loadPeople(result.rows().stream().map(Breach::person).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Breach breach : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("caseNumber", breach.caseNumber());
      row.put("processInstanceId", breach.processInstanceId());
      row.put("process", names.process(breach.processKey()));
      row.put("step", breach.stepName());
      row.put("company", names.company(breach.companyCode()));
      row.put("project", names.project(breach.projectCode()));
      row.put("department", names.department(breach.department()));
      row.put("person", names.person(breach.person()));
      row.put("dueAt", names.time(breach.dueAt()));
      row.put("doneAt", names.time(breach.doneAt()));
      row.put("status", breach.doneAt() == null ? "未办结" : "已办结");
      row.put("lateMinutes", breach.lateMinutes());
      rows.add(row);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("total", result.total());
    meta.put("page", result.page());
    meta.put("size", result.size());
    meta.put("drill", filter.drill());
    return new ReportTable("breaches", filter.drill() ? "演练超时明细" : "超时明细", List.of(
        new ReportTable.Column("caseNumber", "案件编号", "case"), text("process", "流程"), text("step", "环节"),
        text("company", "公司"), text("project", "项目"), text("department", "责任部门"), text("person", "责任人"),
        time("dueAt", "截止时间"), time("doneAt", "完成时间"), text("status", "状态"),
        minutes("lateMinutes", "超时时长")), rows, meta);
  }

  /** Deadlines, breaches, rate and lateness per process, step, company, project, department or person. */
  public ReportTable aggregates(ReportCaller caller, Map<String, String> query) {
    Filter filter = filter(caller, query, LocalDate.now(workingTime.zone()).withDayOfMonth(1));
    Dimension by = parse(query.getOrDefault("by", "process"), Dimension::parse, "by", "统计维度不存在");
    List<Aggregate> result = sla.aggregate(filter, EngineClock.now().toInstant(), by);
    Labels.Lookup names = labels.lookup();
    if (by == Dimension.PERSON) {
      names.loadPeople(result.stream().map(Aggregate::key).toList());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Aggregate aggregate : result) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", aggregate.key());
      row.put("group", switch (by) {
        case PROCESS -> names.process(aggregate.key());
        case STEP -> names.process(aggregate.processKey()) + " / " + aggregate.stepName();
        case COMPANY -> names.company(aggregate.key());
        case PROJECT -> aggregate.key() == null ? "（集团）" : names.project(aggregate.key());
        case DEPARTMENT -> aggregate.key() == null ? "（未指定）" : names.department(aggregate.key());
        case PERSON -> aggregate.key() == null ? "（未认领）" : names.person(aggregate.key());
      });
      row.put("deadlines", aggregate.deadlines());
      row.put("breaches", aggregate.breaches());
      row.put("breachRate", aggregate.breachRate());
      row.put("medianLateMinutes", aggregate.medianLateMinutes());
      row.put("p90LateMinutes", aggregate.p90LateMinutes());
      rows.add(row);
    }
    String dimension = switch (by) {
      case PROCESS -> "流程";
      case STEP -> "环节";
      case COMPANY -> "公司";
      case PROJECT -> "项目";
      case DEPARTMENT -> "责任部门";
      case PERSON -> "责任人";
    };
    return new ReportTable("aggregates", "按" + dimension + "汇总", List.of(text("group", dimension),
        number("deadlines", "到期环节数"), number("breaches", "超时数"), rate("breachRate", "超时率"),
        minutes("medianLateMinutes", "超时中位数"), minutes("p90LateMinutes", "超时90分位")), rows,
        Map.of("by", by.name().toLowerCase(java.util.Locale.ROOT), "drill", filter.drill()));
  }

  /** The breach rate per week or month (default: the last six months). */
  public ReportTable trend(ReportCaller caller, Map<String, String> query) {
    Filter filter = filter(caller, query, LocalDate.now(workingTime.zone()).withDayOfMonth(1).minusMonths(5));
    SlaReports.Granularity granularity = parse(query.getOrDefault("granularity", "month"),
        SlaReports.Granularity::parse, "granularity", "只能按周（week）或按月（month）");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SlaReports.TrendPoint point : sla.trend(filter, EngineClock.now().toInstant(), granularity)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("period", point.periodStart().toLocalDate().toString());
      row.put("deadlines", point.deadlines());
      row.put("breaches", point.breaches());
      row.put("breachRate", point.breachRate());
      rows.add(row);
    }
    return new ReportTable("trend", granularity == SlaReports.Granularity.WEEK ? "超时率周趋势" : "超时率月趋势",
        List.of(text("period", granularity == SlaReports.Granularity.WEEK ? "周（起始日）" : "月份"),
            number("deadlines", "到期环节数"), number("breaches", "超时数"), rate("breachRate", "超时率")),
        rows, Map.of("granularity", granularity.name().toLowerCase(java.util.Locale.ROOT), "drill", filter.drill()));
  }

  /** Per step of one process: deadlines, breaches and rate, for the badges on the Cockpit diagram. */
  public ReportTable diagram(ReportCaller caller, Map<String, String> query) {
    if (code(query, "process") == null) {
      throw ReportException.badRequest("缺少参数 process（流程定义键）");
    }
    Map<String, String> stepsQuery = new LinkedHashMap<>(query);
    stepsQuery.put("by", "step");
    Filter filter = filter(caller, stepsQuery, LocalDate.now(workingTime.zone()).minusMonths(3));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Aggregate aggregate : sla.aggregate(filter, EngineClock.now().toInstant(), Dimension.STEP)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("stepId", aggregate.key());
      row.put("step", aggregate.stepName());
      row.put("deadlines", aggregate.deadlines());
      row.put("breaches", aggregate.breaches());
      row.put("breachRate", aggregate.breachRate());
      rows.add(row);
    }
    return new ReportTable("diagram", "环节超时", List.of(text("step", "环节"), number("deadlines", "到期环节数"),
        number("breaches", "超时数"), rate("breachRate", "超时率")), rows, Map.of("process", filter.process()));
  }

  /** The open-complaint inventory (投诉日盘点): every open complaint with its age, owner and next deadline. */
  public ReportTable inventory(ReportCaller caller, Map<String, String> query) {
    List<String> companies = scope(caller, query);
    String project = project(companies, query);
    return monthly.openComplaints(companies, project, EngineClock.now().toInstant(), labels.lookup());
  }

  /** One table of the monthly report (categories, hot spots, early warnings, repair callbacks, contractors, drills). */
  public ReportTable monthly(ReportCaller caller, String table, Map<String, String> query) {
    List<String> companies = scope(caller, query);
    YearMonth month;
    try {
      month = YearMonth.parse(query.getOrDefault("month", YearMonth.now(workingTime.zone()).toString()).trim());
    } catch (DateTimeParseException e) {
      throw ReportException.badRequest("参数 month 格式应为 yyyy-MM，如 2026-11");
    }
    Instant from = start(month, workingTime.zone());
    Instant to = start(month.plusMonths(1), workingTime.zone());
    Labels.Lookup names = labels.lookup();
    return switch (table) {
      case "categories" -> monthly.complaintCategories(companies, from, to, month);
      case "hotspots" -> monthly.hotSpots(companies, from, to, month, names);
      case "early-warnings" -> monthly.earlyWarnings(companies, from, to, month, names);
      case "repair-callbacks" -> monthly.repairCallbacks(companies, month, names);
      case "contractors" -> monthly.contractors(companies, month, names);
      case "drills" -> monthly.drills(companies, from, to, month, names);
      default -> throw ReportException.badRequest("没有这张月报：" + table);
    };
  }

  /** What the filters offer: the companies and projects in scope, processes and their steps, departments. */
  public Map<String, Object> options(ReportCaller caller) {
    List<String> companies = scope(caller, Map.of());
    return monthly.options(companies, labels.lookup());
  }

  // --- scope and parameters ---------------------------------------------------------------

  /** The companies the caller may read, narrowed to {@code company} if asked (and allowed). */
  List<String> scope(ReportCaller caller, Map<String, String> query) {
    if (Collections.disjoint(caller.groupIds(), properties.readerGroups())) {
      throw ReportException.forbidden("SLA 报表仅限：" + String.join("、", properties.readerGroups()));
    }
    List<String> all = directory.companyCodes();
    List<String> readable = caller.groupIds().contains(Groups.CAMUNDA_ADMIN) ? all
        : caller.tenantIds().stream().filter(all::contains).sorted().toList();
    if (readable.isEmpty()) {
      throw ReportException.forbidden("您不属于任何公司，无可查看的数据");
    }
    String company = code(query, "company");
    if (company == null) {
      return readable;
    }
    if (!readable.contains(company)) {
      throw ReportException.forbidden("无权查看公司 " + company + " 的数据");
    }
    return List.of(company);
  }

  private String project(List<String> companies, Map<String, String> query) {
    String project = code(query, "project");
    if (project != null && !directory.companyOfProject(project).map(companies::contains).orElse(false)) {
      throw ReportException.forbidden("无权查看项目 " + project + " 的数据");
    }
    return project;
  }

  private Filter filter(ReportCaller caller, Map<String, String> query, LocalDate defaultFrom) {
    List<String> companies = scope(caller, query);
    String project = project(companies, query);
    ZoneId zone = workingTime.zone();
    LocalDate from = date(query, "from", defaultFrom);
    LocalDate to = date(query, "to", LocalDate.now(zone));
    if (to.isBefore(from)) {
      throw ReportException.badRequest("结束日期不能早于开始日期");
    }
    return new Filter(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), companies,
        project, code(query, "process"), code(query, "step"), code(query, "department"), code(query, "person"),
        "true".equalsIgnoreCase(query.get("drill")));
  }

  private static LocalDate date(Map<String, String> query, String name, LocalDate fallback) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ReportException.badRequest("参数 " + name + " 格式应为 yyyy-MM-dd，如 2026-11-01");
    }
  }

  private static String code(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!CODE.matcher(value.trim()).matches()) {
      throw ReportException.badRequest("参数 " + name + " 含有不允许的字符");
    }
    return value.trim();
  }

  private static int boundedInt(Map<String, String> query, String name, int fallback, int min, int max) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number < min || number > max) {
        throw ReportException.badRequest("参数 " + name + " 应在 " + min + " 到 " + max + " 之间");
      }
      return number;
    } catch (NumberFormatException e) {
      throw ReportException.badRequest("参数 " + name + " 应为整数");
    }
  }

  private static <T> T parse(String value, java.util.function.Function<String, T> parser, String name, String message) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw ReportException.badRequest("参数 " + name + "：" + message);
    }
  }

  private static Instant start(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }
}
