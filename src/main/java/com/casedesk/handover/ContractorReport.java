package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Monthly contractor quality statistics (月度质量投诉及返修统计), per company and contractor, over
 * the defects assigned to the contractor in the month (office time zone): defects received,
 * rectified on time (first verified rectification by its deadline), overdue (rectified late, or
 * still open past the deadline), verification failures and owner send-backs (reworks), and the
 * average days from assignment to verification.
 */
@Service
public class ContractorReport {

  /** One contractor's month in one company. */
  public record Line(String companyCode, String contractorCode, String contractorName, int received, int rectifiedOnTime,
      int overdue, int reworks, BigDecimal averageDays) {}

  /** The report. */
  public record Report(String month, List<String> companies, List<Line> lines) {}

  private final JdbcClient jdbc;
  private final WorkingTime workingTime;

  ContractorReport(JdbcClient jdbc, WorkingTime workingTime) {
    this.jdbc = jdbc;
    this.workingTime = workingTime;
  }

  public Report forMonth(YearMonth month, List<String> companies) {
    if (companies.isEmpty()) {
      return new Report(month.toString(), companies, List.of());
    }
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(workingTime.zone()).toInstant());
    Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(workingTime.zone()).toInstant());
    Timestamp now = new Timestamp(EngineClock.now().getTime());
    String in = String.join(",", companies.stream().map(c -> "?").toList());
    List<Object> params = new java.util.ArrayList<>(List.of(now, from, to));
    params.addAll(companies);
    String sql = """
        SELECT d.company_code, d.contractor_code, c.name AS contractor_name,
               COUNT(*) AS received,
               SUM(CASE WHEN d.rectified_on_time = TRUE THEN 1 ELSE 0 END) AS rectified_on_time,
               SUM(CASE WHEN d.rectified_on_time = FALSE OR (d.verified_at IS NULL AND d.due_at < ?) THEN 1 ELSE 0 END) AS overdue,
               SUM(d.rework_count) AS reworks,
               AVG(CASE WHEN d.verified_at IS NULL THEN NULL ELSE CAST(%s AS DECIMAL(12, 2)) END) AS average_minutes
        FROM unit_defect d JOIN contractor c ON c.code = d.contractor_code
        WHERE d.assigned_at >= ? AND d.assigned_at < ? AND d.company_code IN (%s)
        GROUP BY d.company_code, d.contractor_code, c.name
        ORDER BY d.company_code, d.contractor_code""".formatted(MINUTES_BETWEEN, in);
    List<Line> lines = jdbc.sql(sql)
        .params(params)
        .query((rs, row) -> new Line(rs.getString("company_code"), rs.getString("contractor_code"),
            rs.getString("contractor_name"), rs.getInt("received"), rs.getInt("rectified_on_time"), rs.getInt("overdue"),
            rs.getInt("reworks"), days(rs.getBigDecimal("average_minutes"))))
        .list();
    return new Report(month.toString(), companies, lines);
  }

  /** Minutes from assignment to verification, in SQL both H2 and PostgreSQL read. */
  private static final String MINUTES_BETWEEN =
      "(EXTRACT(EPOCH FROM d.verified_at) - EXTRACT(EPOCH FROM d.assigned_at)) / 60";

  private static BigDecimal days(BigDecimal minutes) {
    return minutes == null ? null : minutes.divide(BigDecimal.valueOf(24 * 60), 2, RoundingMode.HALF_UP);
  }
}
