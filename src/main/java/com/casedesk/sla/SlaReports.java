package com.casedesk.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The SLA figures, read from the ledger only ({@code sla_event}: deadlines met or missed;
 * {@code sla_open_deadline}: deadlines still open), never from the engine's history.
 *
 * <p>A deadline counts in a period once it is decided: a completed one in the period it was done,
 * an open one in the period it fell due, as soon as it is past due (it is a breach already, late by
 * the time elapsed so far). Open deadlines not yet due are not counted. Drills are never mixed with
 * real figures: every query is either real or drill.
 */
@Service
public class SlaReports {

  /** What to count. {@code companies} is the caller's scope, already checked (never empty). */
  public record Filter(Instant from, Instant to, List<String> companies, String project, String process,
      String step, String department, String person, boolean drill) {

    public Filter {
      if (companies == null || companies.isEmpty()) {
        throw new IllegalArgumentException("a report needs at least one company in scope");
      }
      companies = List.copyOf(companies);
    }
  }

  /** One missed deadline; {@code doneAt} null while the step is still open. */
  public record Breach(String caseNumber, String processKey, String processInstanceId, String stepId,
      String stepName, String companyCode, String projectCode, String department, String person,
      LocalDateTime dueAt, LocalDateTime doneAt, long lateMinutes) {}

  public record Page<T>(List<T> rows, long total, int page, int size) {}

  /** Deadlines of a group: how many, how many missed, the rate, and lateness of the missed ones. */
  public record Aggregate(String key, String processKey, String stepName, long deadlines, long breaches,
      BigDecimal breachRate, BigDecimal medianLateMinutes, BigDecimal p90LateMinutes) {}

  public record TrendPoint(LocalDateTime periodStart, long deadlines, long breaches, BigDecimal breachRate) {}

  /** A company's card on the Cockpit dashboard. Rates are fractions, null when nothing was due. */
  public record CompanyCard(String companyCode, long openCasesPastDue, long breachesThisMonth,
      long deadlinesThisMonth, BigDecimal breachRateThisMonth, long breachesLastMonth, long deadlinesLastMonth,
      BigDecimal breachRateLastMonth) {}

  /** How the list may be sorted (column names of the decided-deadlines view). */
  public enum SortColumn {
    CASE_NUMBER("case_number"), PROCESS("process_key"), STEP("step_name"), COMPANY("company_code"),
    PROJECT("project_code"), DEPARTMENT("department"), PERSON("person"), DUE("due_at"), DONE("done_at"),
    LATE("late_minutes");

    private final String column;

    SortColumn(String column) {
      this.column = column;
    }

