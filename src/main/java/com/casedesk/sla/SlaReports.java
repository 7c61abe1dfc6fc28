package com.casedesk.sla;

import com.casedesk.database.DatabaseProduct;
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
import org.springframework.transaction.annotation.Transactional;

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
    PROCESS, STEP, COMPANY, PROJECT, DEPARTMENT, PERSON;

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
  private final boolean postgres;

  SlaReports(JdbcClient jdbc, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = DatabaseProduct.isPostgres(dataSource);
  }

  /**
   * Report queries are planned for their actual parameters. The PostgreSQL driver reuses a
   * server-side prepared statement from its fifth execution on, and PostgreSQL may then switch to
   * a generic plan: for a year of a company's events that plan estimated 1,250 rows instead of
   * 500,000 and gave up the parallel scan (904 ms instead of 237 ms, EXPLAIN ANALYZE on 1,000,000
   * events). Scoped to the report's read-only transaction; the engine's statements keep caching.
   */
  private void customPlans() {
    if (postgres) {
      jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }
  }

  /** Missed deadlines (done late, or open past due), sorted and paged. */
  @Transactional(readOnly = true)
  public Page<Breach> breaches(Filter filter, Instant now, SortColumn sort, boolean ascending, int page, int size) {
    customPlans();
    Map<String, Object> params = params(filter, now);
    long total = jdbc.sql("SELECT COALESCE(SUM(breaches), 0) FROM (" + counted(filter, List.of(), List.of()) + ") c")
        .params(params).query(Long.class).single();
    String direction = ascending ? "ASC" : "DESC";
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Breach> rows = jdbc.sql("""
            SELECT case_number, process_key, process_instance_id, step_id, step_name, company_code, project_code,
                department, person, due_at, done_at, late_minutes
            FROM (%s) d
            ORDER BY %s %s, due_at %s, process_instance_id, step_id
            LIMIT :limit OFFSET :offset""".formatted(breachedOnly(filter, List.of()), sort.column, direction, direction))
        .params(params).query(SlaReports::breach).list();
    return new Page<>(rows, total, page, size);
  }

  /**
   * Deadlines, breaches, breach rate and lateness (median, 90th percentile of the missed ones) per
   * group. Counts are aggregated in each source table first (so PostgreSQL aggregates the large one
   * in parallel) and summed; the percentiles come from the missed deadlines only (about one in seven).
   */
  @Transactional(readOnly = true)
  public List<Aggregate> aggregate(Filter filter, Instant now, Dimension by) {
    customPlans();
    Map<String, Object> params = params(filter, now);
    List<String> groups = by == Dimension.STEP ? List.of("process_key", "step_id") : List.of(dimensionColumn(by));
    record Lateness(BigDecimal median, BigDecimal p90) {}
    Map<String, Lateness> lateness = new java.util.HashMap<>();
    String groupList = String.join(", ", groups);
    jdbc.sql("""
            SELECT %s,
                PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY late_minutes) AS median_late,
                PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY late_minutes) AS p90_late
            FROM (%s) d
            GROUP BY %s""".formatted(groupList, breachedOnly(filter, groups), groupList))
        .params(params)
        .query(rs -> {
          lateness.put(keyOf(rs, groups), new Lateness(minutes(rs.getBigDecimal("median_late")),
              minutes(rs.getBigDecimal("p90_late"))));
        });
    List<String> withName = new java.util.ArrayList<>(groups);
    if (by == Dimension.STEP) {
      withName.add("step_name");
    }
    return jdbc.sql("""
            SELECT %s, SUM(deadlines) AS deadlines, SUM(breaches) AS breaches
            FROM (%s) c
            GROUP BY %s
            ORDER BY SUM(breaches) DESC, SUM(deadlines) DESC, %s""".formatted(groupList
                + (by == Dimension.STEP ? ", MAX(step_name) AS step_name" : ""),
            counted(filter, groups, by == Dimension.STEP ? List.of("step_name") : List.of()), groupList, groupList))
        .params(params)
        .query((rs, i) -> {
          Lateness late = lateness.getOrDefault(keyOf(rs, groups), new Lateness(null, null));
          long deadlines = rs.getLong("deadlines");
          long breaches = rs.getLong("breaches");
          return new Aggregate(rs.getString(groups.get(groups.size() - 1)),
              by == Dimension.STEP ? rs.getString("process_key") : null,
              by == Dimension.STEP ? rs.getString("step_name") : null,
              deadlines, breaches, rate(breaches, deadlines), late.median(), late.p90());
        })
        .list();
  }

  private static String dimensionColumn(Dimension by) {
    return switch (by) {
      case PROCESS -> "process_key";
      case STEP -> "step_id";
      case COMPANY -> "company_code";
      case PROJECT -> "project_code";
      case DEPARTMENT -> "department";
      case PERSON -> "person";
    };
  }

  private static String keyOf(java.sql.ResultSet rs, List<String> columns) throws java.sql.SQLException {
    StringBuilder key = new StringBuilder();
    for (String column : columns) {
      key.append(rs.getString(column)).append('|');
    }
    return key.toString();
  }

  /**
   * The breach rate per week (starting Monday) or month. The database counts per day (in its time
   * zone); days fold into weeks and months here, the same on H2 and PostgreSQL.
   */
  @Transactional(readOnly = true)
  public List<TrendPoint> trend(Filter filter, Instant now, Granularity granularity) {
    customPlans();
    Map<LocalDate, long[]> periods = new java.util.TreeMap<>();
    jdbc.sql("""
            SELECT period_day, SUM(deadlines) AS deadlines, SUM(breaches) AS breaches
            FROM (%s) c
            GROUP BY period_day""".formatted(counted(filter, List.of("period_day"), List.of())))
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
  @Transactional(readOnly = true)
  public List<CompanyCard> dashboard(List<String> companies, Instant thisMonthStart, Instant lastMonthStart,
      Instant nextMonthStart, Instant now) {
    customPlans();
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
            SELECT company_code, SUM(deadlines) AS deadlines, SUM(breaches) AS breaches
            FROM (%s) c GROUP BY company_code""".formatted(counted(filter, List.of("company_code"), List.of())))
        .params(params(filter, now))
        .query(rs -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    return counts;
  }

  /** The two sources of decided deadlines and how each names the report's columns. */
  private enum Source {
    DONE("sla_event", Map.ofEntries(Map.entry("department", "responsible_group"), Map.entry("person", "done_by"),
        Map.entry("breached", "breached"), Map.entry("late_minutes", "breach_minutes"),
        Map.entry("period_day", "CAST(done_at AS DATE)"), Map.entry("done_at", "done_at")),
        "drill = :drill AND company_code IN (:companies) AND done_at >= :from AND done_at < :to"),
    OPEN("sla_open_deadline", Map.ofEntries(Map.entry("department", "responsible_group"), Map.entry("person", "assignee"),
        Map.entry("breached", "TRUE"),
        Map.entry("late_minutes",
            "CAST(FLOOR((EXTRACT(EPOCH FROM CAST(:now AS TIMESTAMP)) - EXTRACT(EPOCH FROM due_at)) / 60) AS BIGINT)"),
        Map.entry("period_day", "CAST(due_at AS DATE)"), Map.entry("done_at", "CAST(NULL AS TIMESTAMP)")),
        "drill = :drill AND company_code IN (:companies) AND due_at < :now AND due_at >= :from AND due_at < :to");

    final String table;
    final Map<String, String> columns;
    final String where;

    Source(String table, Map<String, String> columns, String where) {
      this.table = table;
      this.columns = columns;
      this.where = where;
    }

    String column(String name) {
      return columns.getOrDefault(name, name);
    }

    /** The filter's conditions on this source; {@code breachedOnly} adds the missed-deadline condition. */
    String where(Filter filter, boolean breachedOnly) {
      StringBuilder where = new StringBuilder(this.where);
      if (breachedOnly && this == DONE) {
        where.append(" AND breached = TRUE");
      }
      if (filter.project() != null) {
        where.append(" AND project_code = :project");
      }
      if (filter.process() != null) {
        where.append(" AND process_key = :process");
      }
      if (filter.step() != null) {
        where.append(" AND step_id = :step");
      }
      if (filter.department() != null) {
        where.append(" AND responsible_group = :department");
      }
      if (filter.person() != null) {
        where.append(" AND ").append(column("person")).append(" = :person");
      }
      return where.toString();
    }
  }

  private static final List<String> ROW = List.of("case_number", "process_key", "process_instance_id", "step_id",
      "step_name", "company_code", "project_code", "department", "person", "due_at", "done_at", "late_minutes");

  /** The missed deadlines of the filter, one row each, with {@code columns} (or the breach-list row). */
  private static String breachedOnly(Filter filter, List<String> columns) {
    List<String> wanted = new java.util.ArrayList<>(columns.isEmpty() ? ROW : columns);
    if (!wanted.contains("late_minutes")) {
      wanted.add("late_minutes");
    }
    return java.util.Arrays.stream(Source.values())
        .map(source -> "SELECT " + wanted.stream().map(c -> source.column(c) + " AS " + c)
            .collect(java.util.stream.Collectors.joining(", "))
            + " FROM " + source.table + " WHERE " + source.where(filter, true))
        .collect(java.util.stream.Collectors.joining("\nUNION ALL\n"));
  }

  /**
   * The decided deadlines of the filter counted per group in each source ({@code deadlines},
   * {@code breaches}), for the caller to sum; {@code extra} columns are carried as MAX.
   */
  private static String counted(Filter filter, List<String> groups, List<String> extra) {
    return java.util.Arrays.stream(Source.values())
        .map(source -> {
          String keys = groups.stream().map(c -> source.column(c) + " AS " + c)
              .collect(java.util.stream.Collectors.joining(", "));
          String carried = extra.stream().map(c -> "MAX(" + source.column(c) + ") AS " + c)
              .collect(java.util.stream.Collectors.joining(", "));
          String breaches = source == Source.DONE ? "SUM(CASE WHEN breached THEN 1 ELSE 0 END)" : "COUNT(*)";
          String select = java.util.stream.Stream.of(keys, carried, "COUNT(*) AS deadlines", breaches + " AS breaches")
              .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining(", "));
          String groupBy = groups.isEmpty() ? "" : " GROUP BY " + groups.stream().map(source::column)
              .collect(java.util.stream.Collectors.joining(", "));
          return "SELECT " + select + " FROM " + source.table + " WHERE " + source.where(filter, false) + groupBy;
        })
        .collect(java.util.stream.Collectors.joining("\nUNION ALL\n"));
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

  /** Maps by position: a by-name mapper asks the driver for absent column spellings, one exception each. */
  private static Breach breach(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    java.sql.Timestamp done = rs.getTimestamp(11);
    return new Breach(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toLocalDateTime(),
        done == null ? null : done.toLocalDateTime(), rs.getLong(12));
  }

  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal minutes(BigDecimal value) {
    return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
  }
}
