package com.casedesk.repair;

import com.casedesk.calendar.WorkingTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly repair-callback report (维修回访月报): per company, technician and category, the
 * orders whose work was first completed in the month (office time zone), with on-time arrival
 * and completion rates (first visit against its deadlines), rework rate (返修率: orders sent back
 * at least once), average satisfaction (latest callback) and charges. An order counts for the
 * technician of its first visit, whose work the callback judged.
 */
@Service
public class RepairReport {

  private final JdbcClient jdbc;
  private final WorkingTime workingTime;
  private final Technicians technicians;

  RepairReport(JdbcClient jdbc, WorkingTime workingTime, Technicians technicians) {
    this.jdbc = jdbc;
    this.workingTime = workingTime;
    this.technicians = technicians;
  }

  /** One line of the report. Rates are fractions (0.75 = 75 %), rounded to 4 places; null when nothing to rate. */
  public record Line(String companyCode, String technician, String technicianName, String category, int orders,
      int arrivedOnTime, int completedOnTime, int reworked, int rated, BigDecimal onTimeArrivalRate,
      BigDecimal onTimeCompletionRate, BigDecimal reworkRate, BigDecimal averageSatisfaction, BigDecimal charges) {}

  public record Report(String month, List<String> companies, List<Line> lines, List<Line> companyTotals) {}

  private record Row(String companyCode, String technician, String category, int orders, int arrivedOnTime,
      int completedOnTime, int reworked, int rated, long satisfactionSum, BigDecimal charges) {}

  public Report forMonth(YearMonth month, Collection<String> companyCodes) {
    List<String> companies = companyCodes.stream().sorted().toList();
    if (companies.isEmpty()) {
      return new Report(month.toString(), companies, List.of(), List.of());
    }
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(workingTime.zone()).toInstant());
    Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(workingTime.zone()).toInstant());
    List<Row> rows = jdbc.sql("""
            SELECT company_code, first_technician AS technician, category,
                COUNT(*) AS orders,
                SUM(CASE WHEN arrived_on_time THEN 1 ELSE 0 END) AS arrived_on_time,
                SUM(CASE WHEN completed_on_time THEN 1 ELSE 0 END) AS completed_on_time,
                SUM(CASE WHEN rework_count > 0 THEN 1 ELSE 0 END) AS reworked,
                COUNT(satisfaction) AS rated,
                COALESCE(SUM(satisfaction), 0) AS satisfaction_sum,
                SUM(charge_amount) AS charges
            FROM repair_order
            WHERE first_completed_at >= :from AND first_completed_at < :to AND company_code IN (:companies)
            GROUP BY company_code, first_technician, category
            ORDER BY company_code, first_technician, category""")
        .param("from", from).param("to", to).param("companies", companies)
        .query(Row.class).list();
    List<Line> lines = new ArrayList<>();
    Map<String, Row> totals = new LinkedHashMap<>();
    for (Row row : rows) {
      lines.add(line(row, technicians.name(row.technician())));
      totals.merge(row.companyCode(), new Row(row.companyCode(), null, null, row.orders(), row.arrivedOnTime(),
          row.completedOnTime(), row.reworked(), row.rated(), row.satisfactionSum(), row.charges()), RepairReport::add);
    }
    return new Report(month.toString(), companies, lines, totals.values().stream().map(row -> line(row, null)).toList());
  }

  private static Row add(Row a, Row b) {
    return new Row(a.companyCode(), null, null, a.orders() + b.orders(), a.arrivedOnTime() + b.arrivedOnTime(),
        a.completedOnTime() + b.completedOnTime(), a.reworked() + b.reworked(), a.rated() + b.rated(),
        a.satisfactionSum() + b.satisfactionSum(), a.charges().add(b.charges()));
  }

  private static Line line(Row row, String technicianName) {
    return new Line(row.companyCode(), row.technician(), technicianName, row.category(), row.orders(),
        row.arrivedOnTime(), row.completedOnTime(), row.reworked(), row.rated(),
        rate(row.arrivedOnTime(), row.orders()), rate(row.completedOnTime(), row.orders()),
        rate(row.reworked(), row.orders()),
        row.rated() == 0 ? null : BigDecimal.valueOf(row.satisfactionSum()).divide(BigDecimal.valueOf(row.rated()), 2, RoundingMode.HALF_UP),
        row.charges().setScale(2, RoundingMode.HALF_UP));
  }

  private static BigDecimal rate(int count, int of) {
    return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
  }
}