    public static SortColumn parse(String name) {
      return SortColumn.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The groups of the aggregate table. */
  public enum Dimension {
    PROCESS("process_key"), STEP("process_key, step_id"), COMPANY("company_code"), PROJECT("project_code"),
    DEPARTMENT("department"), PERSON("person");

    private final String columns;

    Dimension(String columns) {
      this.columns = columns;
    }

    public static Dimension parse(String name) {
      return Dimension.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  public enum Granularity {
    WEEK, MONTH;

    public static Granularity parse(String name) {
      return Granularity.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final JdbcClient jdbc;

  SlaReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Missed deadlines (done late, or open past due), sorted and paged. */
  public Page<Breach> breaches(Filter filter, Instant now, SortColumn sort, boolean ascending, int page, int size) {
    Map<String, Object> params = params(filter, now);
    String decided = decided(filter);
    long total = jdbc.sql("SELECT COUNT(*) FROM (" + decided + ") d WHERE d.breached = TRUE")
        .params(params).query(Long.class).single();
    String direction = ascending ? "ASC" : "DESC";
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Breach> rows = jdbc.sql("""
            SELECT case_number, process_key, process_instance_id, step_id, step_name, company_code, project_code,
                department, person, due_at, done_at, late_minutes
            FROM (%s) d WHERE d.breached = TRUE
            ORDER BY %s %s, due_at %s, process_instance_id, step_id
            LIMIT :limit OFFSET :offset""".formatted(decided, sort.column, direction, direction))
        .params(params).query(Breach.class).list();
    return new Page<>(rows, total, page, size);
  }

  /**
   * Deadlines, breaches, breach rate and lateness (median, 90th percentile of the missed ones) per
   * group. Counts come from one pass over the decided deadlines; the percentiles from a second
   * pass over the missed ones only (about one in seven), which sorts far fewer values.
   */
  public List<Aggregate> aggregate(Filter filter, Instant now, Dimension by) {
    String key = by == Dimension.STEP ? "step_id" : by.columns;
    String processKey = by == Dimension.STEP ? "process_key" : "CAST(NULL AS VARCHAR(100))";
    String stepName = by == Dimension.STEP ? "MAX(step_name)" : "CAST(NULL AS VARCHAR(200))";
    Map<String, Object> params = params(filter, now);
    record Lateness(BigDecimal median, BigDecimal p90) {}
    Map<String, Lateness> lateness = new java.util.HashMap<>();
    jdbc.sql("""
            SELECT %s AS process_key, %s AS group_key,
                PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY late_minutes) AS median_late,
                PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY late_minutes) AS p90_late
            FROM (%s) d WHERE breached = TRUE
            GROUP BY %s""".formatted(processKey, key, decided(filter), by.columns))
        .params(params)
        .query(rs -> {
          lateness.put(rs.getString("process_key") + "|" + rs.getString("group_key"),
              new Lateness(minutes(rs.getBigDecimal("median_late")), minutes(rs.getBigDecimal("p90_late"))));
        });
    return jdbc.sql("""
            SELECT %s AS group_key, %s AS process_key, %s AS step_name, COUNT(*) AS deadlines,
                SUM(CASE WHEN breached THEN 1 ELSE 0 END) AS breaches
            FROM (%s) d
            GROUP BY %s
            ORDER BY breaches DESC, deadlines DESC, %s""".formatted(key, processKey, stepName, decided(filter),
            by.columns, by.columns))
        .params(params)
        .query((rs, i) -> {
          Lateness late = lateness.getOrDefault(rs.getString("process_key") + "|" + rs.getString("group_key"),
              new Lateness(null, null));
          return new Aggregate(rs.getString("group_key"), rs.getString("process_key"), rs.getString("step_name"),
              rs.getLong("deadlines"), rs.getLong("breaches"), rate(rs.getLong("breaches"), rs.getLong("deadlines")),
              late.median(), late.p90());
        })
        .list();
  }

  /**
   * The breach rate per week (starting Monday) or month. The database counts per day (in its time
   * zone); days fold into weeks and months here, the same on H2 and PostgreSQL.
   */
  public List<TrendPoint> trend(Filter filter, Instant now, Granularity granularity) {
    Map<LocalDate, long[]> periods = new java.util.TreeMap<>();
    jdbc.sql("""
            SELECT CAST(period_at AS DATE) AS period_day, COUNT(*) AS deadlines,
                SUM(CASE WHEN breached THEN 1 ELSE 0 END) AS breaches
            FROM (%s) d
            GROUP BY CAST(period_at AS DATE)""".formatted(decided(filter)))
        .params(params(filter, now))
        .query(rs -> {
          LocalDate day = rs.getObject("period_day", LocalDate.class);
          LocalDate period = granularity == Granularity.WEEK
              ? day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
              : day.withDayOfMonth(1);
          long[] counts = periods.computeIfAbsent(period, p -> new long[2]);
          counts[0] += rs.getLong("deadlines");
          counts[1] += rs.getLong("breaches");
        });
    return periods.entrySet().stream()
        .map(entry -> new TrendPoint(entry.getKey().atStartOfDay(), entry.getValue()[0], entry.getValue()[1],
            rate(entry.getValue()[1], entry.getValue()[0])))
        .toList();
  }

  /**
   * The dashboard: per company, cases with a step past due now, and this month's and last month's
   * breaches (real cases only).
   */
  public List<CompanyCard> dashboard(List<String> companies, Instant thisMonthStart, Instant lastMonthStart,
      Instant nextMonthStart, Instant now) {
    Map<String, long[]> thisMonth = countsPerCompany(companies, thisMonthStart, nextMonthStart, now);
    Map<String, long[]> lastMonth = countsPerCompany(companies, lastMonthStart, thisMonthStart, now);
    Map<String, Long> openPastDue = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT company_code, COUNT(DISTINCT COALESCE(case_number, process_instance_id)) AS cases
            FROM sla_open_deadline
            WHERE drill = FALSE AND due_at < :now AND company_code IN (:companies)
            GROUP BY company_code""")
        .param("now", Timestamp.from(now)).param("companies", companies)
        .query(rs -> {
          openPastDue.put(rs.getString(1), rs.getLong(2));
        });
    List<CompanyCard> cards = new ArrayList<>();
    for (String company : companies.stream().sorted().toList()) {
      long[] current = thisMonth.getOrDefault(company, new long[2]);
      long[] previous = lastMonth.getOrDefault(company, new long[2]);
      cards.add(new CompanyCard(company, openPastDue.getOrDefault(company, 0L), current[1], current[0],
          rate(current[1], current[0]), previous[1], previous[0], rate(previous[1], previous[0])));
    }
    return cards;
  }

  private Map<String, long[]> countsPerCompany(List<String> companies, Instant from, Instant to, Instant now) {
    Filter filter = new Filter(from, to, companies, null, null, null, null, null, false);
    Map<String, long[]> counts = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT company_code, COUNT(*) AS deadlines, SUM(CASE WHEN breached THEN 1 ELSE 0 END) AS breaches
            FROM (%s) d GROUP BY company_code""".formatted(decided(filter)))
        .params(params(filter, now))
        .query(rs -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    return counts;
  }

  /** The decided deadlines of the filter: completed in the period, or open and past due with the due time in it. */
  private static String decided(Filter filter) {
    StringBuilder done = new StringBuilder("""
        SELECT case_number, process_key, process_instance_id, step_id, step_name, company_code, project_code,
            responsible_group AS department, done_by AS person, due_at, done_at, breached,
            breach_minutes AS late_minutes, done_at AS period_at
        FROM sla_event
        WHERE drill = :drill AND company_code IN (:companies) AND done_at >= :from AND done_at < :to""");
    StringBuilder open = new StringBuilder("""
        SELECT case_number, process_key, process_instance_id, step_id, step_name, company_code, project_code,
            responsible_group AS department, assignee AS person, due_at, CAST(NULL AS TIMESTAMP) AS done_at,
            TRUE AS breached,
            CAST(FLOOR((EXTRACT(EPOCH FROM CAST(:now AS TIMESTAMP)) - EXTRACT(EPOCH FROM due_at)) / 60) AS BIGINT)
                AS late_minutes,
            due_at AS period_at
        FROM sla_open_deadline
        WHERE drill = :drill AND company_code IN (:companies) AND due_at < :now AND due_at >= :from AND due_at < :to""");
    if (filter.project() != null) {
      done.append(" AND project_code = :project");
      open.append(" AND project_code = :project");
    }
    if (filter.process() != null) {
      done.append(" AND process_key = :process");
      open.append(" AND process_key = :process");
    }
    if (filter.step() != null) {
      done.append(" AND step_id = :step");
      open.append(" AND step_id = :step");
    }
    if (filter.department() != null) {
      done.append(" AND responsible_group = :department");
      open.append(" AND responsible_group = :department");
    }
    if (filter.person() != null) {
      done.append(" AND done_by = :person");
      open.append(" AND assignee = :person");
    }
    return done + "\nUNION ALL\n" + open;
  }

  private static Map<String, Object> params(Filter filter, Instant now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("drill", filter.drill());
    params.put("companies", filter.companies());
    params.put("from", Timestamp.from(filter.from()));
    params.put("to", Timestamp.from(filter.to()));
    params.put("now", Timestamp.from(now));
    if (filter.project() != null) {
      params.put("project", filter.project());
    }
    if (filter.process() != null) {
      params.put("process", filter.process());
    }
    if (filter.step() != null) {
      params.put("step", filter.step());
    }
    if (filter.department() != null) {
      params.put("department", filter.department());
    }
    if (filter.person() != null) {
      params.put("person", filter.person());
    }
    return params;
  }

  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal minutes(BigDecimal value) {
    return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
  }
}
